import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../core/index.js';
import type { LogEntry } from './types.js';

/** What the isolate's runner reported, after checking its shape. */
export type RunnerReport =
  | { kind: 'value'; value: unknown; logs: LogEntry[] }
  | { kind: 'too-large'; bytes: number; logs: LogEntry[] }
  | { kind: 'too-deep'; logs: LogEntry[] }
  | { kind: 'error'; error: ThrownError; logs: LogEntry[] };

/** An error thrown inside the isolate, as plain strings. */
export interface ThrownError {
  name: string;
  message: string;
  stack: string;
  code?: string;
  step?: number;
}

const levels = new Set(['log', 'info', 'warn', 'error', 'debug']);

function str(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** Reads an error description from the isolate; every field may be missing or of a wrong type. */
export function readThrown(value: unknown): ThrownError {
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const thrown: ThrownError = {
    name: str(record['name'], 200) || 'Error',
    message: str(record['message'], 4000),
    stack: str(record['stack'], 16000),
  };
  if (record['code'] === 'TOOL_FAILED') thrown.code = 'TOOL_FAILED';
  const step = record['step'];
  if (typeof step === 'number' && Number.isSafeInteger(step) && step > 0) thrown.step = step;
  return thrown;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, cut between characters. */
function utf8Prefix(text: string, maxBytes: number): string {
  if (text.length * 3 <= maxBytes || Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += char.length;
  }
  return text.slice(0, end);
}

function readLogs(value: unknown, maxLogBytes: number, isTruncated: boolean): LogEntry[] {
  const logs: LogEntry[] = [];
  if (!Array.isArray(value)) return logs;
  let budget = maxLogBytes;
  for (const item of value) {
    if (budget <= 0) break;
    if (!Array.isArray(item) || typeof item[0] !== 'string' || !levels.has(item[0])) continue;
    const message = utf8Prefix(str(item[1], budget), budget);
    budget -= Buffer.byteLength(message) + 1;
    logs.push({ level: item[0] as LogEntry['level'], message });
  }
  if (isTruncated)
    logs.push({ level: 'warn', message: `[knack] console output cut at ${maxLogBytes} bytes` });
  return logs;
}

/**
 * The returned value, its size checked here again: the glue's own check runs with the skill's
 * code around it. The whole report bounds the value's size, so most values need no second count.
 */
function readValue(payload: string, value: unknown, maxOutputBytes: number, logs: LogEntry[]): RunnerReport {
  if (payload.length * 3 > maxOutputBytes && Buffer.byteLength(payload) > maxOutputBytes) {
    const bytes = Buffer.byteLength(JSON.stringify(value));
    if (bytes > maxOutputBytes) return { kind: 'too-large', bytes, logs };
  }
  return { kind: 'value', value, logs };
}

/** Reads the runner's JSON report; undefined when it is not one (a skill that broke the glue). */
export function readRunnerReport(
  payload: string,
  maxLogBytes: number,
  maxOutputBytes: number,
): RunnerReport | undefined {
  // The report wraps the value in one object: one level more than a value may have.
  if (exceedsJsonDepth(payload, MAX_JSON_DEPTH + 1)) return { kind: 'too-deep', logs: [] };
  let parsed: unknown;
  try {
    // V8's JSON.parse is iterative: no depth can overflow it. No tolerant fallback: a report
    // that is not JSON is a broken glue, whatever its position.
    parsed = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const report = parsed as Record<string, unknown>;
  const logs = readLogs(report['l'], maxLogBytes, report['t'] === true);
  switch (report['k']) {
    case 'v':
      return readValue(payload, report['v'], maxOutputBytes, logs);
    case 'u':
      return { kind: 'value', value: undefined, logs };
    case 'o':
      return { kind: 'too-large', bytes: typeof report['n'] === 'number' ? report['n'] : 0, logs };
    case 'e':
      return { kind: 'error', error: readThrown(report['e']), logs };
    default:
      return undefined;
  }
}
