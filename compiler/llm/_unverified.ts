import { isCleanlyVerified } from './format-feedback.js';
import type { CheckOutcome } from './llm-types.js';

// A check that says "verified" while reporting errors is not trusted: the module stays unverified.
export function withHonestVerification(outcome: CheckOutcome): CheckOutcome {
  if (!outcome.verification.isVerified || isCleanlyVerified(outcome)) return outcome;
  return { ...outcome, verification: { ...outcome.verification, isVerified: false } };
}
