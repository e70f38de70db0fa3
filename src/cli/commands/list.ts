import type { CAC } from 'cac';
import { colors, print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack list`: every stored skill with its active and latest version. */
export function registerList(cli: CAC): void {
  withStoreFlags(cli.command('list', 'List stored skills with their active and latest versions'))
    .example('knack list --store sqlite://.knack/skills.db')
    .action(async (flags: StoreFlags) => {
      const skills = await withStore(flags, (store) => store.list());
      if (flags.json) return printJson(skills);
      const c = colors();
      if (skills.length === 0)
        return print('No skills stored yet. Compile one, or `knack import-library DIR`.');
      const width = Math.max(4, ...skills.map((skill) => skill.name.length));
      print(c.bold(`${'NAME'.padEnd(width)}  ACTIVE  LATEST  STATUS      DESCRIPTION`));
      for (const skill of skills) {
        const active = skill.activeVersion === undefined ? '-' : `@${skill.activeVersion}`;
        print(
          `${skill.name.padEnd(width)}  ${active.padEnd(6)}  ${`@${skill.latestVersion}`.padEnd(6)}  ${skill.latestStatus.padEnd(10)}  ${skill.description}`,
        );
      }
    });
}
