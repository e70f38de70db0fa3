import type { CAC } from 'cac';
import { colors, print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';
import { formatEvidence } from '../../diff/index.js';

/** `knack show REF`: one version's record, status, review, counters and what review it needs. */
export function registerShow(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'show <ref>',
      'Show one version: status, permissions, provenance, reliability (name, name@N, name@latest)',
    ),
  )
    .option('--source', 'Print the TypeScript source too')
    .example('knack show refund_order@2 --source')
    .action(async (ref: string, flags: StoreFlags & { source?: boolean }) => {
      const { version, requirements } = await withStore(flags, async (store) => ({
        version: await store.get(ref),
        requirements: await store.reviewRequirements(ref),
      }));
      if (flags.json) {
        const { bundle: _bundle, sourcemap: _sourcemap, ...rest } = version;
        return printJson({ ...rest, reviewRequirements: requirements });
      }
      const c = colors();
      const { describeLeftOut } = await import('../../diff/index.js');
      const { reliability, verification, provenance } = version;
      const lines = [
        c.bold(`${version.name}@${version.version}`) + `  ${version.status}  ${version.description}`,
        `content      ${version.contentHash}`,
        `created      ${version.createdAt}`,
        `permissions  ${version.permissions.join(', ') || '(none)'}`,
        `imports      ${version.imports.join(', ') || '(none)'}`,
        `provenance   ${provenance.compiler}${provenance.model ? ` (${provenance.model})` : ''}, trajectories ${provenance.trajectoryIds.join(', ')}`,
        ...(provenance.leftOut ?? []).map((call) => `left out     ${describeLeftOut(call)}`),
        ...(provenance.proposal
          ? [
              `proposed     by ${provenance.proposal.by} from ${provenance.proposal.runs} recorded sessions (min ${provenance.proposal.minRuns}), ${provenance.proposal.distinctTasks} distinct tasks, ${provenance.proposal.at}`,
            ]
          : []),
        `verified     ${verification.isVerified ? 'yes' : c.red('no')} (${verification.reports.filter((report) => report.ok).length}/${verification.reports.length} replays)`,
        `evidence     ${version.evidence ? formatEvidence(version.evidence) : '- (compiled before evidence was recorded)'}`,
        `runs         ${reliability.runs} (${reliability.ok} ok${Object.entries(reliability.failures)
          .map(([code, count]) => `, ${code} ${count}`)
          .join('')})`,
        `outcomes     ${reliability.outcomes.correct} correct, ${reliability.outcomes.wrong} wrong (reported on runs)`,
        `review       ${version.review ? `${version.review.decision} by ${version.review.by}${version.review.note ? `: ${version.review.note}` : ''}` : '-'}`,
        `maturity     ${version.maturity}${version.maturityMark ? ` (${version.maturityMark.reason}${version.maturityMark.needsRefinement ? '; needs refinement' : ''})` : ''}`,
        ...(version.reviewNotes ? [`notes        ${version.reviewNotes}`] : []),
        ...requirements.map((requirement) => c.yellow(`needs review ${requirement.message}`)),
      ];
      print(lines.join('\n'));
      if (flags.source) print(`\n${version.source}`);
    });
}
