import type { CAC } from 'cac';
import type { ToolManifestEntry } from '../../../core/index.js';
import type { ProposeSkillsResult } from '../../record/index.js';
import { colors, log, print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** Flags of `knack propose` (`knack record --propose` passes its --store and --min-runs on). */
export interface ProposeFlags extends StoreFlags {
  tools?: string | string[];
  minRuns?: number | string;
  by?: string;
  model?: string;
}

function minRunsOf(flags: ProposeFlags): number | undefined {
  if (flags.minRuns === undefined) return undefined;
  const value = Number(flags.minRuns);
  if (!Number.isInteger(value) || value < 1)
    usageError(`--min-runs must be a whole number of at least 1, got ${String(flags.minRuns)}.`);
  return value;
}

function printResult(result: ProposeSkillsResult): void {
  const write = print;
  const c = colors();
  for (const outcome of result.outcomes) {
    const label =
      outcome.status === 'proposed'
        ? c.green('proposed')
        : outcome.status === 'not-verified'
          ? c.red(outcome.status)
          : c.yellow(outcome.status);
    write(
      `${label}  ${outcome.ref ?? '-'}  ${outcome.sessions.length} session(s)  ${JSON.stringify(outcome.task)}`,
    );
    write(`  ${outcome.message}`);
  }
  for (const skipped of result.skipped)
    write(`${c.yellow(`skipped (${skipped.reason})`)}  ${skipped.message}`);
  const count = result.published.length;
  write(
    count === 0
      ? 'Nothing new proposed.'
      : `${count} proposal(s) await review: ${result.published.join(', ')}. Read them with \`knack show REF --source\`, then \`knack review approve REF --by WHO\` and \`knack promote REF\`.`,
  );
}

/** Proposes skills from the sessions in `dir` and prints what became of them. */
async function runPropose(dir: string, flags: ProposeFlags): Promise<void> {
  const minRuns = minRunsOf(flags);
  let tools: readonly ToolManifestEntry[] | undefined;
  if (flags.tools) {
    const { loadTools } = await import('../load-tools.js');
    const loaded = await loadTools(flags.tools);
    await loaded.close(); // proposing needs only the manifest
    tools = loaded.manifest;
  }
  const { proposeSkills } = await import('../../record/index.js');
  const result = await withStore(flags, (store) =>
    proposeSkills({
      store,
      dir,
      ...(tools ? { manifest: tools } : {}),
      ...(minRuns === undefined ? {} : { minRuns }),
      ...(flags.by ? { by: String(flags.by) } : {}),
      ...(flags.model ? { model: flags.model } : {}),
      onProgress: (message) => log(message),
    }),
  );
  if (flags.json) printJson(result);
  else printResult(result);
}

/** `knack propose DIR`: recorded sessions that line up become skills awaiting review. */
export function registerPropose(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'propose <dir>',
      'Compile recorded sessions (knack record) of one task shape into verified skills awaiting review',
    ),
  )
    .option(
      '--tools <spec>',
      'Compile against these tools (manifest, module or mcp+...); default: the tool lists recorded in the sessions',
    )
    .option('--min-runs <n>', 'Successful sessions of one task shape needed for a proposal (default 3)')
    .option('--by <who>', 'Who proposes, in the history (default "knack propose")')
    .option('--model <spec>', 'Draft with a model, as `knack compile --model`; default the trace compiler')
    .example('knack propose sessions/')
    .example('knack propose sessions/ --min-runs 5 --json')
    .action(async (dir: string, flags: ProposeFlags) => {
      await runPropose(dir, flags);
    });
}
