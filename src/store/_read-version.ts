import { KnackError } from '../../core/index.js';
import { readReliability } from './_reliability.js';
import { parseRecord, readSkillState, type FoldedHistory, type SkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { parseSkillRef } from './parse-skill-ref.js';
import { deriveMaturity } from './maturity.js';
import type { ResolvedVersion, SkillStatus, SkillVersion, SkillVersionRecord } from './skill-record.js';

export async function readRecord(
  context: StoreContext,
  name: string,
  version: number,
): Promise<SkillVersionRecord | undefined> {
  const key = context.keys.version(name, version);
  const text = await context.backend().get(key);
  return text === undefined ? undefined : parseRecord(text, key);
}

export async function latestRecord(
  context: StoreContext,
  state: SkillState,
): Promise<SkillVersionRecord | undefined> {
  // Numbers claimed by a publish that crashed have no record: skip down to the newest whole one.
  for (let version = state.claimedVersions; version >= 1; version--) {
    const record = await readRecord(context, state.name, version);
    if (record) return record;
  }
  return undefined;
}

export async function activeRecord(
  context: StoreContext,
  state: SkillState,
): Promise<SkillVersionRecord | undefined> {
  return state.activeVersion === undefined ? undefined : readRecord(context, state.name, state.activeVersion);
}

export function statusOf(record: SkillVersionRecord, state: FoldedHistory): SkillStatus {
  return state.statuses.get(record.version) ?? record.initialStatus;
}

export function notFound(
  context: StoreContext,
  ref: string,
  state: SkillState,
  selector: string,
): KnackError {
  const { name } = state;
  if (state.claimedVersions === 0)
    return new KnackError('NOT_FOUND', `No skill named \`${name}\` in ${context.location}.`);
  if (selector === 'active') {
    return new KnackError(
      'NOT_FOUND',
      `\`${name}\` has no active version; use \`${name}@latest\` or activate one (\`knack promote ${name}@N\`).`,
    );
  }
  return new KnackError(
    'NOT_FOUND',
    `\`${ref}\` does not exist; \`${name}\` has versions up to ${state.claimedVersions}.`,
  );
}

/** Resolves `name` (active), `name@N` or `name@latest` to a record and its skill's state. */
export async function resolveRef(
  context: StoreContext,
  ref: string,
): Promise<{ record: SkillVersionRecord; state: SkillState }> {
  const parsed = parseSkillRef(ref);
  const state = await readSkillState(context.backend(), context.keys, parsed.name);
  let record: SkillVersionRecord | undefined;
  if (parsed.selector === 'version') record = await readRecord(context, parsed.name, parsed.version);
  else if (parsed.selector === 'latest') record = await latestRecord(context, state);
  else record = await activeRecord(context, state);
  if (!record) throw notFound(context, ref, state, parsed.selector);
  return { record, state };
}

/** The record with its status, latest review and maturity. */
export function resolvedOf(record: SkillVersionRecord, state: FoldedHistory): ResolvedVersion {
  const status = statusOf(record, state);
  const review = state.reviews.get(record.version);
  const mark = state.maturities.get(record.version);
  return {
    ...record,
    status,
    ...(review ? { review } : {}),
    maturity: deriveMaturity(status, review, mark),
    ...(mark ? { maturityMark: mark } : {}),
  };
}

/** The record as callers see it: with status, latest review, maturity and run counters. */
export async function viewOf(
  context: StoreContext,
  record: SkillVersionRecord,
  state: SkillState,
): Promise<SkillVersion> {
  const reliability = await readReliability(context.backend(), context.keys, record.name, record.version);
  return { ...resolvedOf(record, state), reliability };
}
