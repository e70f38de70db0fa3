/** @module diff: semantic and source diffs between two skill versions, and their renderers. */
export { diffSchemas, describeSchemaType, isSchemaWidened } from './diff-schemas.js';
export type { SchemaChange } from './diff-schemas.js';
export { diffSkillVersions } from './diff-skill-versions.js';
export type { DiffableVersion, SkillDiff, VersionFacts } from './diff-skill-versions.js';
export { renderSkillDiff } from './render-skill-diff.js';
export type { RenderSkillDiffOptions } from './render-skill-diff.js';
export { describeLeftOut } from './describe-left-out.js';
export type { LeftOutCall } from './describe-left-out.js';
export { formatAssumption, formatEvidence } from './format-evidence.js';
