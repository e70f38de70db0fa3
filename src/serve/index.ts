/**
 * @module serve: the skill library as an MCP server (`knack serve`): search, read, run and report
 * on skills from any MCP client, over stdio or Streamable HTTP. The MCP SDK loads on first use.
 */
export { createSkillServer } from './create-skill-server.js';
export type { SkillServer } from './create-skill-server.js';
export type { CreateSkillServerOptions } from './_serve-context.js';
export type { SkillExposure } from './_skill-catalog.js';
export { serveSkills, isLoopbackHost } from './serve-skills.js';
export type { ServeSkillsOptions, ServedSkills } from './serve-skills.js';
export type { ServePolicy } from './serve-policy.js';
