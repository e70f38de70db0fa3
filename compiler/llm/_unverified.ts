import { isCleanlyVerified } from './format-feedback.js';
import type { CheckOutcome } from './llm-types.js';

/**
 * The outcome with `isVerified` false when it reports error diagnostics: a check that says
 * "verified" while reporting errors is not trusted.
 */
export function withHonestVerification(outcome: CheckOutcome): CheckOutcome {
  if (!outcome.verification.isVerified || isCleanlyVerified(outcome)) return outcome;
  return { ...outcome, verification: { ...outcome.verification, isVerified: false } };
}
