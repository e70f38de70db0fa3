import MiniSearch from 'minisearch';
import { KnackError } from '../../core/index.js';
import { searchTerms } from './_search-terms.js';
import {
  distinctTerms,
  matchedFields,
  miniSearchDocument,
  skillTerms,
  type MiniSearchDocument,
  type SkillTerms,
} from './_skill-document.js';
import type { SearchableSkill, SkillIndexSearchOptions, SkillSearchHit } from './skill-search-types.js';

/**
 * The default `minScore`: hits scoring less are dropped, so a request no skill covers finds
 * nothing. On the support-desk library one common word (`order`, `customer`) matched in every
 * field of a skill scores 1-2, a request a skill covers 3 or more. Chosen on half of the
 * held-aside requests of `npm run bench -- search` (the middle of the gap there) and measured on
 * the other half; see the README for the figures.
 */
export const DEFAULT_MIN_SCORE = 2.5;

// A query word whose IDF is under this share of a word only one skill has weighs little and
// costs the most: it is in most of the library (`order` in a shop's, `ticket` in a help desk's),
// so every one of those skills is scored. Such words are left out of the query, unless nothing
// else is left. At 0.15, among 10,000 skills, words in more than about a fifth of them go; in the
// 12-skill example library only words in 8 or more skills would. 0.1 left searches twice as slow;
// 0.2 began to drop words that ranked the right skill (bench/search.bench.ts requests).
const COMMON_WORD_WEIGHT = 0.15;

type IndexedSkill = Pick<SearchableSkill, 'name' | 'version' | 'description' | 'status' | 'inputSchema'>;

/** Options of `createSkillIndex`. */
export interface CreateSkillIndexOptions {
  /** Skills to index at once (one entry per name; a later one replaces an earlier). @default [] */
  skills?: Iterable<SearchableSkill>;
}

/** An in-memory BM25 index of skills, one version per name: build once, query many times. */
export interface SkillIndex {
  /** Skills indexed. */
  readonly size: number;
  /** Indexes `skill`, replacing the entry of the same name (a new version). */
  add(skill: SearchableSkill): void;
  /** Drops the entry of `name`; false when there was none. */
  remove(name: string): boolean;
  /** Whether `name` is indexed. */
  has(name: string): boolean;
  /**
   * Ranked hits for `query`, best first; a request no skill covers returns `[]`.
   * @throws KnackError INVALID_ARGUMENT for a non-string query, a bad limit or minScore.
   */
  search(options: SkillIndexSearchOptions): SkillSearchHit[];
}

function checkSearchOptions(options: SkillIndexSearchOptions): { limit: number; minScore: number } {
  if (typeof options?.query !== 'string')
    throw new KnackError('INVALID_ARGUMENT', 'search needs `query`: the request as a string.', {
      where: { field: 'query' },
    });
  const limit = options.limit ?? 5;
  if (!Number.isInteger(limit) || limit < 1)
    throw new KnackError('INVALID_ARGUMENT', `search: \`limit\` must be a positive integer, got ${limit}.`, {
      where: { field: 'limit' },
    });
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  if (typeof minScore !== 'number' || !(minScore >= 0))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `search: \`minScore\` must be a number of at least 0, got ${String(minScore)}.`,
      { where: { field: 'minScore' } },
    );
  return { limit, minScore };
}

class MiniSearchSkillIndex implements SkillIndex {
  readonly #engine = new MiniSearch<MiniSearchDocument>({
    fields: ['summary', 'details'],
    // Documents and queries arrive as searchTerms output: split, never processed twice.
    tokenize: (text) => (text === '' ? [] : text.split(' ')),
    processTerm: (term) => term,
    searchOptions: { boost: { summary: 2, details: 1 }, combineWith: 'OR' },
  });
  // Only what a hit shows and the terms: not the whole version (source, bundle), which a server
  // holding 10,000 skills would otherwise keep alive.
  readonly #skills = new Map<string, { hit: IndexedSkill; terms: SkillTerms }>();
  readonly #documentFrequency = new Map<string, number>();

  get size(): number {
    return this.#skills.size;
  }

  has(name: string): boolean {
    return this.#skills.has(name);
  }

  add(skill: SearchableSkill): void {
    this.remove(skill.name);
    const terms = skillTerms(skill);
    this.#engine.add(miniSearchDocument(skill.name, terms));
    const { name, version, description, status, inputSchema } = skill;
    this.#skills.set(name, { hit: { name, version, description, status, inputSchema }, terms });
    this.#count(terms, 1);
  }

  remove(name: string): boolean {
    const entry = this.#skills.get(name);
    if (!entry) return false;
    this.#engine.remove(miniSearchDocument(name, entry.terms));
    this.#skills.delete(name);
    this.#count(entry.terms, -1);
    return true;
  }

  search(options: SkillIndexSearchOptions): SkillSearchHit[] {
    const { limit, minScore } = checkSearchOptions(options);
    const queryTerms = [...new Set(searchTerms(options.query))];
    if (queryTerms.length === 0 || this.#skills.size === 0) return [];
    // BM25 grows with the library (IDF is a log of its size); dividing by the IDF of a word no
    // skill has keeps one threshold meaningful for 12 skills or 10,000.
    const scale = this.#idf(0);
    const telling = queryTerms.filter(
      (term) => this.#idf(this.#documentFrequency.get(term) ?? 0) >= COMMON_WORD_WEIGHT * scale,
    );
    const results = this.#engine.search((telling.length > 0 ? telling : queryTerms).join(' '));
    const hits: SkillSearchHit[] = [];
    for (const result of results) {
      const score = result.score / scale;
      // Results come best first: the first one below the bar ends the list.
      if (score < minScore || hits.length === limit) break;
      const entry = this.#skills.get(result.id as string);
      if (!entry) continue;
      const { name, version, description, status, inputSchema } = entry.hit;
      const matchedTerms = [...new Set(result.queryTerms)];
      hits.push({
        name,
        version,
        ref: `${name}@${version}`,
        description,
        status,
        score,
        matchedFields: matchedFields(entry.terms, matchedTerms),
        matchedTerms,
        inputSchema,
      });
    }
    return hits;
  }

  #count(terms: SkillTerms, delta: 1 | -1): void {
    for (const term of distinctTerms(terms)) {
      const count = (this.#documentFrequency.get(term) ?? 0) + delta;
      if (count > 0) this.#documentFrequency.set(term, count);
      else this.#documentFrequency.delete(term);
    }
  }

  // BM25's IDF of a word found in `frequency` of the indexed skills.
  #idf(frequency: number): number {
    return Math.log(1 + (this.#skills.size - frequency + 0.5) / (frequency + 0.5));
  }
}

/**
 * Creates an in-memory skill index (BM25 with minisearch over name, description, trajectory
 * tasks, Input field names and tool names). Keep it warm in a server and `add`/`remove` skills
 * as the store changes; `loadSkillIndex` fills one from a store.
 * @example
 * const index = createSkillIndex({ skills: [await store.get('refund_order')] });
 * index.search({ query: 'my parcel came broken, I want my money back' });
 */
export function createSkillIndex(options: CreateSkillIndexOptions = {}): SkillIndex {
  const index = new MiniSearchSkillIndex();
  for (const skill of options.skills ?? []) index.add(skill);
  return index;
}
