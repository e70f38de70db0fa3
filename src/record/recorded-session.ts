import { randomBytes } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { KnackError, safeParseJson, type ToolManifestEntry } from '../../core/index.js';
import type { TrajectoryStep } from '../../compiler/index.js';

/**
 * Where a recorded session stands: `recording` while its client is connected (a file left so
 * means the recorder stopped mid-session), `ended` once it closed after `knack_done`,
 * `incomplete` once it closed without one.
 */
export type RecordingStatus = 'recording' | 'ended' | 'incomplete';

/** Who supplied the task or the outcome of a session. */
export type SessionMarkSource = 'agent' | 'flag' | 'mark' | 'chat';

/** What `knack record` keeps about a session beside the trajectory fields (its `recording` field). */
export interface RecordingInfo {
  by: 'knack record';
  status: RecordingStatus;
  /** The proxied server as `--tools` spells it (`mcp+stdio:"…"`, `mcp+http://…`); environment left out. */
  server: string;
  /** ISO 8601 times. */
  startedAt: string;
  updatedAt: string;
  endedAt?: string;
  /** The server's tools as its pack names them: the manifest to compile the session against. */
  tools?: ToolManifestEntry[];
  /** Who gave the task: the agent (`knack_task`), `--task`, `knack record mark` or an attached chat. */
  taskFrom?: SessionMarkSource;
  outcomeFrom?: SessionMarkSource;
  /** How many distinct secrets the file holds as `<secret-N>` placeholders instead of their values. */
  secrets?: number;
  /** Set by `knack propose` once a proposed skill covers the session. */
  proposed?: { ref: string; at: string };
}

/**
 * A session file written by `knack record`: a native trajectory (see `trajectory.schema.json`)
 * whose `task` and `outcome` may still be missing, plus `recording`.
 */
export interface RecordedSession {
  id: string;
  /** The user's request; missing until the agent, `--task`, a mark or a chat supplies it. */
  task?: string;
  /** The values the user supplied, by name, when the agent gave them (`knack_task`'s `input`). */
  input?: Record<string, unknown>;
  /** Later user turns that carried values (`knack_note`, or a chat's later turns). */
  context?: string[];
  steps: TrajectoryStep[];
  /** Missing until `knack_done` or `knack record mark`. */
  outcome?: 'success' | 'failure';
  answer?: unknown;
  recording: RecordingInfo;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** True when `value` is shaped like a session file of `knack record`. */
export function isRecordedSession(value: unknown): value is RecordedSession {
  return (
    isRecord(value) &&
    typeof value['id'] === 'string' &&
    Array.isArray(value['steps']) &&
    isRecord(value['recording']) &&
    value['recording']['by'] === 'knack record'
  );
}

/**
 * Reads a session file of `knack record`.
 * @throws KnackError NOT_FOUND (no file), INVALID_ARGUMENT (not JSON, or not a recorded session), naming the file.
 */
export async function readRecordedSession(file: string): Promise<RecordedSession> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new KnackError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'INVALID_ARGUMENT',
      `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${(error as Error).message})`}.`,
      { where: { file }, cause: error },
    );
  }
  const parsed = safeParseJson(text);
  if (!parsed.ok)
    throw new KnackError('INVALID_ARGUMENT', `${file}: not valid JSON: ${parsed.message}.`, {
      where: { file },
    });
  if (!isRecordedSession(parsed.value)) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${file}: not a session recorded by \`knack record\` (no \`recording\` field of \`by: "knack record"\`).`,
      { where: { file } },
    );
  }
  return parsed.value;
}

// The user's words first, then the calls, then the recorder's own notes: the order a reader wants.
function inFileOrder(session: RecordedSession): RecordedSession {
  const { id, task, input, context, steps, outcome, answer, recording, ...rest } = session;
  return {
    id,
    ...(task === undefined ? {} : { task }),
    ...(input === undefined ? {} : { input }),
    ...(context === undefined ? {} : { context }),
    steps,
    ...(outcome === undefined ? {} : { outcome }),
    ...(answer === undefined ? {} : { answer }),
    ...rest,
    recording,
  };
}

/**
 * Writes a session file atomically: a temporary file beside it, then a rename, so a reader (or a
 * crash) sees the previous whole file or the new one, never half of one.
 * @throws KnackError STORE_WRITE_FAILED naming the file.
 */
export async function writeRecordedSession(file: string, session: RecordedSession): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(inFileOrder(session), null, 2)}\n`);
    await rename(temporary, file);
  } catch (error) {
    throw new KnackError(
      'STORE_WRITE_FAILED',
      `${file}: cannot write the session (${(error as Error).message}).`,
      {
        where: { file },
        cause: error,
      },
    );
  }
}
