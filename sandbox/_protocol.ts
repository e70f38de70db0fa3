// Messages between the caller's process and a worker process: one line of JSON each, over a socket
// pair that is fd 3 in the worker. Every message from a worker is treated as hostile and checked
// by `readWorkerMessage`.

/** The name stack lines of a skill bundle carry; the caller maps it through the source map. */
export const BUNDLE_FILENAME = 'knack-bundle.js';

/** Caller -> worker: start a run. `code` is omitted when the worker already holds `hash`. */
export interface RunRequest {
  t: 'run';
  id: number;
  hash: string;
  code?: string;
  /** JSON text of the input; '' for undefined. */
  input: string;
  tools: string[];
  timeoutMs: number;
  memoryLimitMb: number;
  maxOutputBytes: number;
  maxLogBytes: number;
}

/** Caller -> worker: the answer to a tool call. `payload`: 'v' + JSON, 'u', 'e' + JSON error, 'x' + JSON. */
export interface CallReply {
  t: 'reply';
  id: number;
  seq: number;
  payload: string;
}

/** Caller -> worker: the run ended on the caller's side (deadline, abort, policy); stop it now. */
export interface CancelRequest {
  t: 'cancel';
  id: number;
}

export type CallerMessage = RunRequest | CallReply | CancelRequest;

/** Worker -> caller: the isolate called a tool. */
export interface ToolCallMessage {
  t: 'call';
  id: number;
  seq: number;
  tool: string;
  args: string;
}

/** How a run ended inside the worker. */
export type RunOutcome = 'done' | 'threw' | 'timeout' | 'memory' | 'cancelled' | 'compile' | 'failed';

/** Worker -> caller: the run is over in the worker; the worker can take another. */
export interface RunEndMessage {
  t: 'end';
  id: number;
  outcome: RunOutcome;
  /** The runner's JSON for 'done'; an error description JSON for 'threw'; a message otherwise. */
  payload: string;
  cpuNs: number;
  heapUsedBytes: number;
  /** The worker takes no more runs (memory left high); the caller replaces it. */
  isRetiring: boolean;
}

export type WorkerMessage = { t: 'ready' } | ToolCallMessage | RunEndMessage;

const outcomes = new Set<string>(['done', 'threw', 'timeout', 'memory', 'cancelled', 'compile', 'failed']);
const maxMessageChars = 64 * 1024 * 1024;
/** The longest line a worker may send: a message whose strings, JSON-escaped, may double. */
export const maxLineChars: number = 2 * maxMessageChars + 64 * 1024;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isText(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length <= max;
}

/** Checks the shape of a message from a worker; undefined when it is not one we sent for. */
export function readWorkerMessage(message: unknown): WorkerMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Record<string, unknown>;
  switch (m['t']) {
    case 'ready':
      return { t: 'ready' };
    case 'call':
      if (
        !isCount(m['id']) ||
        !isCount(m['seq']) ||
        !isText(m['tool'], 256) ||
        !isText(m['args'], maxMessageChars)
      ) {
        return undefined;
      }
      return { t: 'call', id: m['id'], seq: m['seq'], tool: m['tool'], args: m['args'] };
    case 'end':
      if (!isCount(m['id']) || typeof m['outcome'] !== 'string' || !outcomes.has(m['outcome']))
        return undefined;
      if (!isText(m['payload'], maxMessageChars)) return undefined;
      return {
        t: 'end',
        id: m['id'],
        outcome: m['outcome'] as RunOutcome,
        payload: m['payload'],
        cpuNs: isCount(m['cpuNs']) ? m['cpuNs'] : 0,
        heapUsedBytes: isCount(m['heapUsedBytes']) ? m['heapUsedBytes'] : 0,
        isRetiring: m['isRetiring'] === true,
      };
    default:
      return undefined;
  }
}
