import { searchTerms } from './_search-terms.js';
import type { SearchableSkill, SkillSearchField } from './skill-search-types.js';

/** The searchable fields, in the order hits report them. */
export const SEARCH_FIELDS: readonly SkillSearchField[] = [
  'name',
  'description',
  'tasks',
  'inputFields',
  'tools',
];

/** A skill's search terms by field, each field's terms joined by single spaces. */
export type SkillTerms = Record<SkillSearchField, string>;

/**
 * What minisearch indexes: two fields, not five. Every field a word appears in is another
 * posting to score, and a common word (`order`) sits in all five of most skills; two fields made
 * a search among 10,000 skills about twice as fast. `summary` says what the skill does (name and
 * description, boosted); `details` is the evidence (tasks, Input fields, tools).
 */
export interface MiniSearchDocument {
  id: string;
  summary: string;
  details: string;
}

function inputFieldNames(skill: SearchableSkill): string[] {
  const schema = skill.inputSchema;
  if (typeof schema !== 'object' || schema === null) return [];
  const properties = (schema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

/** Tokenizes each field of a skill once; the index, document frequencies and hits all read this. */
export function skillTerms(skill: SearchableSkill): SkillTerms {
  const terms = (text: string): string => searchTerms(text).join(' ');
  return {
    name: terms(skill.name),
    description: terms(skill.description),
    tasks: terms((skill.provenance.tasks ?? []).join('\n')),
    inputFields: terms(inputFieldNames(skill).join(' ')),
    tools: terms(skill.permissions.join(' ')),
  };
}

/** The minisearch document of a skill's terms (rebuilt identically for `remove`). */
export function miniSearchDocument(name: string, terms: SkillTerms): MiniSearchDocument {
  const join = (...parts: string[]): string => parts.filter(Boolean).join(' ');
  return {
    id: name,
    summary: join(terms.name, terms.description),
    details: join(terms.tasks, terms.inputFields, terms.tools),
  };
}

/** The distinct terms of a skill, for document frequencies. */
export function distinctTerms(terms: SkillTerms): Set<string> {
  return new Set(SEARCH_FIELDS.flatMap((field) => (terms[field] ? terms[field].split(' ') : [])));
}

/** The fields of `terms` that contain one of `matched`. */
export function matchedFields(terms: SkillTerms, matched: readonly string[]): SkillSearchField[] {
  return SEARCH_FIELDS.filter((field) => {
    const words = terms[field].split(' ');
    return matched.some((term) => words.includes(term));
  });
}
