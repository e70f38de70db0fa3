import { FAULT_KINDS, type FaultKind } from './fault-spec.js';
import { fisherExactTest } from './fisher-exact-test.js';
import { passHatK } from './pass-hat-k.js';
import type { CaseRun } from './run-case.js';
import { wilsonInterval, type Share } from './wilson-interval.js';

/** Outcomes of the runs under one fault kind (or `none`: no fault was injected in the run). */
export interface FaultOutcomes {
  /** Runs counted under this fault: its last fault other than latency, else latency. */
  runs: number;
  correct: number;
  failedClean: number;
  wrong: number;
}

/** A given input whose fault-free reference run failed: there is nothing to judge its runs by. */
export interface UnusableInput {
  /** 0-based index in `inputs`. */
  index: number;
  /** The run error code of the reference run. */
  code: string;
  message: string;
}

/** The outcomes of the runs of one stored case or one input. */
export interface SourceOutcomes {
  /** The case's trajectory id, or `input #i`. */
  id: string;
  source: 'case' | 'input';
  runs: number;
  correct: number;
  failedClean: number;
  wrong: number;
}

/** A run that did not end `correct`, as the report lists it. */
export interface BenchFailure {
  /** 0-based index of the run. */
  run: number;
  /** The case's trajectory id, or `input #i` for an input run. */
  trajectoryId: string;
  source: 'case' | 'input';
  verdict: 'failed-clean' | 'wrong';
  code?: string;
  step?: number;
  message: string;
  /** The faults injected in that run, as `kind@tool#step`. */
  faults: string[];
}

/** What the benchmark measured for one version. */
export interface VersionBenchmark {
  ref: string;
  runs: number;
  /** Stored cases run. */
  cases: number;
  /** Given inputs run (those whose reference run passed). */
  inputs: number;
  /** Given inputs left out because their fault-free reference run failed. */
  unusableInputs: UnusableInput[];
  /** Outcomes per case and per input, cases first. */
  sources: SourceOutcomes[];
  correct: Share;
  failedClean: Share;
  wrong: Share;
  /** pass^k for k = 1, 2, 4, 8 where some case or input ran k times. */
  passHatK: { k: number; value: number }[];
  /** Runs that did not end correct, by run error code (`WRONG` for wrong runs that returned ok). */
  failuresByCode: Record<string, number>;
  /** Outcomes by the fault a run happened under (see `FaultOutcomes`; `none` when it had none). */
  byFault: Partial<Record<FaultKind | 'none', FaultOutcomes>>;
  latencyMs: { p50: number; p95: number; p99: number; min: number; max: number };
  /** Wall time of every run, in ms, in run order (for the report's distribution). */
  latencySamplesMs: number[];
  toolCallsPerRun: number;
  /** The first 50 runs that did not end correct. */
  failures: BenchFailure[];
}

/** Two versions of one skill side by side. */
export interface VersionComparison {
  skill: string;
  from: string;
  to: string;
  /** Correct share of `to` minus that of `from`, -1..1. */
  difference: number;
  /** Two-sided p-value of Fisher's exact test on correct vs not correct. */
  pValue: number;
  /** p < 0.05. */
  isSignificant: boolean;
  test: 'fisher-exact';
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}

// A run is counted under its last fault that was more than a delay (a timeout after some
// latency decides the outcome), else under its latency, else under `none`.
function decisiveFault(run: CaseRun): FaultKind | 'none' {
  const decisive = [...run.faults].reverse().find((fault) => fault.kind !== 'latency') ?? run.faults[0];
  return decisive?.kind ?? 'none';
}

function byFault(runs: readonly CaseRun[]): VersionBenchmark['byFault'] {
  const outcomes: VersionBenchmark['byFault'] = {};
  for (const run of runs) {
    const kind = decisiveFault(run);
    const entry = (outcomes[kind] ??= { runs: 0, correct: 0, failedClean: 0, wrong: 0 });
    entry.runs += 1;
    if (run.verdict === 'correct') entry.correct += 1;
    else if (run.verdict === 'wrong') entry.wrong += 1;
    else entry.failedClean += 1;
  }
  const ordered: VersionBenchmark['byFault'] = {};
  for (const kind of ['none', ...FAULT_KINDS] as const) if (outcomes[kind]) ordered[kind] = outcomes[kind];
  return ordered;
}

function bySource(runs: readonly CaseRun[]): SourceOutcomes[] {
  const perSource = new Map<string, SourceOutcomes>();
  for (const run of runs) {
    const key = `${run.source}:${run.trajectoryId}`;
    let outcomes = perSource.get(key);
    if (!outcomes)
      perSource.set(
        key,
        (outcomes = {
          id: run.trajectoryId,
          source: run.source,
          runs: 0,
          correct: 0,
          failedClean: 0,
          wrong: 0,
        }),
      );
    outcomes.runs += 1;
    if (run.verdict === 'correct') outcomes.correct += 1;
    else if (run.verdict === 'wrong') outcomes.wrong += 1;
    else outcomes.failedClean += 1;
  }
  // Runs go to the sources in turn, so first-seen order is cases, then inputs.
  return [...perSource.values()];
}

/** What `summarizeVersion` needs besides the runs: what was run, and what was left out. */
export interface VersionSources {
  cases: number;
  inputs: number;
  unusableInputs: UnusableInput[];
}

/** Summarizes the runs of one version (see `VersionBenchmark`). */
export function summarizeVersion(
  ref: string,
  runs: readonly CaseRun[],
  sources: VersionSources,
): VersionBenchmark {
  const count = (verdict: CaseRun['verdict']): number => runs.filter((run) => run.verdict === verdict).length;
  const failuresByCode: Record<string, number> = {};
  const failures: BenchFailure[] = [];
  for (const [index, run] of runs.entries()) {
    if (run.verdict === 'correct') continue;
    const code = run.code ?? 'WRONG';
    failuresByCode[code] = (failuresByCode[code] ?? 0) + 1;
    if (failures.length < 50)
      failures.push({
        run: index,
        trajectoryId: run.trajectoryId,
        source: run.source,
        verdict: run.verdict,
        ...(run.code === undefined ? {} : { code: run.code }),
        ...(run.step === undefined ? {} : { step: run.step }),
        message: run.message ?? '',
        faults: run.faults.map((fault) => `${fault.kind}@${fault.tool}#${fault.step}`),
      });
  }
  const latencies = runs.map((run) => run.wallMs);
  const sorted = [...latencies].sort((a, b) => a - b);
  const outcomes = bySource(runs);
  return {
    ref,
    runs: runs.length,
    cases: sources.cases,
    inputs: sources.inputs,
    unusableInputs: sources.unusableInputs,
    sources: outcomes,
    correct: wilsonInterval(count('correct'), runs.length),
    failedClean: wilsonInterval(count('failed-clean'), runs.length),
    wrong: wilsonInterval(count('wrong'), runs.length),
    passHatK: [1, 2, 4, 8].flatMap((k) => {
      const value = passHatK(outcomes, k);
      return value === undefined ? [] : [{ k, value }];
    }),
    failuresByCode,
    byFault: byFault(runs),
    latencyMs: {
      p50: percentile(sorted, 0.5),
      p95: percentile(sorted, 0.95),
      p99: percentile(sorted, 0.99),
      min: sorted[0] ?? Number.NaN,
      max: sorted.at(-1) ?? Number.NaN,
    },
    latencySamplesMs: latencies,
    toolCallsPerRun: runs.reduce((sum, run) => sum + run.toolCalls, 0) / Math.max(1, runs.length),
    failures,
  };
}

/** Compares each later version of a skill with the one before it in `versions`. */
export function compareVersions(versions: readonly VersionBenchmark[]): VersionComparison[] {
  const comparisons: VersionComparison[] = [];
  const lastOf = new Map<string, VersionBenchmark>();
  for (const version of versions) {
    const skill = version.ref.slice(0, version.ref.lastIndexOf('@'));
    const before = lastOf.get(skill);
    lastOf.set(skill, version);
    if (!before) continue;
    const pValue = fisherExactTest({
      successesA: before.correct.count,
      failuresA: before.runs - before.correct.count,
      successesB: version.correct.count,
      failuresB: version.runs - version.correct.count,
    });
    comparisons.push({
      skill,
      from: before.ref,
      to: version.ref,
      difference: version.correct.rate - before.correct.rate,
      pValue,
      isSignificant: pValue < 0.05,
      test: 'fisher-exact',
    });
  }
  return comparisons;
}
