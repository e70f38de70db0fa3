import type { CAC } from 'cac';
import type { SkillSearchHit } from '../../search/index.js';
import { colors, print, printJson } from '../output.js';
import { withStore, withStoreFlags, type StoreFlags } from './_store-flags.js';

interface SearchFlags extends StoreFlags {
  limit?: number | string;
  minScore?: number | string;
}

function hitTable(hits: readonly SkillSearchHit[]): string[] {
  const c = colors();
  const width = Math.max(3, ...hits.map((hit) => hit.ref.length));
  return [
    c.bold(`${'SCORE'.padStart(6)}  ${'REF'.padEnd(width)}  STATUS      DESCRIPTION`),
    ...hits.map(
      (hit) =>
        `${hit.score.toFixed(1).padStart(6)}  ${hit.ref.padEnd(width)}  ${hit.status.padEnd(10)}  ${hit.description}\n` +
        c.dim(`${''.padStart(6)}  matched ${hit.matchedTerms.join(', ')} in ${hit.matchedFields.join(', ')}`),
    ),
  ];
}

/** `knack search QUERY`: the stored skills that fit a request, best first, or none. */
export function registerSearch(cli: CAC): void {
  withStoreFlags(
    cli.command(
      'search <query>',
      'Find the skills that fit a request (BM25 over name, description, tasks, inputs and tools)',
    ),
  )
    .option('--limit <n>', 'Most skills listed (default 5)')
    .option('--min-score <x>', 'Drop hits scoring less (default 2.5; 0 lists every match)')
    .example('knack search "my parcel arrived broken, I want a refund" --limit 3 --json')
    .action(async (query: string, flags: SearchFlags) => {
      const { searchSkills } = await import('../../search/index.js');
      const hits = await withStore(flags, (store) =>
        searchSkills({
          store,
          query: String(query),
          ...(flags.limit === undefined ? {} : { limit: Number(flags.limit) }),
          ...(flags.minScore === undefined ? {} : { minScore: Number(flags.minScore) }),
        }),
      );
      if (flags.json) return printJson(hits);
      if (hits.length === 0)
        return print(`No skill fits ${JSON.stringify(String(query))}: none scored above the threshold.`);
      print(hitTable(hits).join('\n'));
    });
}
