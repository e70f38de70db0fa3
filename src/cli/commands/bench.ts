import type { CAC } from 'cac';
import { alignedTable, colors, log, print, printJson, usageError } from '../output.js';
import { withStore, type StoreFlags } from './_store-flags.js';
import type { BenchCasesFlags } from './_bench-cases.js';
import type { SkillBenchmark } from '../../benchmark-skill.js';

// Kept in step with DEFAULT_FAULT_SPEC (src/cases), which this file does not import eagerly.
const DEFAULT_FAULTS = 'transient=0.05,timeout=0.01,latency=0.1,schema=0.02,empty=0.02,missing=0.02';

interface BenchFlags extends StoreFlags {
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  inputs?: string;
  runs?: number;
}

/** Renders benchmark rows as an aligned table. */
export function benchmarkTable(rows: readonly SkillBenchmark[]): string {
  const header = ['skill', 'runs', 'ok', 'success', 'failures', 'p50 ms', 'p99 ms', 'runs/s'];
  const body = rows.map((row) => [
    row.ref,
    String(row.runs),
    String(row.ok),
    `${(row.successRate * 100).toFixed(1)}%`,
    Object.entries(row.failures)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ') || '-',
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    row.runsPerSecond.toFixed(0),
  ]);
  return alignedTable(header, body);
}

/** `knack bench REF...`: stored cases under injected faults; with `--inputs`, the live-tools loop. */
export function registerBench(cli: CAC): void {
  cli
    .command(
      'bench <...refs>',
      'Run versions against their stored cases N times with seeded fault injection; verdicts, intervals, latency',
    )
    .option(
      '--store <url>',
      'Store URL (sqlite://path.db, postgres://…, redis://…); default $KNACK_STORE or sqlite://.knack/skills.db',
    )
    .option('--runs <n>', 'Runs per version (default 50; 20 with --inputs)')
    .option(
      '--faults <spec>',
      `Chance per tool call of each fault: transient, timeout, latency, schema, empty, missing, plus latencyMs (default ${DEFAULT_FAULTS}; none for no faults)`,
    )
    .option('--seed <seed>', 'Seed of the fault draws; the same seed injects the same faults (default knack)')
    .option(
      '--timeout-ms <ms>',
      'Wall-clock limit of each run; a timeout fault ends a run there (default 1000)',
    )
    .option('--json [file]', 'The whole report as JSON: on stdout, or into FILE')
    .option('--html <file>', 'A self-contained HTML report (charts, tables), opens offline')
    .option(
      '--tools <path>',
      'With --inputs: JS/TS module exporting createTools() (fresh tool state per run), a ToolPack or definitions; mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH; PREFIX=SPEC; repeat to combine',
    )
    .option(
      '--inputs <json>',
      'Live mode: a JSON array of inputs (inline, @file.json or a path ending in .json) run with --tools; counted in the store',
    )
    .example(
      'knack bench refund_order_full@1 refund_order_full@2 --runs 100 --faults transient=0.1,timeout=0.02 --html bench.html',
    )
    .example(
      'knack bench order_carrier_status --tools skills/support-desk/pack.ts --inputs \'[{"orderId":"8820"}]\' --runs 50',
    )
    .action(async (refs: string[], flags: BenchFlags & BenchCasesFlags) => {
      if (flags.inputs === undefined) {
        if (flags.tools)
          usageError('`--tools` goes with `--inputs`; stored cases replay without real tools.');
        const { benchCases } = await import('./_bench-cases.js');
        return benchCases(refs, flags);
      }
      if (refs.length !== 1) usageError('`knack bench --inputs` takes one REF.');
      return benchInputs(refs[0] ?? '', { ...flags, json: flags.json === true });
    });
}

async function benchInputs(ref: string, flags: BenchFlags): Promise<void> {
  if (!flags.tools) usageError('`knack bench --inputs` needs `--tools PACK`.');
  const { loadJsonArgument, loadToolPack } = await import('../load-tools.js');
  const inputs = await loadJsonArgument('inputs', flags.inputs ?? '');
  if (!Array.isArray(inputs)) usageError('--inputs must be a JSON array of inputs.');
  const tools = await loadToolPack(flags.tools);
  const { benchmarkSkill } = await import('../../benchmark-skill.js');
  let result;
  try {
    result = await withStore(flags, (store) =>
      benchmarkSkill({
        store,
        ref,
        inputs,
        createTools: tools.createTools,
        ...(flags.runs === undefined ? {} : { runs: Number(flags.runs) }),
        onProgress: (done, total) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} runs`);
        },
      }),
    );
  } finally {
    await tools.close();
  }
  if (process.stderr.isTTY) process.stderr.write('\r');
  process.exitCode = result.ok === result.runs ? 0 : 1;
  if (flags.json) return printJson(result);
  print(benchmarkTable([result]));
  if (result.ok < result.runs)
    log(colors(process.stderr).yellow(`${result.runs - result.ok} of ${result.runs} runs failed.`));
}
