import type { GeneralizationEvidence, SkillAssumption } from '../../compiler/index.js';

/**
 * One assumption as a reviewer reads it: `amount = 50 in the only recorded run`,
 * `reservationId = "K2M9QA": no rule found for ...`.
 */
export function formatAssumption(assumption: SkillAssumption): string {
  const value = assumption.value === undefined ? '' : ` = ${JSON.stringify(assumption.value)}`;
  const joiner = assumption.reason.startsWith('in ') ? ' ' : ': ';
  return `${assumption.subject}${value}${joiner}${assumption.reason}`;
}

/**
 * A version's generalization evidence on one line, for `knack show` and the compile summary:
 * `verified on 1 distinct input; 2 assumptions: a = 1 in the only recorded run; ...; leave-one-out
 * 2/3 with model-compiled folds (failed: t-3 (...))`; the folds' compiler is named when recorded.
 */
export function formatEvidence(evidence: GeneralizationEvidence): string {
  const inputs = evidence.verifiedInputs;
  const runs = `verified on ${inputs} distinct input${inputs === 1 ? '' : 's'}`;
  const count = evidence.assumptions.length;
  const assumptions =
    count === 0
      ? 'no assumptions'
      : `${count} assumption${count === 1 ? '' : 's'}: ${evidence.assumptions.map(formatAssumption).join('; ')}`;
  const loo = evidence.leaveOneOut;
  const failed = loo?.failures.map((failure) => `${failure.trajectoryId} (${failure.reason})`).join(', ');
  const folds = loo?.compiler ? ` with ${loo.compiler}-compiled folds` : '';
  const held = loo
    ? `; leave-one-out ${loo.reproduced}/${loo.total}${folds}${failed ? ` (failed: ${failed})` : ''}`
    : '';
  return `${runs}; ${assumptions}${held}`;
}
