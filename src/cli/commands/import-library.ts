import type { CAC } from 'cac';
import { print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack import-library DIR`: loads a folder written by `knack export`. */
export function registerImportLibrary(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'import-library <dir>',
      'Load a library folder written by `knack export` (versions, history, counters)',
    ),
  )
    .example('knack import-library skills/library --store postgres://postgres@127.0.0.1:5432/test')
    .action(async (dir: string, flags: StoreFlags) => {
      const { importLibrary } = await import('../../store/index.js');
      const result = await withStore(flags, (store) => importLibrary({ store, dir }));
      if (flags.json) return printJson(result);
      const versions = result.skills.reduce((sum, skill) => sum + skill.versions.length, 0);
      print(`Imported ${result.skills.length} skill(s), ${versions} version(s), from ${dir}.`);
    });
}
