import type { CAC } from 'cac';
import { print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack rollback NAME@N --by WHO --note TEXT`: re-activates an older version as a new history event. */
export function registerRollback(cli: CAC): void {
  withStoreFlags(
    cli.command('rollback <ref>', 'Re-activate an older version (name@N); the history keeps both moves'),
  )
    .option('--by <who>', 'Who rolls back (required)')
    .option('--note <text>', 'Why (required)')
    .example('knack rollback refund_order@1 --by ana --note "v2 refunds twice"')
    .action(async (ref: string, flags: StoreFlags & { by?: string; note?: string }) => {
      if (typeof flags.by !== 'string' || !flags.by.trim()) usageError('`knack rollback` needs `--by WHO`.');
      if (typeof flags.note !== 'string' || !flags.note.trim())
        usageError('`knack rollback` needs `--note TEXT` saying why.');
      const event = await withStore(flags, (store) =>
        store.rollback(ref, { by: String(flags.by), note: String(flags.note) }),
      );
      if (flags.json) return printJson(event);
      print(
        `Rolled back to ${ref}${event.supersedes === undefined ? '' : ` (@${event.supersedes} deprecated)`}.`,
      );
    });
}
