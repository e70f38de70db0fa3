import type { CAC } from 'cac';
import { print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack review approve|reject REF --by WHO --note TEXT`. */
export function registerReview(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'review <decision> <ref>',
      'Approve or reject a version (approve|reject); recorded in its history',
    ),
  )
    .option('--by <who>', 'Reviewer (required)')
    .option('--note <text>', 'Why')
    .example('knack review approve refund_order@2 --by ana --note "send_email is expected"')
    .action(async (decision: string, ref: string, flags: StoreFlags & { by?: string; note?: string }) => {
      if (decision !== 'approve' && decision !== 'reject')
        usageError(`Decision must be \`approve\` or \`reject\`, got \`${decision}\`.`);
      if (typeof flags.by !== 'string' || flags.by.trim() === '')
        usageError('`knack review` needs `--by WHO`.');
      const event = await withStore(flags, (store) =>
        store.review(ref, {
          decision,
          by: flags.by ?? '',
          ...(flags.note ? { note: String(flags.note) } : {}),
        }),
      );
      if (flags.json) return printJson(event);
      print(
        `${decision === 'approve' ? 'Approved' : 'Rejected'} ${ref.split('@')[0]}@${event.version} (history #${event.number}).`,
      );
    });
}
