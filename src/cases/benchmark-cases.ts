import { createSandbox, type Limits, type Sandbox } from '../../sandbox/index.js';
import { KnackError } from '../../core/index.js';
import type { SkillStore, SkillVersion } from '../store/index.js';
import { DEFAULT_FAULT_SPEC, parseFaultSpec, formatFaultSpec, type FaultSpec } from './fault-spec.js';
import { planFault } from './_plan-fault.js';
import { seededDraw } from './_seeded-draw.js';
import { runCase, type CaseRun } from './run-case.js';
import {
  summarizeVersion,
  compareVersions,
  type VersionBenchmark,
  type VersionComparison,
} from './summarize-runs.js';

/** Options of `benchmarkCases`. */
export interface BenchmarkCasesOptions {
  store: SkillStore;
  /** Versions to run: `name`, `name@N`, `name@latest`. */
  refs: readonly string[];
  /** Runs per version, spread over its cases in turn. @default 50 */
  runs?: number;
  /** Faults to inject (see `parseFaultSpec`). @default DEFAULT_FAULT_SPEC */
  faults?: string | FaultSpec;
  /** Seed of the fault draws: the same seed injects the same faults. @default 'knack' */
  seed?: string;
  /** Bounds of each run; a `timeout` fault ends a run at `timeoutMs`. @default { timeoutMs: 1000 } */
  limits?: Limits;
  /** Runs in flight at once. @default 2 */
  concurrency?: number;
  /** A sandbox to run in (left open). @default a pool opened and closed for this benchmark */
  sandbox?: Sandbox;
  /** Called after each run. */
  onProgress?: (progress: { ref: string; done: number; total: number }) => void;
  signal?: AbortSignal;
}

/** What `benchmarkCases` measured. */
export interface CasesBenchmark {
  seed: string;
  /** The fault spec, as `parseFaultSpec` reads it. */
  faults: string;
  runsPerVersion: number;
  versions: VersionBenchmark[];
  /** Each pair of versions of one skill, in the order given: the later against the earlier. */
  comparisons: VersionComparison[];
}

function resolveSpec(faults: BenchmarkCasesOptions['faults']): FaultSpec {
  if (faults === undefined) return parseFaultSpec(DEFAULT_FAULT_SPEC);
  if (typeof faults === 'string') return parseFaultSpec(faults);
  return parseFaultSpec(formatFaultSpec(faults));
}

function checkOptions(options: BenchmarkCasesOptions, runs: number): void {
  if (!Array.isArray(options?.refs) || options.refs.length === 0)
    throw new KnackError('INVALID_ARGUMENT', 'benchmarkCases needs `refs`: at least one skill ref.', {
      where: { field: 'refs' },
    });
  if (!Number.isInteger(runs) || runs < 1)
    throw new KnackError('INVALID_ARGUMENT', `\`runs\` must be a positive integer, got ${runs}.`, {
      where: { field: 'runs' },
    });
}

async function runVersion(
  version: SkillVersion,
  options: BenchmarkCasesOptions,
  settings: { runs: number; spec: FaultSpec; seed: string; sandbox: Sandbox; onRun: () => void },
): Promise<CaseRun[]> {
  const cases = version.cases ?? [];
  const results: CaseRun[] = new Array<CaseRun>(settings.runs);
  let next = 0;
  const limits = options.limits ?? { timeoutMs: 1000 };
  const concurrency = Math.min(options.concurrency ?? 2, settings.runs);
  // Unmeasured runs first, one per lane, so worker starts and first compiles stay out of the latencies.
  const warmup = cases[0];
  if (warmup)
    await Promise.all(
      Array.from({ length: concurrency }, () =>
        runCase({
          target: version,
          skillCase: warmup,
          run: (runOptions) => settings.sandbox.run(runOptions),
          limits,
        }),
      ),
    );
  const worker = async (): Promise<void> => {
    while (next < settings.runs) {
      const index = next++;
      const skillCase = cases[index % cases.length];
      if (!skillCase) return;
      results[index] = await runCase({
        target: version,
        skillCase,
        run: (runOptions) => settings.sandbox.run(runOptions),
        limits,
        planFault: (call) =>
          planFault({
            spec: settings.spec,
            // Keyed by skill, not version: run i of every version of a skill meets the same faults.
            draw: seededDraw(settings.seed, version.name, index, call.step, 'kind'),
            jitterDraw: seededDraw(settings.seed, version.name, index, call.step, 'jitter'),
            hasResult: call.recorded.error === undefined && 'result' in call.recorded,
            result: call.recorded.result,
            ...(call.entry.outputSchema === undefined ? {} : { outputSchema: call.entry.outputSchema }),
          }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      settings.onRun();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

/**
 * Runs each version against its stored cases `runs` times through the sandbox, with seeded,
 * deterministic faults injected in the bindings, and judges every run `correct`, `failed-clean`
 * or `wrong` (see `CaseVerdict`). Reports per version the shares with 95% Wilson intervals,
 * pass^k, failures by code and by fault, latency percentiles and tool calls per run, and compares
 * versions of one skill with Fisher's exact test. Runs are not counted in the store.
 * @throws KnackError INVALID_ARGUMENT (no refs, bad runs or fault spec, a version without cases), NOT_FOUND, CLOSED.
 * @example const report = await benchmarkCases({ store, refs: ['refund_order_full@1', 'refund_order_full@2'] });
 */
export async function benchmarkCases(options: BenchmarkCasesOptions): Promise<CasesBenchmark> {
  const runs = options.runs ?? 50;
  checkOptions(options, runs);
  const spec = resolveSpec(options.faults);
  const seed = options.seed ?? 'knack';
  const versions: SkillVersion[] = [];
  for (const ref of options.refs) {
    const version = await options.store.get(ref);
    if (!version.cases?.length)
      throw new KnackError(
        'INVALID_ARGUMENT',
        `${version.name}@${version.version} has no stored cases to run (compiled before cases were recorded?); recompile it, or bench it with --tools and --inputs.`,
        { where: { field: 'refs' } },
      );
    versions.push(version);
  }
  const sandbox = options.sandbox ?? (await createSandbox());
  let done = 0;
  const total = runs * versions.length;
  const report: CasesBenchmark = {
    seed,
    faults: formatFaultSpec(spec),
    runsPerVersion: runs,
    versions: [],
    comparisons: [],
  };
  try {
    for (const version of versions) {
      const ref = `${version.name}@${version.version}`;
      const onRun = (): void => options.onProgress?.({ ref, done: ++done, total });
      const caseRuns = await runVersion(version, options, { runs, spec, seed, sandbox, onRun });
      report.versions.push(summarizeVersion(ref, caseRuns, version.cases?.length ?? 0));
    }
  } finally {
    if (!options.sandbox) await sandbox.close();
  }
  report.comparisons = compareVersions(report.versions);
  return report;
}
