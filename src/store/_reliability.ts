import type { RunErrorCode } from '../../sandbox/index.js';
import type { StoreKeys } from './_keys.js';
import type { Reliability, RunWindow } from './skill-record.js';
import type { StoreBackend } from './backends/index.js';

// Every run error code, so counters are read by key instead of by scanning. A Record fails to
// compile when RunErrorCode gains a code this list lacks.
const everyCode: Record<RunErrorCode, true> = {
  TIMEOUT: true,
  MEMORY_LIMIT: true,
  TOOL_NOT_ALLOWED: true,
  INVALID_TOOL_ARGS: true,
  INVALID_INPUT: true,
  INVALID_OUTPUT: true,
  OUTPUT_TOO_LARGE: true,
  TOOL_FAILED: true,
  TOOL_CALL_LIMIT: true,
  SKILL_THREW: true,
  WORKER_CRASHED: true,
  COMPILE_ERROR: true,
  ABORTED: true,
  DECLINED: true,
  TOOL_SCHEMA_CHANGED: true,
};
export const runErrorCodes: readonly RunErrorCode[] = Object.keys(everyCode) as RunErrorCode[];

function counterParts(): string[] {
  return ['runs', 'ok', 'outcome:correct', 'outcome:wrong', ...runErrorCodes.map((code) => `failed:${code}`)];
}

/** Reads the run counters of one version (zero before any run). */
export async function readReliability(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
): Promise<Reliability> {
  const parts = counterParts();
  const values = await backend.getMany(parts.map((part) => keys.runCounter(name, version, part)));
  const count = (index: number): number => Number(values[index] ?? 0) || 0;
  const failures: Record<string, number> = {};
  runErrorCodes.forEach((code, index) => {
    const failed = count(index + 4);
    if (failed > 0) failures[code] = failed;
  });
  return { runs: count(0), ok: count(1), failures, outcomes: { correct: count(2), wrong: count(3) } };
}

/**
 * Runs are also counted in time buckets of this length (`w:<bucket>:runs|failed|wrong`), so
 * maturity can read the failure and `wrong` rates over a sliding window from any process.
 */
export const windowBucketMs: number = 10 * 60 * 1000;

/** Failures that are the caller's doing (a bad input, an abort), not the skill's: kept out of the window. */
const callerCodes: readonly string[] = ['INVALID_INPUT', 'ABORTED'];

/** One run to count. */
export interface CountedRun {
  name: string;
  version: number;
  ok: boolean;
  code?: RunErrorCode;
  /** Epoch ms of the run. */
  atMs: number;
}

/** The counter increments a run makes: runs, ok or failed:CODE, and its window bucket. */
function runParts(run: CountedRun): string[] {
  const bucket = `w:${Math.floor(run.atMs / windowBucketMs)}`;
  const parts = ['runs', `${bucket}:runs`, run.ok ? 'ok' : `failed:${run.code ?? 'SKILL_THREW'}`];
  if (!run.ok && !callerCodes.includes(run.code ?? '')) parts.push(`${bucket}:failed`);
  return parts;
}

/** Adds `amount` to a counter: one write where the backend can, else one claim per unit. */
export async function addToCounter(backend: StoreBackend, key: string, amount: number): Promise<void> {
  if (backend.addToCounter) {
    await backend.addToCounter(key, amount);
    return;
  }
  for (let unit = 0; unit < amount; unit++) await backend.claimVersion(key);
}

/**
 * Counts runs: the increments are summed per counter, then each counter gets one atomic add,
 * so concurrent writers never lose a count.
 */
export async function countRuns(
  backend: StoreBackend,
  keys: StoreKeys,
  runs: readonly CountedRun[],
): Promise<void> {
  const sums = new Map<string, number>();
  for (const run of runs) {
    for (const part of runParts(run)) {
      const key = keys.runCounter(run.name, run.version, part);
      sums.set(key, (sums.get(key) ?? 0) + 1);
    }
  }
  await Promise.all([...sums].map(([key, amount]) => addToCounter(backend, key, amount)));
}

/** Counts one run at once. */
export async function countRun(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
  result: { ok: boolean; error?: { code: RunErrorCode } },
  atMs: number = Date.now(),
): Promise<void> {
  const code = result.ok ? undefined : (result.error?.code ?? 'SKILL_THREW');
  await countRuns(backend, keys, [{ name, version, ok: result.ok, ...(code ? { code } : {}), atMs }]);
}

/** Counts a `wrong` report in the window bucket of the time it was made. */
export async function countWrongInWindow(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
  atMs: number,
): Promise<void> {
  const bucket = `w:${Math.floor(atMs / windowBucketMs)}`;
  await backend.claimVersion(keys.runCounter(name, version, `${bucket}:wrong`));
}

/** Sums the window buckets covering `[nowMs - windowMs, nowMs]`. */
export async function readRunWindow(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
  options: { windowMs: number; nowMs: number },
): Promise<RunWindow> {
  const last = Math.floor(options.nowMs / windowBucketMs);
  const first = Math.floor((options.nowMs - options.windowMs) / windowBucketMs);
  const buckets = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const parts = ['runs', 'failed', 'wrong'];
  const values = await backend.getMany(
    buckets.flatMap((bucket) => parts.map((part) => keys.runCounter(name, version, `w:${bucket}:${part}`))),
  );
  const sum = (offset: number): number =>
    buckets.reduce((total, _, index) => total + (Number(values[index * 3 + offset] ?? 0) || 0), 0);
  return { fromMs: first * windowBucketMs, runs: sum(0), failed: sum(1), wrong: sum(2) };
}

/** Writes counters as they were exported (import into a fresh store). */
export async function restoreReliability(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
  reliability: Reliability,
): Promise<void> {
  await backend.set(keys.runCounter(name, version, 'runs'), String(reliability.runs));
  await backend.set(keys.runCounter(name, version, 'ok'), String(reliability.ok));
  // Exports written before outcome reports carry no `outcomes`.
  for (const [outcome, count] of Object.entries(reliability.outcomes ?? {})) {
    await backend.set(keys.runCounter(name, version, `outcome:${outcome}`), String(count));
  }
  for (const [code, count] of Object.entries(reliability.failures)) {
    await backend.set(keys.runCounter(name, version, `failed:${code}`), String(count));
  }
}
