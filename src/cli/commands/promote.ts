import type { CAC } from 'cac';
import { print, printJson } from '../output.js';
import { withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack promote REF`: activates a version, enforcing review. */
export function registerPromote(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'promote <ref>',
      'Activate a version (the active one is deprecated); versions needing review must be approved',
    ),
  )
    .option('--by <who>', 'Who activates it (default: your user name)')
    .option('--note <text>', 'Why')
    .option('--auto-approve', 'Approve by policy if permissions do not grow and replay passed')
    .example('knack promote refund_order@2 --by ana --note "approved in PR 14"')
    .action(
      async (ref: string, flags: StoreFlags & { by?: string; note?: string; autoApprove?: boolean }) => {
        const { openStore } = await import('../../store/index.js');
        const store = await openStore({
          ...(flags.store ? { url: flags.store } : {}),
          review: { autoApprove: Boolean(flags.autoApprove) },
        });
        try {
          const event = await store.promote(ref, {
            ...(flags.by ? { by: String(flags.by) } : {}),
            ...(flags.note ? { note: String(flags.note) } : {}),
          });
          if (flags.json) return printJson(event);
          const replaced =
            event.supersedes === undefined ? '' : ` (was @${event.supersedes}, now deprecated)`;
          print(`Activated ${ref.split('@')[0]}@${event.version}${replaced}.`);
        } finally {
          await store.close();
        }
      },
    );
}
