import type { Command } from 'cac';
import type { SkillStore } from '../../store/index.js';

/** Flags every store command takes. */
export interface StoreFlags {
  store?: string;
  json?: boolean;
}

/** Adds `--store URL` and `--json` to a store command. */
export function withStoreFlags(command: Command): Command {
  return command
    .option(
      '--store <url>',
      'Store URL (sqlite://path.db, postgres://…, redis://…); default $KNACK_STORE or sqlite://.knack/skills.db',
    )
    .option('--json', 'Machine output on stdout');
}

/** Opens the store named by `--store` (lazily importing the store), runs `use`, always closes. */
export async function withStore<T>(flags: StoreFlags, use: (store: SkillStore) => Promise<T>): Promise<T> {
  const { openStore } = await import('../../store/index.js');
  const store = await openStore(flags.store === undefined ? {} : { url: flags.store });
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
