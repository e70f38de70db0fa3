import MiniSearch from 'minisearch';
import { KnackError } from '../../core/index.js';
import { searchTerms } from './_search-terms.js';
import type {
  SearchableSkill,
  SkillIndexSearchOptions,
  SkillSearchField,
  SkillSearchHit,
} from './skill-search-types.js';

/**
 * The default `minScore`: hits scoring less are dropped, so a request no skill covers finds
 * nothing. One common word (`order`, `customer`) matched in every field of a skill scores 2-4.5;
 * a request a skill covers scores 4.6 or more. Calibrated on half of the held-aside support-desk
 * requests of `npm run bench -- search` (the middle of the gap there), measured on the other half.
 */
export const DEFAULT_MIN_SCORE = 4.2;

const FIELDS: readonly SkillSearchField[] = ['name', 'description', 'tasks', 'inputFields', 'tools'];
// Name and description are written to say what the skill does; tasks are longer and chattier.
const BOOST: Record<SkillSearchField, number> = {
  name: 2,
  description: 2,
  tasks: 1,
  inputFields: 1,
  tools: 1,
};

type IndexedDocument = Record<SkillSearchField, string> & { id: string };
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

function toDocument(skill: SearchableSkill): IndexedDocument {
  const schema = skill.inputSchema;
  const properties =
    typeof schema === 'object' && schema !== null && typeof schema.properties === 'object'
      ? Object.keys(schema.properties as object)
      : [];
  return {
    id: skill.name,
    name: skill.name,
    description: skill.description,
    tasks: (skill.provenance.tasks ?? []).join('\n'),
    inputFields: properties.join(' '),
    tools: skill.permissions.join(' '),
  };
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
  readonly #engine = new MiniSearch<IndexedDocument>({
    fields: [...FIELDS],
    tokenize: searchTerms,
    // searchTerms already lower-cases, drops and stems.
    processTerm: (term) => term,
    searchOptions: { boost: BOOST, combineWith: 'OR' },
  });
  // Only what a hit shows and what `remove` must hand back to minisearch: not the whole version
  // (source, bundle), which a server holding 10,000 skills would otherwise keep alive.
  readonly #skills = new Map<string, { hit: IndexedSkill; document: IndexedDocument }>();

  get size(): number {
    return this.#skills.size;
  }

  has(name: string): boolean {
    return this.#skills.has(name);
  }

  add(skill: SearchableSkill): void {
    this.remove(skill.name);
    const document = toDocument(skill);
    this.#engine.add(document);
    const { name, version, description, status, inputSchema } = skill;
    this.#skills.set(name, { hit: { name, version, description, status, inputSchema }, document });
  }

  remove(name: string): boolean {
    const entry = this.#skills.get(name);
    if (!entry) return false;
    this.#engine.remove(entry.document);
    this.#skills.delete(name);
    return true;
  }

  search(options: SkillIndexSearchOptions): SkillSearchHit[] {
    const { limit, minScore } = checkSearchOptions(options);
    const queryTerms = [...new Set(searchTerms(options.query))];
    if (queryTerms.length === 0 || this.#skills.size === 0) return [];
    // BM25 grows with the library (IDF is a log of its size); dividing by the IDF of a word no
    // skill has keeps one threshold meaningful for 12 skills or 10,000.
    const scale = Math.log(1 + (this.#skills.size + 0.5) / 0.5);
    // The terms are already processed: split them as they are rather than stem them twice.
    const results = this.#engine.search(queryTerms.join(' '), { tokenize: (text) => text.split(' ') });
    const hits: SkillSearchHit[] = [];
    for (const result of results) {
      const score = result.score / scale;
      // Results come best first: the first one below the bar ends the list.
      if (score < minScore || hits.length === limit) break;
      const entry = this.#skills.get(result.id as string);
      if (!entry) continue;
      const fields = new Set(Object.values(result.match).flat());
      const { name, version, description, status, inputSchema } = entry.hit;
      hits.push({
        name,
        version,
        ref: `${name}@${version}`,
        description,
        status,
        score,
        matchedFields: FIELDS.filter((field) => fields.has(field)),
        matchedTerms: [...new Set(result.queryTerms)],
        inputSchema,
      });
    }
    return hits;
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
