import type { CAC } from 'cac';
import { colors, log, print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';
import type { SkillBenchmark } from '../../benchmark-skill.js';

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
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...body.map((line) => line[column]?.length ?? 0)),
  );
  const format = (cells: string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...body.map(format)].join('\n');
}

/** `knack bench REF --tools PACK --inputs FILE`: reliability and latency of a stored skill. */
export function registerBench(cli: CAC): void {
  withStoreFlags(
    cli.command('bench <ref>', 'Run a stored skill many times over sample inputs; count reliability'),
  )
    .option(
      '--tools <path>',
      'JS/TS module exporting createTools() (fresh tool state per run), a ToolPack or definitions; mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH; PREFIX=SPEC; repeat to combine',
    )
    .option('--inputs <json>', 'A JSON array of inputs: inline, @file.json or a path ending in .json')
    .option('--runs <n>', 'Number of runs (default 20)')
    .example(
      'knack bench order_carrier_status --tools skills/support-desk/pack.ts --inputs \'[{"orderId":"8820"}]\' --runs 50',
    )
    .action(async (ref: string, flags: BenchFlags) => {
      if (!flags.tools) usageError('`knack bench` needs `--tools PACK`.');
      if (!flags.inputs) usageError('`knack bench` needs `--inputs JSON_ARRAY`.');
      const { loadJsonArgument, loadToolPack } = await import('../load-tools.js');
      const inputs = await loadJsonArgument('inputs', flags.inputs);
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
    });
}
