import { createSandbox, type Limits, type Sandbox, type ToolPack } from '../sandbox/index.js';
import { KnackError } from '../core/index.js';
import { callSkill } from './call-skill.js';
import type { SkillStore } from './store/index.js';

/** Options of `benchmarkSkill`. */
export interface BenchmarkSkillOptions {
  store: SkillStore;
  /** `name`, `name@3` or `name@latest`. */
  ref: string;
  /** Inputs to cycle through; each run takes the next one. */
  inputs: readonly unknown[];
  /** Makes the tools of one run; called per run so state-changing tools start fresh. */
  createTools: () => ToolPack;
  /** Number of runs. @default 20 */
  runs?: number;
  /** Runs in flight at once. @default 2 */
  concurrency?: number;
  limits?: Limits;
  /** A sandbox to run in (left open). @default a pool opened and closed for this benchmark */
  sandbox?: Sandbox;
  /** Called after each run with the count done. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** What a benchmark measured for one skill version. */
export interface SkillBenchmark {
  ref: string;
  runs: number;
  ok: number;
  /** Share of runs that returned ok, 0..1. */
  successRate: number;
  /** Failed runs by run error code. */
  failures: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  runsPerSecond: number;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

/**
 * Runs a stored skill repeatedly over sample inputs in the sandbox, counts every outcome in the
 * version's reliability figures, and reports success rate and latency (the demo's quick figure).
 * For verdicts (correct, failed clean, wrong) under injected faults, over stored cases and new
 * inputs alike, use `benchmarkCases({ store, refs, inputs, createTools })`, as `knack bench` does.
 * @throws KnackError `INVALID_ARGUMENT` for no inputs or a bad run count, plus `callSkill`'s errors.
 */
export async function benchmarkSkill(options: BenchmarkSkillOptions): Promise<SkillBenchmark> {
  const runs = options.runs ?? 20;
  const concurrency = options.concurrency ?? 2;
  if (options.inputs.length === 0) {
    throw new KnackError('INVALID_ARGUMENT', '`inputs` must hold at least one input.', {
      where: { field: 'inputs' },
    });
  }
  if (!Number.isInteger(runs) || runs < 1) {
    throw new KnackError('INVALID_ARGUMENT', `\`runs\` must be a positive integer, got ${runs}.`, {
      where: { field: 'runs' },
    });
  }
  const sandbox = options.sandbox ?? (await createSandbox());
  const durations: number[] = [];
  const failures: Record<string, number> = {};
  let ref = options.ref;
  let next = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < runs) {
      const index = next++;
      const result = await callSkill({
        store: options.store,
        ref: options.ref,
        input: options.inputs[index % options.inputs.length],
        tools: options.createTools(),
        sandbox,
        ...(options.limits ? { limits: options.limits } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      ref = result.ref;
      durations.push(result.metrics.wallMs);
      if (!result.ok) failures[result.error.code] = (failures[result.error.code] ?? 0) + 1;
      options.onProgress?.(durations.length, runs);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, runs) }, worker));
  } finally {
    if (!options.sandbox) await sandbox.close();
  }
  const elapsedMs = performance.now() - started;
  const sorted = [...durations].sort((a, b) => a - b);
  const failed = Object.values(failures).reduce((sum, count) => sum + count, 0);
  return {
    ref,
    runs,
    ok: runs - failed,
    successRate: (runs - failed) / runs,
    failures,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    runsPerSecond: runs / (elapsedMs / 1000),
  };
}
