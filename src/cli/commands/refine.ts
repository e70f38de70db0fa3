import type { CAC } from 'cac';
import { colors, log, print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface RefineFlags extends StoreFlags {
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  model?: string;
  maxAttempts?: number;
}

/** `knack refine REF FILE... --tools MANIFEST --model SPEC`: a new version that also replays new cases. */
export function registerRefine(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'refine <ref> [...files]',
      'Refine a stored skill with a model so it also replays new trajectories',
    ),
  )
    .option(
      '--tools <spec>',
      'Tool manifest (.json), a JS/TS module exporting a ToolPack or definitions, mcp+stdio:"COMMAND ARGS" or mcp+http://HOST:PORT/PATH; PREFIX=SPEC; repeat to combine',
    )
    .option(
      '--model <spec>',
      'Model spec (openai:gpt-4.1, anthropic:claude-sonnet-4-5, openai-compatible:NAME@URL); default $KNACK_MODEL',
    )
    .option('--max-attempts <n>', 'Model attempts before giving up (default 3)')
    .example(
      'knack refine assign_ticket_oncall@1 trajectories/*.json --tools manifest.json --model openai:gpt-4.1',
    )
    .action(async (ref: string, files: string[], flags: RefineFlags) => {
      if (!flags.tools) usageError('`knack refine` needs `--tools MANIFEST_OR_PACK`.');
      if (files.length === 0)
        usageError("`knack refine` needs trajectory FILEs: the parent's and the new ones.");
      const { loadTools } = await import('../load-tools.js');
      // Refining needs only the manifest: an MCP server is asked for tools/list, then let go.
      const tools = await loadTools(flags.tools);
      await tools.close();
      const { manifest } = tools;
      const { refineStoredSkill } = await import('../../refine-stored-skill.js');
      const { renderSkillDiff } = await import('../../diff/index.js');
      const { useColor } = await import('../output.js');
      await withStore(flags, async (store) => {
        const result = await refineStoredSkill({
          store,
          ref,
          manifest,
          files,
          ...(flags.model ? { model: flags.model } : {}),
          ...(flags.maxAttempts ? { maxAttempts: Number(flags.maxAttempts) } : {}),
        });
        process.exitCode = result.ok ? 0 : 1;
        if (flags.json) return printJson(result);
        if (!result.ok) return log(`${colors(process.stderr).red('not refined')}: ${result.reason}`);
        log(`published ${result.ref} (verified; review and promote it to make it active)`);
        print(renderSkillDiff(await store.diff(result.parentRef, result.ref), { color: useColor() }));
      });
    });
}
