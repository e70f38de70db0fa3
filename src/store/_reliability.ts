import type { RunErrorCode } from '../../sandbox/index.js';
import type { StoreKeys } from './_keys.js';
import type { Reliability } from './skill-record.js';
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

/** Counts one run: each counter is its own atomic increment, so concurrent runs never lose a count. */
export async function countRun(
  backend: StoreBackend,
  keys: StoreKeys,
  name: string,
  version: number,
  result: { ok: boolean; error?: { code: RunErrorCode } },
): Promise<void> {
  await backend.claimVersion(keys.runCounter(name, version, 'runs'));
  const part = result.ok ? 'ok' : `failed:${result.error?.code ?? 'SKILL_THREW'}`;
  await backend.claimVersion(keys.runCounter(name, version, part));
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
