/** A recorded call the compiler left out of a skill, as provenance stores it. */
export interface LeftOutCall {
  trajectoryId: string;
  step: number;
  tool: string;
  reason: string;
  error?: string;
}

const reasons: Record<string, string> = {
  'failed-retried': 'failed, then retried: exploration',
  'failed-read-only': 'a read-only call that failed',
  'failed-not-retried': 'failed and never retried: it changed nothing, the skill does not make it',
  'unused-read-only': 'read-only, result never used',
  'repeated-read-only': 'read-only, made again later with the same arguments: the later result is used',
  'scanned-past-match': 'read-only lookup past the match; sibling runs stop there',
};

/** One line for a reviewer: `book-flight-noor step 4 book_reservation: failed, then retried (Not enough seats)`. */
export function describeLeftOut(call: LeftOutCall): string {
  const why = reasons[call.reason] ?? call.reason;
  return `${call.trajectoryId} step ${call.step} ${call.tool}: ${why}${call.error ? ` (${call.error})` : ''}`;
}
