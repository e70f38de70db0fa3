import { userInfo } from 'node:os';
import { KnackError } from '../../core/index.js';
import { activeRecord, resolveRef, statusOf } from './_read-version.js';
import { appendEvent, type SkillState } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { assertTransition } from './_transitions.js';
import { formatSkillRef } from './parse-skill-ref.js';
import { assertActivation, checkActivation } from './review-policy.js';
import type { HistoryEvent, SkillStatus, SkillVersionRecord } from './skill-record.js';
import type { ChangeOptions, FlagOptions, ReviewOptions } from './skill-store-types.js';

export function defaultActor(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    // no passwd entry (some containers): the history still needs a name
    return 'unknown';
  }
}

/** Throws REVIEW_REQUIRED unless `record` may become active; true when the policy auto-approved it. */
export async function assertCanActivate(
  context: StoreContext,
  record: SkillVersionRecord,
  state: SkillState,
): Promise<boolean> {
  const active = await activeRecord(context, state);
  const check = checkActivation(record, active, state.reviews.get(record.version), context.policy);
  assertActivation(check);
  return check.isAutoApproved;
}

/** Moves a version to `status`, enforcing the allowed moves and, toward `active`, the review policy. */
export async function moveStatus(
  context: StoreContext,
  ref: string,
  status: SkillStatus,
  kind: 'status-changed' | 'rolled-back',
  options: ChangeOptions,
): Promise<HistoryEvent> {
  const { record, state } = await resolveRef(context, ref);
  const previousStatus = statusOf(record, state);
  assertTransition(
    formatSkillRef(record.name, record.version),
    previousStatus,
    status,
    record.verification.isVerified,
  );
  const at = context.now().toISOString();
  if (status === 'active' && (await assertCanActivate(context, record, state))) {
    await appendEvent(context.backend(), context.keys, record.name, {
      kind: 'reviewed',
      version: record.version,
      decision: 'approve',
      by: 'policy:auto-approve',
      at,
      note: 'permissions did not grow and replay passed',
    });
  }
  const supersedes = status === 'active' ? state.activeVersion : undefined;
  return appendEvent(context.backend(), context.keys, record.name, {
    kind,
    version: record.version,
    status,
    previousStatus,
    ...(supersedes === undefined ? {} : { supersedes }),
    by: options.by ?? defaultActor(),
    at,
    ...(options.note ? { note: options.note } : {}),
  });
}

/** Appends a `flagged` event: the version was found unfit to run as it is. */
export async function flagVersion(
  context: StoreContext,
  ref: string,
  options: FlagOptions,
): Promise<HistoryEvent> {
  if (typeof options?.note !== 'string' || !options.note.trim())
    throw new KnackError('INVALID_ARGUMENT', 'A flag needs a `note` saying what is wrong with the version.', {
      where: { field: 'note' },
    });
  const { record } = await resolveRef(context, ref);
  return appendEvent(context.backend(), context.keys, record.name, {
    kind: 'flagged',
    version: record.version,
    by: options.by ?? defaultActor(),
    at: context.now().toISOString(),
    note: options.note,
  });
}

/** Records a reviewer's decision. */
export async function reviewVersion(
  context: StoreContext,
  ref: string,
  options: ReviewOptions,
): Promise<HistoryEvent> {
  if (options.decision !== 'approve' && options.decision !== 'reject') {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `A review decision is \`approve\` or \`reject\`, got \`${String(options.decision)}\`.`,
    );
  }
  if (!options.by?.trim())
    throw new KnackError('INVALID_ARGUMENT', 'A review needs a reviewer: pass `by` (`--by WHO`).');
  const { record } = await resolveRef(context, ref);
  return appendEvent(context.backend(), context.keys, record.name, {
    kind: 'reviewed',
    version: record.version,
    decision: options.decision,
    by: options.by,
    at: context.now().toISOString(),
    ...(options.note ? { note: options.note } : {}),
  });
}
