import { KnackError } from '../../core/index.js';
import type { SkillStore } from '../store/index.js';
import { loadSkillIndex, type LoadSkillIndexOptions } from './load-skill-index.js';
import type { SkillIndexSearchOptions, SkillSearchHit } from './skill-search-types.js';

/** Options of `searchSkills`. */
export interface SearchSkillsOptions extends SkillIndexSearchOptions, LoadSkillIndexOptions {
  store: SkillStore;
}

/**
 * Finds the skills that fit a request: reads the store into a fresh index and searches it once.
 * Hits are ranked by BM25 and those below `minScore` dropped, so a request no skill covers
 * returns `[]`. To search many times, keep a `loadSkillIndex` index instead.
 * @throws KnackError INVALID_ARGUMENT (query, limit, minScore), and the store's read errors.
 * @example
 * const hits = await searchSkills({ store, query: 'my parcel arrived broken, refund it', limit: 3 });
 * hits[0]?.ref; // 'refund_order_full@1'
 */
export async function searchSkills(options: SearchSkillsOptions): Promise<SkillSearchHit[]> {
  if (typeof options?.store?.list !== 'function')
    throw new KnackError('INVALID_ARGUMENT', 'searchSkills needs `store`: an open skill store (openStore).', {
      where: { field: 'store' },
    });
  const { store, statuses, ...search } = options;
  const index = await loadSkillIndex({ store, ...(statuses ? { statuses } : {}) });
  return index.search(search);
}
