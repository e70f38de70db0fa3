import type { CAC } from 'cac';
import { colors, escapeControl, log, print, printJson, usageError } from '../output.js';

// Skill text (messages, logs) on one line: a newline in it cannot start a fake line of ours.
const oneLine = (text: string): string => escapeControl(text, { keepNewlines: false });
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface RunFlags extends StoreFlags {
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  input?: string;
  timeoutMs?: number;
  memoryLimitMb?: number;
  maxToolCalls?: number;
}

function limitsFrom(flags: RunFlags): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const key of ['timeoutMs', 'memoryLimitMb', 'maxToolCalls'] as const) {
    if (flags[key] !== undefined) limits[key] = Number(flags[key]);
  }
  return limits;
}

/** `knack run REF --tools PACK --input JSON`: call a stored skill in the sandbox. */
export function registerRun(cli: CAC): void {
  withStoreFlags(
    cli.command('run <ref>', 'Run a stored skill in the sandbox with only the tools it was granted'),
  )
    .option(
      '--tools <spec>',
      'JS/TS module exporting createTools(), a ToolPack or definitions; mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH; PREFIX=SPEC puts tools under PREFIX.; repeat to combine',
    )
    .option('--input <json>', 'The input: inline JSON, @file.json or a path ending in .json')
    .option('--timeout-ms <ms>', 'Wall-clock limit of the run (default 5000)')
    .option('--memory-limit-mb <mb>', 'Isolate heap limit (default 64)')
    .option('--max-tool-calls <n>', 'Most tool calls (default 100)')
    .example(`knack run refund_order_full --tools skills/support-desk/pack.ts --input '{"orderId":"8811"}'`)
    .example(
      `knack run remember_city --tools 'memory=mcp+stdio:"npx -y @modelcontextprotocol/server-memory"' --input '{"city":"Oslo"}'`,
    )
    .action(async (ref: string, flags: RunFlags) => {
      if (!flags.tools) usageError('`knack run` needs `--tools PACK`.');
      const { loadJsonArgument, loadToolPack } = await import('../load-tools.js');
      const input = flags.input === undefined ? undefined : await loadJsonArgument('input', flags.input);
      const tools = await loadToolPack(flags.tools);
      const { callSkill } = await import('../../call-skill.js');
      let result;
      try {
        result = await withStore(flags, (store) =>
          callSkill({ store, ref, input, tools: tools.createTools(), limits: limitsFrom(flags) }),
        );
      } finally {
        await tools.close();
      }
      process.exitCode = result.ok ? 0 : 1;
      if (flags.json) return printJson(result);
      const c = colors();
      for (const call of result.trace) {
        const outcome = call.error
          ? c.red(`${call.error.code}: ${oneLine(call.error.message)}`)
          : c.dim('ok');
        log(
          `  ${call.step}. ${call.tool}(${JSON.stringify(call.args)}) ${outcome} ${call.durationMs.toFixed(1)} ms`,
        );
      }
      for (const entry of result.logs) log(`  [${entry.level}] ${oneLine(entry.message)}`);
      const { wallMs, toolCalls } = result.metrics;
      log(
        c.dim(
          `${result.ref}: ${toolCalls} tool calls, ${wallMs.toFixed(1)} ms${result.runId ? `, run ${result.runId} (knack report ${result.ref} ${result.runId} --outcome correct|wrong)` : ''}`,
        ),
      );
      if (result.ok) print(JSON.stringify(result.value, null, 2));
      else {
        log(
          `${c.red(`error ${result.error.code}`)}${result.error.step ? ` at step ${result.error.step}` : ''}: ${oneLine(result.error.message)}`,
        );
        if (result.error.stack) log(c.dim(result.error.stack));
      }
    });
}
