import type { Maturity, MaturityMark, ReviewDecision, SkillStatus } from './skill-record.js';

/** Maturities from least to most trusted. */
export const maturityOrder: readonly Maturity[] = ['deliberate', 'supervised', 'autonomous'];

/**
 * A version's maturity: `deliberate` unless active and approved; then its last recorded move
 * (`autonomous`, or `deliberate` when demoted), else `supervised`.
 * @example deriveMaturity('active', { decision: 'approve', by: 'ana', at }, undefined) // 'supervised'
 */
export function deriveMaturity(status: SkillStatus, review?: ReviewDecision, mark?: MaturityMark): Maturity {
  if (status !== 'active' || review?.decision !== 'approve') return 'deliberate';
  return mark?.maturity ?? 'supervised';
}

/** Why a version has the maturity `deriveMaturity` gives it, for a move not driven by evidence. */
export function maturityReason(status: SkillStatus, review?: ReviewDecision): string {
  if (status !== 'active') return `${status}: not active`;
  if (review?.decision === 'reject') return `active but rejected by ${review.by}`;
  if (review?.decision !== 'approve') return 'active but not approved by a reviewer';
  return `active and approved by ${review.by}`;
}
