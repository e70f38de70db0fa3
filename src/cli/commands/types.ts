import type { CAC } from 'cac';
import { log, print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface TypesFlags extends StoreFlags {
  out?: string;
}

/** `knack types [--out FILE]`: TypeScript declarations of the active skills. */
export function registerTypes(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'types',
      "TypeScript declarations of the active skills' Input and Output, and a `Skills` interface",
    ),
  )
    .option('--out <file>', 'Write the declarations to FILE (default: stdout)')
    .example('knack types --out src/knack-skills.d.ts')
    .action(async (flags: TypesFlags) => {
      const { skillTypes } = await import('../../skill-types.js');
      const declarations = await withStore(flags, (store) => skillTypes({ store }));
      if (flags.out) {
        const { writeFile } = await import('node:fs/promises');
        await writeFile(flags.out, declarations);
        if (flags.json) return printJson({ out: flags.out });
        log(`Wrote ${flags.out}.`);
        return;
      }
      if (flags.json) return printJson({ declarations });
      print(declarations.trimEnd());
    });
}
