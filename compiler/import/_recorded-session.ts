import { trajectoryError } from './_trajectory-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasText(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * A session file written by `knack record` carries a `recording` object. Its task and outcome are
 * the user's word, not the agent's: a session without them is kept on disk but cannot compile,
 * and the error says how to add what is missing. Returns the value without `recording`, which
 * the compiler has no use for (the recorder's state and the server's tool list).
 */
export function checkRecordedSession(value: unknown, file: string | undefined): unknown {
  if (!isRecord(value) || !isRecord(value['recording'])) return value;
  const recording = value['recording'];
  const name = file ?? (typeof value['id'] === 'string' ? value['id'] : 'the session');
  if (!hasText(value['task'])) {
    throw trajectoryError(
      { file, field: 'task' },
      `a session recorded by \`knack record\` without its task (the agent did not call \`knack_task\` and no \`--task\` was given). ` +
        `Add the user's request: \`knack record mark ${name} --task TEXT\`, or \`knack record attach ${name} --chat CHAT.json\`.`,
    );
  }
  if (value['outcome'] === undefined) {
    const why =
      recording['status'] === 'incomplete'
        ? 'it ended without `knack_done`'
        : 'it is still being recorded, or its recorder stopped before the end';
    throw trajectoryError(
      { file, field: 'outcome' },
      `a session recorded by \`knack record\` without an outcome (${why}). ` +
        `Mark it once you know: \`knack record mark ${name} --outcome success\` (or \`failure\`).`,
    );
  }
  const { recording: _recording, ...trajectory } = value;
  return trajectory;
}
