/**
 * @module search: BM25 skill search (minisearch) over name, description, trajectory tasks, Input
 * field names and tool names, with a score threshold so a request no skill covers finds nothing.
 */
export { createSkillIndex, DEFAULT_MIN_SCORE } from './create-skill-index.js';
export type { SkillIndex, CreateSkillIndexOptions } from './create-skill-index.js';
export { loadSkillIndex, refreshSkillIndex, DEFAULT_SEARCH_STATUSES } from './load-skill-index.js';
export type { LoadSkillIndexOptions, RefreshSkillIndexOptions } from './load-skill-index.js';
export { searchSkills } from './search-skills.js';
export type { SearchSkillsOptions } from './search-skills.js';
export type {
  SearchableSkill,
  SkillSearchField,
  SkillSearchHit,
  SkillIndexSearchOptions,
} from './skill-search-types.js';
