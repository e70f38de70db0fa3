import type { SkillVersion } from '../store/index.js';

/**
 * Which stored versions an MCP server may list and run: true lets an agent find, read and call
 * `skill`. The server asks it of each skill's active version, else its newest (for listing and
 * `run_skill NAME`), and of an exact version an agent names (`run_skill NAME@N`).
 */
export type ServePolicy = (skill: SkillVersion) => boolean;

/**
 * The default `ServePolicy`: only reviewed, active versions. `active` says a person (or the
 * auto-approve review policy) put the version into use; the latest review must approve it.
 */
export function servesReviewedActive(skill: SkillVersion): boolean {
  return skill.status === 'active' && skill.review?.decision === 'approve';
}
