import type { CAC } from 'cac';
import type { AutoRefineOptions } from '../../assess-maturity.js';
import { colors, print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface StatusFlags extends StoreFlags {
  dryRun?: boolean;
  minLowerBound?: string;
  windowHours?: string;
  windowMinRuns?: string;
  maxFailureRate?: string;
  maxWrongRate?: string;
  autoRefine?: boolean;
  /** One spec, or several when `--tools` is repeated. */
  tools?: string | string[];
  model?: string;
  cases?: string | string[];
}

function numberFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed)) usageError(`\`--${flag}\` takes a number, got \`${value}\`.`);
  return parsed;
}

function policyOf(flags: StatusFlags): Record<string, number> {
  const entries: [string, number | undefined][] = [
    ['autonomousMinLowerBound', numberFlag(flags.minLowerBound, 'min-lower-bound')],
    ['windowMs', mapDefined(numberFlag(flags.windowHours, 'window-hours'), (hours) => hours * 3_600_000)],
    ['windowMinRuns', numberFlag(flags.windowMinRuns, 'window-min-runs')],
    ['maxFailureRate', numberFlag(flags.maxFailureRate, 'max-failure-rate')],
    ['maxWrongRate', numberFlag(flags.maxWrongRate, 'max-wrong-rate')],
  ];
  return Object.fromEntries(entries.filter((entry): entry is [string, number] => entry[1] !== undefined));
}

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}

const asList = (value: string | string[] | undefined): string[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** `knack status [NAME...]`: every skill's maturity, the figures behind it and its last move. */
export function registerStatus(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'status [...names]',
      "Assess each skill's maturity (deliberate/supervised/autonomous) on its evidence, record moves, list them",
    ),
  )
    .option('--dry-run', 'Report what would move without recording it')
    .option(
      '--min-lower-bound <share>',
      'Lower 95% Wilson bound outside evidence must exceed for autonomous (default 0.9)',
    )
    .option('--window-hours <n>', 'Sliding window of the demotion rates, in hours (default 24)')
    .option('--window-min-runs <n>', 'Runs the window needs before its rates are judged (default 20)')
    .option(
      '--max-failure-rate <share>',
      'Failure share in the window above which a version is demoted (default 0.2)',
    )
    .option(
      '--max-wrong-rate <share>',
      'Share reported wrong in the window above which it is demoted (default 0.05)',
    )
    .option(
      '--auto-refine',
      'Refine each version demoted now with a model (needs --model or $KNACK_MODEL, --tools, --cases)',
    )
    .option(
      '--tools <spec>',
      'Tool manifest or pack the refined skill is checked against (as `knack refine`)',
    )
    .option('--model <spec>', 'Model spec for --auto-refine; default $KNACK_MODEL')
    .option('--cases <file>', "Trajectory files for --auto-refine: the version's own and new ones; repeat")
    .example('knack status --json')
    .example('knack status refund_order --auto-refine --tools manifest.json --cases t1.json --cases t9.json')
    .action(async (names: string[], flags: StatusFlags) => {
      const policy = policyOf(flags);
      let autoRefine: AutoRefineOptions | undefined;
      if (flags.autoRefine) {
        if (!flags.tools) usageError('`--auto-refine` needs `--tools MANIFEST_OR_PACK`.');
        if (asList(flags.cases).length === 0) usageError('`--auto-refine` needs `--cases FILE` (repeat it).');
        const { loadTools } = await import('../load-tools.js');
        const tools = await loadTools(flags.tools);
        await tools.close();
        autoRefine = {
          manifest: tools.manifest,
          files: asList(flags.cases),
          ...(flags.model ? { model: flags.model } : {}),
        };
      }
      const { assessMaturity } = await import('../../assess-maturity.js');
      const skills = await withStore(flags, (store) =>
        assessMaturity({
          store,
          policy,
          ...(names.length > 0 ? { names } : {}),
          isRecorded: !flags.dryRun,
          by: 'knack status',
          ...(autoRefine ? { autoRefine } : {}),
        }),
      );
      if (flags.json) return printJson(skills);
      if (skills.length === 0) return print('No skills stored yet.');
      const c = colors();
      const paint = { deliberate: c.dim, supervised: c.yellow, autonomous: c.green } as const;
      const width = Math.max(4, ...skills.map((skill) => skill.ref.length));
      print(
        c.bold(
          `${'SKILL'.padEnd(width)}  STATUS      MATURITY    EVIDENCE          WINDOW              LAST MOVE`,
        ),
      );
      for (const skill of skills) {
        const { figures } = skill;
        const evidence = `${figures.evidencePassed}/${figures.evidenceTotal} lb ${figures.lowerBound.toFixed(2)}`;
        const window = `${figures.window.runs} runs ${figures.window.failed}F ${figures.window.wrong}W`;
        const moved = skill.hasMoved ? `${skill.previousMaturity} -> ${skill.maturity}: ` : '';
        const flag = skill.needsRefinement ? ' [needs refinement]' : '';
        const refined = skill.refined
          ? skill.refined.ok
            ? ` (refined: ${skill.refined.ref} awaits review)`
            : ` (not refined: ${skill.refined.reason})`
          : '';
        print(
          `${skill.ref.padEnd(width)}  ${skill.status.padEnd(10)}  ${paint[skill.maturity](skill.maturity.padEnd(10))}  ${evidence.padEnd(16)}  ${window.padEnd(18)}  ${moved}${skill.reason}${flag}${refined}`,
        );
      }
      if (flags.dryRun && skills.some((skill) => skill.hasMoved)) print(c.dim('(dry run: nothing recorded)'));
    });
}
