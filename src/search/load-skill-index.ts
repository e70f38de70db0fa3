import { KnackError } from '../../core/index.js';
import type { SkillStatus, SkillStore, SkillSummary, SkillVersion } from '../store/index.js';
import { createSkillIndex, type SkillIndex } from './create-skill-index.js';

/** Statuses indexed when none are named: everything but `deprecated`. */
export const DEFAULT_SEARCH_STATUSES: readonly SkillStatus[] = ['active', 'verified', 'draft'];

/** Options of `refreshSkillIndex`. */
export interface RefreshSkillIndexOptions {
  index: SkillIndex;
  store: SkillStore;
  /** Skills to re-read (after a change to them). @default every skill the store lists */
  names?: readonly string[];
  /** Versions whose status is listed are indexed; others are removed. @default DEFAULT_SEARCH_STATUSES */
  statuses?: readonly SkillStatus[];
}

/** Options of `loadSkillIndex`. */
export type LoadSkillIndexOptions = Omit<RefreshSkillIndexOptions, 'index' | 'names'>;

// Reads in small batches: enough to hide a networked backend's round trips, few enough not to
// crowd its connection pool.
const READ_CONCURRENCY = 8;

// The version a skill's name runs (the active one), else its newest: what a caller would get.
function searchedRef(summary: SkillSummary): string {
  return summary.activeVersion === undefined
    ? `${summary.name}@latest`
    : `${summary.name}@${summary.activeVersion}`;
}

function isNotFound(error: unknown): boolean {
  return KnackError.isInstance(error) && error.code === 'NOT_FOUND';
}

// The active version, else the newest; undefined when the skill does not exist (any more).
async function readSearchedVersion(store: SkillStore, name: string): Promise<SkillVersion | undefined> {
  try {
    return await store.get(name);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    return await store.get(`${name}@latest`);
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Brings `index` up to date with the store for `names` (default: all): each skill's active
 * version, else its newest, is indexed when its status is in `statuses`; skills that are gone or
 * filtered out are removed. A server calls it with the names a store change touched.
 * @throws KnackError from the store (STORE_READ_FAILED, STORE_CORRUPT, CLOSED).
 */
export async function refreshSkillIndex(options: RefreshSkillIndexOptions): Promise<void> {
  const { index, store } = options;
  const statuses = new Set(options.statuses ?? DEFAULT_SEARCH_STATUSES);
  // Named skills are read directly: listing a large store reads every skill's state.
  const listed = options.names ? undefined : await store.list();
  const names = options.names ?? (listed ?? []).map((summary) => summary.name);
  const summaries = new Map((listed ?? []).map((summary) => [summary.name, summary]));
  for (let start = 0; start < names.length; start += READ_CONCURRENCY) {
    const batch = names.slice(start, start + READ_CONCURRENCY);
    const versions = await Promise.all(
      batch.map((name) => {
        const summary = summaries.get(name);
        return summary ? store.get(searchedRef(summary)) : readSearchedVersion(store, name);
      }),
    );
    batch.forEach((name, position) => {
      const version = versions[position];
      if (version && statuses.has(version.status)) index.add(version);
      else index.remove(name);
    });
  }
}

/**
 * Builds a skill index from every skill in the store (see `refreshSkillIndex` for which version).
 * @example
 * const index = await loadSkillIndex({ store });
 * const hits = index.search({ query: 'refund a damaged order', limit: 3 });
 */
export async function loadSkillIndex(options: LoadSkillIndexOptions): Promise<SkillIndex> {
  const index = createSkillIndex();
  await refreshSkillIndex({ ...options, index });
  return index;
}
