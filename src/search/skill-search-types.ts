import type { JsonSchema } from '../../core/index.js';
import type { SkillStatus } from '../store/index.js';

/** The parts of a skill search reads. A stored `SkillVersion` is one. */
export interface SearchableSkill {
  name: string;
  version: number;
  description: string;
  status: SkillStatus;
  inputSchema: JsonSchema;
  /** Tool names the skill may call. */
  permissions: readonly string[];
  /** `tasks`: the user requests it was compiled from (absent on older versions). */
  provenance: { tasks?: readonly string[] };
}

/**
 * Where a query word matched: the skill's `name`, `description`, the `tasks` and user requests
 * of its trajectories, its `inputFields` (Input property names) or its `tools` (permissions).
 */
export type SkillSearchField = 'name' | 'description' | 'tasks' | 'inputFields' | 'tools';

/** One ranked search hit. */
export interface SkillSearchHit {
  name: string;
  version: number;
  /** `name@version`. */
  ref: string;
  description: string;
  status: SkillStatus;
  /**
   * BM25 (minisearch, field-boosted) divided by the IDF of a word no skill has, so it reads the
   * same in small and large libraries; hits are ranked by it and checked against `minScore`.
   * Words no skill knows add nothing: a long, chatty request is not penalised for them.
   */
  score: number;
  /** Fields a query word matched in, in `SkillSearchField` order. */
  matchedFields: SkillSearchField[];
  /** The query's words (stemmed) that matched. */
  matchedTerms: string[];
  /** JSON Schema of the skill's Input: what a caller must pass. */
  inputSchema: JsonSchema;
}

/** Options of `SkillIndex.search`. */
export interface SkillIndexSearchOptions {
  /** What the user asked for, in their words. */
  query: string;
  /** Most hits returned. @default 5 */
  limit?: number;
  /** Hits scoring less are dropped; 0 keeps every match. @default DEFAULT_MIN_SCORE (2.5) */
  minScore?: number;
}
