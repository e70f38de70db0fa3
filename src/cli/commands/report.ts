import type { CAC } from 'cac';
import { print, printJson, usageError } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface ReportFlags extends StoreFlags {
  outcome?: string;
  note?: string;
  by?: string;
}

/** `knack report REF RUN_ID --outcome correct|wrong --note TEXT`: a verdict on one run. */
export function registerReport(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'report <ref> <runId>',
      "Record whether a run did the right thing (counted apart from errors in the version's reliability)",
    ),
  )
    .option('--outcome <outcome>', 'correct or wrong (required)')
    .option('--note <text>', 'What happened')
    .option('--by <who>', 'Who judged (default: the OS user)')
    .example('knack report refund_order_full 3f2c9a1e-... --outcome wrong --note "refunded the wrong order"')
    .action(async (ref: string, runId: string, flags: ReportFlags) => {
      if (flags.outcome !== 'correct' && flags.outcome !== 'wrong')
        usageError('`knack report` needs `--outcome correct` or `--outcome wrong`.');
      const report = await withStore(flags, (store) =>
        store.reportOutcome({
          ref,
          runId: String(runId),
          outcome: flags.outcome === 'correct' ? 'correct' : 'wrong',
          ...(flags.note ? { note: String(flags.note) } : {}),
          ...(flags.by ? { by: String(flags.by) } : {}),
        }),
      );
      if (flags.json) return printJson(report);
      print(`Reported run ${report.runId} of ${report.ref}: ${report.outcome}.`);
    });
}
