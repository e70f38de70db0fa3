import type { CheckOutcome } from './llm-types.js';

const MAX_ITEMS = 12;

function location(line?: number, column?: number): string {
  if (line === undefined) return '';
  return column === undefined ? `line ${line}: ` : `line ${line}, column ${column}: `;
}

/** The error diagnostics of an outcome, one line each, capped. */
export function errorLines(outcome: CheckOutcome): string[] {
  return outcome.diagnostics
    .filter((diagnostic) => diagnostic.severity === 'error')
    .slice(0, MAX_ITEMS)
    .map((d) => `${location(d.line, d.column)}${d.code ? `[${d.code}] ` : ''}${d.message}`);
}

/** The failed replays of an outcome, one line each, capped. */
export function mismatchLines(outcome: CheckOutcome): string[] {
  return outcome.verification.reports
    .filter((report) => !report.ok)
    .slice(0, MAX_ITEMS)
    .map(
      (report) =>
        `trajectory ${report.trajectoryId}${report.step === undefined ? '' : `, step ${report.step}`}: ${report.message ?? 'replay failed'}`,
    );
}

/** True when the check verified the module and found no error. */
export function isCleanlyVerified(outcome: CheckOutcome): boolean {
  return outcome.verification.isVerified && !outcome.diagnostics.some((d) => d.severity === 'error');
}

/** Every error and replay mismatch of an outcome, as Markdown lists; empty when there are none. */
export function describeCheckProblems(outcome: CheckOutcome): string {
  const errors = errorLines(outcome);
  const mismatches = mismatchLines(outcome);
  const parts: string[] = [];
  if (errors.length > 0)
    parts.push(`Type, policy and bundle errors:\n${errors.map((l) => `- ${l}`).join('\n')}`);
  if (mismatches.length > 0) parts.push(`Replay mismatches:\n${mismatches.map((l) => `- ${l}`).join('\n')}`);
  if (parts.length === 0 && !isCleanlyVerified(outcome)) parts.push('The module was not verified by replay.');
  return parts.join('\n\n');
}

/** The message sent back to the model after a failed check: every error and replay mismatch. */
export function formatCheckFeedback(outcome: CheckOutcome): string {
  return [
    'Your module did not pass the checks.',
    describeCheckProblems(outcome),
    'Fix every problem and reply with the whole corrected module in one ```ts block.',
  ].join('\n\n');
}

/** A one-line summary of why a check failed, for attempt records (never the source). */
export function summarizeFailure(outcome: CheckOutcome): string {
  const first = [...errorLines(outcome), ...mismatchLines(outcome)];
  const summary = first.slice(0, 3).join('; ') || 'not verified by replay';
  return summary.length > 400 ? `${summary.slice(0, 400)}…` : summary;
}
