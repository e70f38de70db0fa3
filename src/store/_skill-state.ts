import { safeParseJson } from '../../sandbox/index.js';
import { KnackError } from '../errors.js';
import type { StoreKeys } from './_keys.js';
import { validateEvent, validateRecord } from './_record-schemas.js';
import type { HistoryEvent, ReviewDecision, SkillStatus, SkillVersionRecord } from './skill-record.js';
import type { StoreBackend } from './store-backend.js';

/** A skill's mutable state, folded from its append-only history. */
export interface SkillState {
  name: string;
  /** Version numbers claimed so far; a crashed publish may leave a number without a record. */
  claimedVersions: number;
  /** Event numbers claimed so far. */
  claimedEvents: number;
  events: HistoryEvent[];
  statuses: Map<number, SkillStatus>;
  activeVersion?: number;
  reviews: Map<number, ReviewDecision>;
}

function parseCounter(text: string | undefined, key: string): number {
  if (text === undefined) return 0;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] Counter \`${key}\` holds \`${text.slice(0, 40)}\`, not a count.`,
    );
  }
  return value;
}

/** Parses a stored record; a record that fails its schema is STORE_CORRUPT naming the key. */
export function parseRecord(text: string, key: string): SkillVersionRecord {
  const parsed = safeParseJson(text, validateRecord);
  if (!parsed.ok)
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] Record \`${key}\` is unreadable: ${parsed.message}`,
    );
  return parsed.value;
}

function parseEvent(text: string, key: string): HistoryEvent {
  const parsed = safeParseJson(text, validateEvent);
  if (!parsed.ok)
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] History event \`${key}\` is unreadable: ${parsed.message}`,
    );
  return parsed.value;
}

/** Replays events in order: an activation deprecates the version it supersedes. */
export function foldEvents(
  events: readonly HistoryEvent[],
): Pick<SkillState, 'statuses' | 'activeVersion' | 'reviews'> {
  const statuses = new Map<number, SkillStatus>();
  const reviews = new Map<number, ReviewDecision>();
  let activeVersion: number | undefined;
  for (const event of events) {
    if (event.kind === 'reviewed' && event.decision) {
      reviews.set(event.version, {
        decision: event.decision,
        by: event.by,
        at: event.at,
        ...(event.note === undefined ? {} : { note: event.note }),
      });
      continue;
    }
    if (!event.status) continue;
    if (event.status === 'active') {
      if (activeVersion !== undefined && activeVersion !== event.version)
        statuses.set(activeVersion, 'deprecated');
      activeVersion = event.version;
    } else if (activeVersion === event.version) {
      activeVersion = undefined;
    }
    statuses.set(event.version, event.status);
  }
  return { statuses, reviews, ...(activeVersion === undefined ? {} : { activeVersion }) };
}

/** Reads a skill's counters and history (events lost to a crash are gaps, tolerated). */
export async function readSkillState(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
): Promise<SkillState> {
  const [versionsText, eventsText] = await backend.getMany([
    keys.versionCounter(name),
    keys.eventCounter(name),
  ]);
  const claimedVersions = parseCounter(versionsText, keys.versionCounter(name));
  const claimedEvents = parseCounter(eventsText, keys.eventCounter(name));
  const eventKeys = Array.from({ length: claimedEvents }, (_, index) => keys.event(name, index + 1));
  const texts = await backend.getMany(eventKeys);
  const events: HistoryEvent[] = [];
  texts.forEach((text, index) => {
    if (text !== undefined) events.push(parseEvent(text, eventKeys[index] ?? ''));
  });
  return { name, claimedVersions, claimedEvents, events, ...foldEvents(events) };
}

/** Appends one event under a freshly claimed number; written once, never edited. */
export async function appendEvent(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  event: Omit<HistoryEvent, 'number'>,
): Promise<HistoryEvent> {
  const number = await backend.claimVersion(keys.eventCounter(name));
  const stored: HistoryEvent = { number, ...event };
  if (!(await backend.add(keys.event(name, number), JSON.stringify(stored)))) {
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] History event \`${keys.event(name, number)}\` already exists; its counter went back.`,
    );
  }
  return stored;
}
