import type { SkillVersion } from '../store/index.js';

/**
 * Which stored versions an MCP server may list and run: true lets an agent find, read and call
 * `skill`. The server asks it of each skill's active version, else its newest (for listing and
 * `run_skill NAME`), and of an exact version an agent names (`run_skill NAME@N`).
 */
export type ServePolicy = (skill: SkillVersion) => boolean;
