import { createValidator, safeParseJson, KnackError } from '../../core/index.js';
import type { StoreKeys } from './_keys.js';
import { recordChange } from './_change-feed.js';
import { validateEvent, validateRecord } from './_record-schemas.js';
import type {
  HistoryEvent,
  MaturityMark,
  ReviewDecision,
  SkillStatus,
  SkillVersionRecord,
} from './skill-record.js';
import type { StoreBackend } from './backends/index.js';

/** Statuses, active version, latest reviews and maturity marks: the fold of a skill's history. */
export interface FoldedHistory {
  statuses: Map<number, SkillStatus>;
  activeVersion?: number;
  reviews: Map<number, ReviewDecision>;
  /** The last maturity move of each version since a status move or a review reset it. */
  maturities: Map<number, MaturityMark>;
}

/** A skill's mutable state, folded from its append-only history. */
export interface SkillState extends FoldedHistory {
  name: string;
  /** Version numbers claimed so far; a crashed publish may leave a number without a record. */
  claimedVersions: number;
  /** Event numbers claimed so far. */
  claimedEvents: number;
  /** The events read: all of them with `fullHistory`, else only those after the cached head. */
  events: HistoryEvent[];
}

// The head caches the fold of events 1..eventCount, all present. Events never change once
// written, so any head, even one a slower writer stored late, is a correct prefix: readers fold
// only the events after it. It covers only the gap-free prefix, because a claimed number may
// still be in flight (or belong to a writer that crashed).
interface SkillHead {
  eventCount: number;
  statuses: [number, SkillStatus][];
  activeVersion?: number;
  reviews: [number, ReviewDecision][];
  /** Absent in heads written before maturity existed (they cover no maturity event). */
  maturities?: [number, MaturityMark][];
}

const validateHead = createValidator<SkillHead>({
  type: 'object',
  required: ['eventCount', 'statuses', 'reviews'],
  properties: {
    eventCount: { type: 'integer', minimum: 0 },
    statuses: {
      type: 'array',
      items: { type: 'array', prefixItems: [{ type: 'integer' }, { type: 'string' }] },
    },
    activeVersion: { type: 'integer' },
    reviews: { type: 'array', items: { type: 'array' } },
    maturities: { type: 'array', items: { type: 'array' } },
  },
});

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
  if (!parsed.ok) {
    throw new KnackError(
      'STORE_CORRUPT',
      `[knack] [store] History event \`${key}\` is unreadable: ${parsed.message}`,
    );
  }
  return parsed.value;
}

function parseHead(text: string | undefined): SkillHead | undefined {
  if (text === undefined) return undefined;
  // A cache: an unreadable head is rebuilt from the events it summarises, not an error.
  const parsed = safeParseJson(text, validateHead);
  return parsed.ok ? parsed.value : undefined;
}

function markOf(event: HistoryEvent & { maturity: MaturityMark['maturity'] }): MaturityMark {
  return {
    maturity: event.maturity,
    ...(event.previousMaturity ? { previousMaturity: event.previousMaturity } : {}),
    reason: event.note ?? '',
    by: event.by,
    at: event.at,
    ...(event.needsRefinement ? { needsRefinement: true } : {}),
    ...(event.evidence ? { evidence: event.evidence } : {}),
  };
}

/**
 * Replays events in order on top of `start`: an activation deprecates the version it supersedes.
 * A status move resets a version's maturity mark; so does a rejection, and an approval lifts a
 * demotion (a `deliberate` mark), while a re-approval keeps `supervised` or `autonomous`.
 */
export function foldEvents(events: readonly HistoryEvent[], start?: FoldedHistory): FoldedHistory {
  const statuses = new Map(start?.statuses);
  const reviews = new Map(start?.reviews);
  const maturities = new Map(start?.maturities);
  let activeVersion = start?.activeVersion;
  for (const event of events) {
    if (event.kind === 'maturity-changed' && event.maturity) {
      maturities.set(event.version, markOf({ ...event, maturity: event.maturity }));
      continue;
    }
    if (event.kind === 'reviewed' && event.decision) {
      const note = event.note === undefined ? {} : { note: event.note };
      reviews.set(event.version, { decision: event.decision, by: event.by, at: event.at, ...note });
      if (event.decision === 'reject' || maturities.get(event.version)?.maturity === 'deliberate')
        maturities.delete(event.version);
      continue;
    }
    if (!event.status) continue;
    if (event.status === 'active') {
      if (activeVersion !== undefined && activeVersion !== event.version) {
        statuses.set(activeVersion, 'deprecated');
        maturities.delete(activeVersion);
      }
      activeVersion = event.version;
    } else if (activeVersion === event.version) {
      activeVersion = undefined;
    }
    statuses.set(event.version, event.status);
    maturities.delete(event.version);
  }
  return { statuses, reviews, maturities, ...(activeVersion === undefined ? {} : { activeVersion }) };
}

async function readEvents(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  from: number,
  to: number,
): Promise<HistoryEvent[]> {
  const eventKeys = Array.from({ length: Math.max(0, to - from) }, (_, index) =>
    keys.event(name, from + index + 1),
  );
  const texts = await backend.getMany(eventKeys);
  const events: HistoryEvent[] = [];
  texts.forEach((text, index) => {
    if (text !== undefined) events.push(parseEvent(text, eventKeys[index] ?? ''));
  });
  return events;
}

function headFold(head: SkillHead | undefined): FoldedHistory | undefined {
  if (!head) return undefined;
  const active = head.activeVersion === undefined ? {} : { activeVersion: head.activeVersion };
  return {
    statuses: new Map(head.statuses),
    reviews: new Map(head.reviews),
    maturities: new Map(head.maturities ?? []),
    ...active,
  };
}

/** Reads a skill's counters and state: the cached head plus the events after it (gaps tolerated). */
export async function readSkillState(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  options: { fullHistory?: boolean } = {},
): Promise<SkillState & { headEventCount: number; base?: FoldedHistory }> {
  const [versionsText, eventsText, headText] = await backend.getMany([
    keys.versionCounter(name),
    keys.eventCounter(name),
    keys.head(name),
  ]);
  const claimedVersions = parseCounter(versionsText, keys.versionCounter(name));
  const claimedEvents = parseCounter(eventsText, keys.eventCounter(name));
  const head = options.fullHistory ? undefined : parseHead(headText);
  const headEventCount = head && head.eventCount <= claimedEvents ? head.eventCount : 0;
  const base = headEventCount > 0 ? headFold(head) : undefined;
  const events = await readEvents(backend, keys, name, headEventCount, claimedEvents);
  return {
    name,
    claimedVersions,
    claimedEvents,
    events,
    headEventCount,
    ...(base ? { base } : {}),
    ...foldEvents(events, base),
  };
}

/** Moves the cached head forward over the gap-free run of events after it. */
export async function refreshHead(backend: StoreBackend, keys: StoreKeys, name: string): Promise<void> {
  const state = await readSkillState(backend, keys, name);
  let count = state.headEventCount;
  const prefix: HistoryEvent[] = [];
  for (const event of state.events) {
    if (event.number !== count + 1) break;
    prefix.push(event);
    count++;
  }
  if (count === state.headEventCount) return;
  const folded = foldEvents(prefix, state.base);
  const head: SkillHead = {
    eventCount: count,
    statuses: [...folded.statuses],
    ...(folded.activeVersion === undefined ? {} : { activeVersion: folded.activeVersion }),
    reviews: [...folded.reviews],
    ...(folded.maturities.size > 0 ? { maturities: [...folded.maturities] } : {}),
  };
  await backend.set(keys.head(name), JSON.stringify(head));
}

/** Appends one event under a freshly claimed number (written once, never edited), then the head. */
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
  await refreshHead(backend, keys, name);
  await recordChange(backend, keys, {
    kind: event.kind,
    name,
    version: event.version,
    ...(event.status ? { status: event.status } : {}),
  });
  return stored;
}
