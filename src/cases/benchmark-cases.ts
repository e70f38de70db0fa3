import { createSandbox, type Limits, type Sandbox, type ToolPack } from '../../sandbox/index.js';
import { KnackError } from '../../core/index.js';
import type { SkillCase } from '../../compiler/index.js';
import type { SkillStore, SkillVersion } from '../store/index.js';
import { DEFAULT_FAULT_SPEC, parseFaultSpec, formatFaultSpec, type FaultSpec } from './fault-spec.js';
import { planFault } from './_plan-fault.js';
import { seededDraw } from './_seeded-draw.js';
import { runCase, type CaseRun, type CaseTarget, type RunCaseOptions } from './run-case.js';
import { checkInputs, grantedTools, inputLabel, referenceCase } from './_input-cases.js';
import {
  summarizeVersion,
  compareVersions,
  type UnusableInput,
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
  /**
   * Inputs to run besides the stored cases, on real tools made by `createTools` (fresh for every
   * run). Per version, each input first gets one fault-free reference run whose tool calls and
   * output become the case its runs are judged by, as a stored case's recording is; an input whose
   * reference run fails is listed in `unusableInputs`, never run. The runs go to the cases and the
   * usable inputs in turn. Needs `createTools`. @default none
   */
  inputs?: readonly unknown[];
  /** Makes the real tools of one run (a pack wider than the skill's permissions is narrowed); with `inputs`. */
  createTools?: () => ToolPack;
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
  /** How many inputs were given (0 without `inputs`); see each version's `inputs` and `unusableInputs`. */
  inputs: number;
  versions: VersionBenchmark[];
  /** Each pair of versions of one skill, in the order given: the later against the earlier. */
  comparisons: VersionComparison[];
}

function resolveSpec(faults: BenchmarkCasesOptions['faults']): FaultSpec {
  if (faults === undefined) return parseFaultSpec(DEFAULT_FAULT_SPEC);
  if (typeof faults === 'string') return parseFaultSpec(faults);
  return parseFaultSpec(formatFaultSpec(faults));
}

function invalid(field: string, message: string): KnackError {
  return new KnackError('INVALID_ARGUMENT', message, { where: { field } });
}

function checkOptions(options: BenchmarkCasesOptions, runs: number): void {
  if (!Array.isArray(options?.refs) || options.refs.length === 0)
    throw invalid('refs', 'benchmarkCases needs `refs`: at least one skill ref.');
  if (!Number.isInteger(runs) || runs < 1)
    throw invalid('runs', `\`runs\` must be a positive integer, got ${runs}.`);
  const { inputs, createTools } = options;
  if (inputs === undefined) {
    if (createTools !== undefined)
      throw invalid(
        'createTools',
        '`createTools` goes with `inputs`; stored cases replay without real tools.',
      );
    return;
  }
  if (!Array.isArray(inputs))
    throw invalid(
      'inputs',
      `\`inputs\` must be an array of inputs, got ${inputs === null ? 'null' : typeof inputs}.`,
    );
  if (inputs.length === 0) throw invalid('inputs', '`inputs` must hold at least one input.');
  if (typeof createTools !== 'function')
    throw invalid(
      'createTools',
      '`inputs` run on real tools: pass `createTools`, a function making a fresh ToolPack.',
    );
}

// Every version exists and has something to run; inputs fit its schema and the tools cover it.
async function loadVersions(options: BenchmarkCasesOptions): Promise<SkillVersion[]> {
  const versions: SkillVersion[] = [];
  for (const ref of options.refs) {
    const version = await options.store.get(ref);
    if (options.inputs && options.createTools) {
      checkInputs(version, options.inputs);
      grantedTools(version, options.createTools);
    } else if (!version.cases?.length)
      throw invalid(
        'refs',
        `${version.name}@${version.version} has no stored cases to run (compiled before cases were recorded?); recompile it, or bench it with --tools and --inputs.`,
      );
    versions.push(version);
  }
  return versions;
}

// Where a run's case comes from: a stored case, or an input's reference run (with real tools).
interface RunSource {
  target: CaseTarget;
  skillCase: SkillCase;
  createTools?: () => ToolPack;
}

interface RunSettings {
  runs: number;
  spec: FaultSpec;
  seed: string;
  sandbox: Sandbox;
  limits: Limits;
  onRun: () => void;
}

function runSource(
  source: RunSource,
  options: BenchmarkCasesOptions,
  settings: RunSettings,
  planFault?: RunCaseOptions['planFault'],
): Promise<CaseRun> {
  return runCase({
    target: source.target,
    skillCase: source.skillCase,
    run: (runOptions) => settings.sandbox.run(runOptions),
    limits: settings.limits,
    ...(planFault ? { planFault } : {}),
    ...(source.createTools ? { liveTools: source.createTools() } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}

async function runVersion(
  name: string,
  sources: readonly RunSource[],
  options: BenchmarkCasesOptions,
  settings: RunSettings,
): Promise<CaseRun[]> {
  const results: CaseRun[] = new Array<CaseRun>(settings.runs);
  let next = 0;
  const concurrency = Math.min(options.concurrency ?? 2, settings.runs);
  // Unmeasured runs first, one per lane, so worker starts and first compiles stay out of the latencies.
  const warmup = sources[0];
  if (warmup)
    await Promise.all(Array.from({ length: concurrency }, () => runSource(warmup, options, settings)));
  const worker = async (): Promise<void> => {
    while (next < settings.runs) {
      const index = next++;
      const source = sources[index % sources.length];
      if (!source) return;
      results[index] = await runSource(source, options, settings, (call) =>
        planFault({
          spec: settings.spec,
          // Keyed by skill, not version: run i of every version of a skill meets the same faults.
          draw: seededDraw(settings.seed, name, index, call.step, 'kind'),
          jitterDraw: seededDraw(settings.seed, name, index, call.step, 'jitter'),
          hasResult: call.recorded.error === undefined && 'result' in call.recorded,
          result: call.recorded.result,
          ...(call.entry.outputSchema === undefined ? {} : { outputSchema: call.entry.outputSchema }),
        }),
      );
      settings.onRun();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}

interface PreparedVersion {
  sources: RunSource[];
  unusableInputs: UnusableInput[];
}

// The stored cases, then each given input whose fault-free reference run passed.
async function prepareSources(
  version: SkillVersion,
  options: BenchmarkCasesOptions,
  settings: RunSettings,
): Promise<PreparedVersion> {
  const ref = `${version.name}@${version.version}`;
  const sources: RunSource[] = (version.cases ?? []).map((skillCase) => ({ target: version, skillCase }));
  const unusableInputs: UnusableInput[] = [];
  const { inputs = [], createTools } = options;
  if (!createTools || inputs.length === 0) return { sources, unusableInputs };
  const make = (): ToolPack => grantedTools(version, createTools);
  const target: CaseTarget = { ...version, toolSchemas: [...make().manifest] };
  for (const [index, input] of inputs.entries()) {
    const reference = await referenceCase({
      target,
      input,
      index,
      createTools: make,
      run: (runOptions) => settings.sandbox.run(runOptions),
      limits: settings.limits,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if ('unusable' in reference) unusableInputs.push(reference.unusable);
    else sources.push({ target, skillCase: reference.skillCase, createTools: make });
  }
  if (sources.length === 0)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${ref} has no stored cases, and no input ran fault-free to judge runs by: ${unusableInputs
        .map((input) => `${inputLabel(input.index)} ${input.code}: ${input.message}`)
        .join('; ')}.`,
      { where: { field: 'inputs' } },
    );
  return { sources, unusableInputs };
}

/**
 * Runs each version against its stored cases (and `inputs`, on real tools) `runs` times through
 * the sandbox, with seeded, deterministic faults injected in the bindings, and judges every run
 * `correct`, `failed-clean` or `wrong` (see `CaseVerdict`; an input run is judged against the
 * input's fault-free reference run). Reports per version the shares with 95% Wilson intervals,
 * pass^k, failures by code and by fault, outcomes per case and input, latency percentiles and
 * tool calls per run, and compares versions of one skill with Fisher's exact test. Runs, input
 * runs included, are not counted in the store.
 * @throws KnackError INVALID_ARGUMENT (no refs, bad runs or fault spec, a version without cases or
 *   inputs, `inputs` without `createTools` or off the input schema, a pack lacking a granted tool,
 *   a version without cases whose every input failed its reference run), NOT_FOUND, CLOSED.
 * @example const report = await benchmarkCases({ store, refs: ['refund_order_full@1', 'refund_order_full@2'] });
 */
export async function benchmarkCases(options: BenchmarkCasesOptions): Promise<CasesBenchmark> {
  const runs = options.runs ?? 50;
  checkOptions(options, runs);
  const spec = resolveSpec(options.faults);
  const seed = options.seed ?? 'knack';
  const versions = await loadVersions(options);
  const sandbox = options.sandbox ?? (await createSandbox());
  let done = 0;
  const total = runs * versions.length;
  const report: CasesBenchmark = {
    seed,
    faults: formatFaultSpec(spec),
    runsPerVersion: runs,
    inputs: options.inputs?.length ?? 0,
    versions: [],
    comparisons: [],
  };
  try {
    for (const version of versions) {
      const ref = `${version.name}@${version.version}`;
      const onRun = (): void => options.onProgress?.({ ref, done: ++done, total });
      const settings = { runs, spec, seed, sandbox, limits: options.limits ?? { timeoutMs: 1000 }, onRun };
      const prepared = await prepareSources(version, options, settings);
      const caseRuns = await runVersion(version.name, prepared.sources, options, settings);
      report.versions.push(
        summarizeVersion(ref, caseRuns, {
          cases: version.cases?.length ?? 0,
          inputs: prepared.sources.length - (version.cases?.length ?? 0),
          unusableInputs: prepared.unusableInputs,
        }),
      );
    }
  } finally {
    if (!options.sandbox) await sandbox.close();
  }
  report.comparisons = compareVersions(report.versions);
  return report;
}
