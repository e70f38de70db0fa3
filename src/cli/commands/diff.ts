import type { CAC } from 'cac';
import { print, printJson, useColor } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `B` may be a bare number: a version of the same skill as `A`. */
export function secondRef(first: string, second: string): string {
  return /^[0-9]+$/.test(second) ? `${first.split('@')[0]}@${second}` : second;
}

/** `knack diff A B`: semantic summary and source diff between two versions. */
export function registerDiff(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'diff <from> <to>',
      'Compare two versions: permissions, schemas, provenance, reliability, then the source',
    ),
  )
    .example('knack diff refund_order@1 2')
    .action(async (from: string, to: string, flags: StoreFlags) => {
      const diff = await withStore(flags, (store) => store.diff(from, secondRef(from, String(to))));
      if (flags.json) return printJson(diff);
      const { renderSkillDiff } = await import('../../diff/index.js');
      print(renderSkillDiff(diff, { color: useColor() }));
    });
}
