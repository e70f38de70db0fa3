import { KnackError } from '../../core/index.js';
import type { SkillStatus } from './skill-record.js';

// Allowed status moves. `active` targets also pass the review check; deprecated -> active is a rollback.
const allowed: Record<SkillStatus, readonly SkillStatus[]> = {
  draft: ['verified', 'active', 'deprecated'],
  verified: ['active', 'deprecated'],
  active: ['deprecated'],
  deprecated: ['active'],
};

/** Throws INVALID_STATUS_TRANSITION unless `from` may move to `to`. */
export function assertTransition(ref: string, from: SkillStatus, to: SkillStatus, isVerified: boolean): void {
  if (from === to) {
    throw new KnackError('INVALID_STATUS_TRANSITION', `${ref} is already ${to}.`);
  }
  if (!allowed[from].includes(to)) {
    throw new KnackError(
      'INVALID_STATUS_TRANSITION',
      `${ref} cannot move from ${from} to ${to}; from ${from} it may move to ${allowed[from].join(' or ')}.`,
    );
  }
  if (to === 'verified' && !isVerified) {
    throw new KnackError(
      'INVALID_STATUS_TRANSITION',
      `${ref} cannot be marked verified: its replay did not pass. A human may approve it (\`knack review approve\`) and promote it.`,
    );
  }
}
