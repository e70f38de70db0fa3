import { writeFileSync } from 'node:fs';
import { alignedTable, colors, log, print, printJson } from '../output.js';
import { withStore } from './_store-flags.js';
import type { ToolPack } from '../../../sandbox/index.js';
import type { CasesBenchmark, VersionBenchmark } from '../../cases/index.js';

/** Flags of `knack bench` (stored cases, and inputs on real tools when given). */
export interface BenchCasesFlags {
  store?: string;
  json?: boolean | string;
  html?: string;
  runs?: number;
  faults?: string;
  seed?: string | number;
  timeoutMs?: number;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)}%`;

function versionRow(version: VersionBenchmark): string[] {
  const share = (value: VersionBenchmark['correct']): string =>
    `${percent(value.rate)} [${percent(value.low)}-${percent(value.high)}]`;
  const failedUnder = Object.entries(version.byFault)
    .filter(([, outcomes]) => outcomes.failedClean + outcomes.wrong > 0)
    .map(([kind, outcomes]) => `${kind} ${outcomes.failedClean + outcomes.wrong}`)
    .join(', ');
  return [
    version.ref,
    String(version.runs),
    share(version.correct),
    share(version.failedClean),
    share(version.wrong),
    version.passHatK.map(({ k, value }) => `^${k}=${value.toFixed(2)}`).join(' '),
    `${version.latencyMs.p50.toFixed(1)}/${version.latencyMs.p95.toFixed(1)}/${version.latencyMs.p99.toFixed(1)}`,
    version.toolCallsPerRun.toFixed(1),
    Object.entries(version.failuresByCode)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ') || '-',
    failedUnder || '-',
  ];
}

/** The end-of-run tables: one row per version, then the comparisons. */
export function casesBenchmarkTable(report: CasesBenchmark): string {
  const header = [
    'version',
    'runs',
    'correct [95% CI]',
    'failed clean',
    'wrong',
    'pass^k',
    'p50/p95/p99 ms',
    'calls/run',
    'failures by code',
    'failures by fault',
  ];
  const lines = [alignedTable(header, report.versions.map(versionRow))];
  if (report.comparisons.length > 0)
    lines.push(
      '',
      alignedTable(
        ['versions', 'correct difference', "Fisher's exact p", 'significant'],
        report.comparisons.map((row) => [
          `${row.from} -> ${row.to}`,
          `${row.difference >= 0 ? '+' : ''}${(row.difference * 100).toFixed(1)} points`,
          row.pValue.toPrecision(3),
          row.isSignificant ? 'yes (p < 0.05)' : 'no',
        ]),
      ),
    );
  return lines.join('\n');
}

/** The runs per case and input, when inputs ran (a stored case alone is the version row). */
function sourcesTable(report: CasesBenchmark): string {
  const body = report.versions.flatMap((version) =>
    version.sources.map((source) => [
      version.ref,
      source.id,
      source.source === 'case' ? 'stored case' : 'input, real tools',
      String(source.runs),
      String(source.correct),
      String(source.failedClean),
      String(source.wrong),
    ]),
  );
  return alignedTable(['version', 'from', 'kind', 'runs', 'correct', 'failed clean', 'wrong'], body);
}

function warnUnusable(report: CasesBenchmark): void {
  const yellow = colors(process.stderr).yellow;
  for (const version of report.versions)
    for (const input of version.unusableInputs)
      log(
        yellow(
          `${version.ref}: input #${input.index} left out, its fault-free reference run failed (${input.code}: ${input.message}).`,
        ),
      );
}

/** New inputs for `benchmarkCases`, with the real tools they run on. */
export interface BenchInputs {
  inputs: unknown[];
  createTools: () => ToolPack;
}

/** Runs `benchmarkCases` with a progress bar on a terminal, then writes the table, JSON and HTML. */
export async function benchCases(refs: string[], flags: BenchCasesFlags, live?: BenchInputs): Promise<void> {
  const { benchmarkCases, renderBenchReport } = await import('../../cases/index.js');
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = process.stderr.isTTY
    ? new SingleBar(
        { format: 'bench {bar} {value}/{total} runs | {ref}', stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      )
    : undefined;
  let report: CasesBenchmark;
  try {
    report = await withStore(flags.store === undefined ? {} : { store: flags.store }, (store) =>
      benchmarkCases({
        store,
        refs,
        ...(flags.runs === undefined ? {} : { runs: Number(flags.runs) }),
        ...(flags.faults === undefined ? {} : { faults: String(flags.faults) }),
        ...(flags.seed === undefined ? {} : { seed: String(flags.seed) }),
        ...(flags.timeoutMs === undefined ? {} : { limits: { timeoutMs: Number(flags.timeoutMs) } }),
        ...(live ?? {}),
        onProgress: ({ ref, done, total }) => {
          if (done === 1) bar?.start(total, 0, { ref });
          bar?.update(done, { ref });
        },
      }),
    );
  } finally {
    bar?.stop();
  }
  if (typeof flags.html === 'string') writeFileSync(flags.html, renderBenchReport(report));
  if (typeof flags.json === 'string') writeFileSync(flags.json, `${JSON.stringify(report, null, 2)}\n`);
  const wrong = report.versions.reduce((sum, version) => sum + version.wrong.count, 0);
  process.exitCode = wrong > 0 ? 1 : 0;
  warnUnusable(report);
  if (flags.json === true) return printJson(report);
  print(casesBenchmarkTable(report));
  if (report.inputs > 0) print(`\n${sourcesTable(report)}`);
  const over = report.inputs > 0 ? `, over stored cases and ${report.inputs} input(s) on real tools` : '';
  print(`faults ${report.faults}, seed ${report.seed}, ${report.runsPerVersion} runs per version${over}`);
  if (wrong > 0)
    log(colors(process.stderr).red(`${wrong} run(s) returned a wrong answer or left effects half-done.`));
}
