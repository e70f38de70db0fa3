import type { CAC } from 'cac';
import { colors, print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

/** `knack history NAME`: the append-only history of a skill. */
export function registerHistory(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'history <name>',
      'Show every publish, status move, review and maturity move of a skill, oldest first',
    ),
  )
    .example('knack history refund_order --json')
    .action(async (name: string, flags: StoreFlags) => {
      const events = await withStore(flags, (store) => store.history(name));
      if (flags.json) return printJson(events);
      const c = colors();
      for (const event of events) {
        const what =
          event.kind === 'reviewed'
            ? `${event.decision === 'approve' ? c.green('approved') : c.red('rejected')}`
            : event.kind === 'maturity-changed'
              ? `maturity ${event.previousMaturity ? `${event.previousMaturity} -> ` : ''}${event.maturity ?? ''}`
              : `${event.kind} ${event.previousStatus ? `${event.previousStatus} -> ` : ''}${event.status ?? ''}`;
        const supersedes = event.supersedes === undefined ? '' : ` (replaces @${event.supersedes})`;
        print(
          `#${event.number}  ${event.at}  @${event.version}  ${what}${supersedes}  by ${event.by}${event.note ? `: ${event.note}` : ''}`,
        );
      }
    });
}
