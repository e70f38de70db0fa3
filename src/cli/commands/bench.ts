import type { CAC } from 'cac';
import { usageError } from '../output.js';
import type { BenchCasesFlags } from './_bench-cases.js';

// Kept in step with DEFAULT_FAULT_SPEC (src/cases), which this file does not import eagerly.
const DEFAULT_FAULTS = 'transient=0.05,timeout=0.01,latency=0.1,schema=0.02,empty=0.02,missing=0.02';

interface BenchFlags extends BenchCasesFlags {
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  inputs?: string | number | boolean;
}

/** `knack bench REF...`: stored cases, and with `--tools` and `--inputs` new inputs on real tools, under injected faults. */
export function registerBench(cli: CAC): void {
  cli
    .command(
      'bench <...refs>',
      'Run versions against their stored cases (and --inputs on real --tools) N times with seeded fault injection; verdicts, intervals, latency',
    )
    .option(
      '--store <url>',
      'Store URL (sqlite://path.db, postgres://…, redis://…); default $KNACK_STORE or sqlite://.knack/skills.db',
    )
    .option('--runs <n>', 'Runs per version, over its cases and usable inputs in turn (default 50)')
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
      "With --tools: a JSON array of inputs (inline, @file.json or a path ending in .json) run besides the stored cases, each judged against its own fault-free reference run per version (an input whose reference run fails is reported unusable); not counted in the store's run figures",
    )
    .example(
      'knack bench refund_order_full@1 refund_order_full@2 --runs 100 --faults transient=0.1,timeout=0.02 --html bench.html',
    )
    .example(
      'knack bench order_carrier_status@1 order_carrier_status@2 --tools skills/support-desk/pack.ts --inputs \'[{"orderId":"8820"}]\' --json bench.json',
    )
    .action(async (refs: string[], flags: BenchFlags) => {
      const { benchCases } = await import('./_bench-cases.js');
      if (flags.inputs === undefined) {
        if (flags.tools)
          usageError(
            '`--tools` goes with `--inputs` (new inputs run on real tools); stored cases replay without real tools.',
          );
        return benchCases(refs, flags);
      }
      if (!flags.tools)
        usageError('`--inputs` runs on real tools: add `--tools PACK` (a module exporting createTools()).');
      const inputs = await readInputs(flags.inputs);
      const { loadToolPack } = await import('../load-tools.js');
      const tools = await loadToolPack(flags.tools);
      try {
        await benchCases(refs, flags, { inputs, createTools: tools.createTools });
      } finally {
        await tools.close();
      }
    });
}

async function readInputs(text: string | number | boolean): Promise<unknown[]> {
  if (typeof text === 'boolean')
    usageError('`--inputs` needs a JSON array: inline, @file.json or FILE.json.');
  const { loadJsonArgument } = await import('../load-tools.js');
  const inputs = await loadJsonArgument('inputs', String(text));
  if (!Array.isArray(inputs))
    usageError(
      `--inputs must be a JSON array of inputs, got ${inputs === null ? 'null' : typeof inputs}; wrap one input in [ ].`,
    );
  if (inputs.length === 0) usageError('--inputs must hold at least one input.');
  return inputs;
}
