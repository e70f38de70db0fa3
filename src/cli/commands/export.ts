import type { CAC } from 'cac';
import { print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack export DIR`: the library as reviewable files. */
export function registerExport(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'export <dir>',
      'Write the library as files: DIR/<name>/v<N>.ts, v<N>.bundle.js, v<N>.cases.json, skill.json',
    ),
  )
    .example('knack export skills/library')
    .action(async (dir: string, flags: StoreFlags) => {
      const { exportLibrary } = await import('../../store/index.js');
      const result = await withStore(flags, (store) => exportLibrary({ store, dir }));
      if (flags.json) return printJson(result);
      const versions = result.skills.reduce((sum, skill) => sum + skill.versions.length, 0);
      print(`Exported ${result.skills.length} skill(s), ${versions} version(s), to ${dir}.`);
    });
}
