// Maturity moves in the history: the ones a status move or review causes (recorded right after
// it) and the ones an assessment of evidence makes (`store.recordMaturity`).
import { KnackError } from '../../core/index.js';
import { resolveRef, statusOf } from './_read-version.js';
import { appendEvent, readSkillState, type FoldedHistory } from './_skill-state.js';
import type { StoreContext } from './_store-context.js';
import { deriveMaturity, maturityOrder, maturityReason } from './maturity.js';
import { parseSkillRef } from './parse-skill-ref.js';
import type { HistoryEvent, SkillStatus } from './skill-record.js';
import type { MaturityMove } from './skill-store-types.js';

function statusIn(state: FoldedHistory, version: number, initialStatus: SkillStatus): SkillStatus {
  return state.statuses.get(version) ?? initialStatus;
}

/**
 * After a status move or review of `version` (and the version it superseded), appends a
 * maturity-changed event for each whose derived maturity moved, with the reason.
 */
export async function recordCausedMoves(
  context: StoreContext,
  name: string,
  before: FoldedHistory,
  moved: { version: number; initialStatus: SkillStatus; supersedes?: number },
  by: string,
): Promise<void> {
  const after = await readSkillState(context.backend(), context.keys, name);
  const versions: [number, SkillStatus][] = [[moved.version, moved.initialStatus]];
  // A superseded version was active, so its status is in the history.
  if (moved.supersedes !== undefined && moved.supersedes !== moved.version)
    versions.push([moved.supersedes, 'active']);
  for (const [version, initialStatus] of versions) {
    const status = {
      before: statusIn(before, version, initialStatus),
      after: statusIn(after, version, initialStatus),
    };
    const was = deriveMaturity(status.before, before.reviews.get(version), before.maturities.get(version));
    const review = after.reviews.get(version);
    const is = deriveMaturity(status.after, review, after.maturities.get(version));
    if (was === is) continue;
    const superseded = version === moved.supersedes ? `: @${moved.version} became active` : '';
    await appendEvent(context.backend(), context.keys, name, {
      kind: 'maturity-changed',
      version,
      maturity: is,
      previousMaturity: was,
      by,
      at: context.now().toISOString(),
      note: `${maturityReason(status.after, review)}${superseded}`,
    });
  }
}

/**
 * Records a maturity move of `name@N` decided on evidence (or a demotion).
 * @throws KnackError INVALID_SKILL_REF (not `name@N`), INVALID_ARGUMENT (bad move, or above
 * `deliberate` for a version that is not active and approved), NOT_FOUND.
 */
export async function recordMaturityMove(
  context: StoreContext,
  ref: string,
  move: MaturityMove & { by: string },
): Promise<HistoryEvent> {
  if (parseSkillRef(ref).selector !== 'version')
    throw new KnackError(
      'INVALID_SKILL_REF',
      `recordMaturity needs an exact version (\`name@N\`), got \`${ref}\`.`,
    );
  if (!maturityOrder.includes(move?.maturity))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `recordMaturity: \`maturity\` must be one of ${maturityOrder.join(', ')}, got ${JSON.stringify(move?.maturity)}.`,
      { where: { field: 'maturity' } },
    );
  if (typeof move.reason !== 'string' || move.reason.trim() === '')
    throw new KnackError('INVALID_ARGUMENT', 'recordMaturity needs `reason`: why the version moves.', {
      where: { field: 'reason' },
    });
  const { record, state } = await resolveRef(context, ref);
  const status = statusOf(record, state);
  const review = state.reviews.get(record.version);
  if (move.maturity !== 'deliberate' && (status !== 'active' || review?.decision !== 'approve'))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${ref} cannot be ${move.maturity}: it is ${maturityReason(status, review)}.`,
      { where: { field: 'maturity' } },
    );
  return appendEvent(context.backend(), context.keys, record.name, {
    kind: 'maturity-changed',
    version: record.version,
    maturity: move.maturity,
    previousMaturity: deriveMaturity(status, review, state.maturities.get(record.version)),
    ...(move.needsRefinement ? { needsRefinement: true } : {}),
    ...(move.evidence ? { evidence: move.evidence } : {}),
    by: move.by,
    at: context.now().toISOString(),
    note: move.reason,
  });
}
