import type { CAC } from 'cac';
import { colors, escapeControl, print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';
import type { SkillTestResult } from '../../cases/index.js';

interface TestFlags extends StoreFlags {
  all?: boolean;
}

// Case text (arguments, outputs) on one line: a newline in it cannot start a fake line of ours.
const oneLine = (text: string): string => escapeControl(text, { keepNewlines: false });

function renderResult(result: SkillTestResult): string[] {
  const c = colors();
  if (result.status === 'no-cases') return [`${c.dim('SKIP')} ${result.ref}: no stored cases`];
  const failed = result.cases.filter((skillCase) => !skillCase.ok);
  const head =
    result.status === 'passed'
      ? `${c.green('PASS')} ${result.ref}: ${result.cases.length} case(s)`
      : `${c.red('FAIL')} ${result.ref}: ${failed.length} of ${result.cases.length} case(s) failed`;
  return [
    head,
    ...failed.map((skillCase) => `  ${skillCase.trajectoryId}: ${oneLine(skillCase.message ?? '')}`),
  ];
}

/** `knack test REF|--all`: replays stored cases offline; exit 1 on any failure. */
export function registerTest(cli: CAC): void {
  withStoreFlags(
    cli.command('test [ref]', 'Replay the stored test cases of a version (or --all) offline, no real tools'),
  )
    .option('--all', 'Every stored version of every skill')
    .example('knack test refund_order_full@1')
    .example('knack test --all --store sqlite://.knack/skills.db')
    .action(async (ref: string | undefined, flags: TestFlags) => {
      if ((ref === undefined) === !flags.all) usageError('`knack test` needs a REF or --all (not both).');
      const { testSkills } = await import('../../cases/index.js');
      const results = await withStore(flags, (store) =>
        testSkills({ store, ...(ref === undefined ? {} : { refs: [ref] }) }),
      );
      process.exitCode = results.some((result) => result.status === 'failed') ? 1 : 0;
      if (flags.json) return printJson(results);
      for (const result of results) for (const line of renderResult(result)) print(line);
      const count = (status: SkillTestResult['status']): number =>
        results.filter((result) => result.status === status).length;
      print(
        `${count('passed')} version(s) passed, ${count('failed')} failed, ${count('no-cases')} had no cases.`,
      );
    });
}
