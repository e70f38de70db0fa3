import { isSchemaWidened } from '../diff/index.js';
import { KnackError } from '../../core/index.js';
import type { ReviewDecision, SkillVersionRecord } from './skill-record.js';

/** Why a version needs a human approval before it may become active. */
export interface ReviewRequirement {
  reason: 'permission-added' | 'input-widened' | 'unverified' | 'proposed';
  message: string;
}

/** How activation treats versions that need review. */
export interface ReviewPolicy {
  /**
   * Approve, without a human, versions whose permissions do not grow and whose replay passed
   * (a widened input alone is then accepted). The approval is recorded as by `policy:auto-approve`.
   * @default false
   */
  autoApprove?: boolean;
}

/**
 * What stands between `candidate` and activation, compared with the currently active version
 * (none active: every permission counts as added).
 */
export function reviewRequirements(
  candidate: SkillVersionRecord,
  active?: SkillVersionRecord,
): ReviewRequirement[] {
  const requirements: ReviewRequirement[] = [];
  const granted = new Set(active?.permissions ?? []);
  const added = candidate.permissions.filter((tool) => !granted.has(tool));
  if (added.length > 0) {
    const against = active ? `${active.name}@${active.version}` : 'no active version';
    requirements.push({
      reason: 'permission-added',
      message: `adds tool permission(s) ${added.join(', ')} (vs ${against})`,
    });
  }
  if (active && isSchemaWidened(active.inputSchema, candidate.inputSchema)) {
    requirements.push({
      reason: 'input-widened',
      message: `its Input accepts more than ${active.name}@${active.version}`,
    });
  }
  if (candidate.provenance.proposal) {
    requirements.push({
      reason: 'proposed',
      message: `proposed by ${candidate.provenance.proposal.by} from ${candidate.provenance.proposal.runs} recorded sessions; a reviewer decides`,
    });
  }
  if (!candidate.verification.isVerified) {
    requirements.push({ reason: 'unverified', message: 'its replay verification did not pass' });
  }
  return requirements;
}

/** The outcome of checking activation: allowed (maybe by the auto-approve policy) or not. */
export type ActivationCheck =
  { isAllowed: true; isAutoApproved: boolean } | { isAllowed: false; message: string };

/** Decides whether `candidate` may become active now, given its latest review and the policy. */
export function checkActivation(
  candidate: SkillVersionRecord,
  active: SkillVersionRecord | undefined,
  review: ReviewDecision | undefined,
  policy: ReviewPolicy = {},
): ActivationCheck {
  const ref = `${candidate.name}@${candidate.version}`;
  if (review?.decision === 'reject') {
    return {
      isAllowed: false,
      message: `${ref} was rejected by ${review.by}${review.note ? ` ("${review.note}")` : ''}; approve it first.`,
    };
  }
  const requirements = reviewRequirements(candidate, active);
  if (requirements.length === 0 || review?.decision === 'approve')
    return { isAllowed: true, isAutoApproved: false };
  const isAutoApprovable = requirements.every((requirement) => requirement.reason === 'input-widened');
  if (policy.autoApprove && isAutoApprovable) return { isAllowed: true, isAutoApproved: true };
  return {
    isAllowed: false,
    message: `${ref} needs a human approval: ${requirements.map((requirement) => requirement.message).join('; ')}. Run \`knack review approve ${ref} --by WHO --note TEXT\`.`,
  };
}

/** Throws REVIEW_REQUIRED when `check` refuses activation. */
export function assertActivation(
  check: ActivationCheck,
): asserts check is { isAllowed: true; isAutoApproved: boolean } {
  if (!check.isAllowed) throw new KnackError('REVIEW_REQUIRED', check.message);
}
