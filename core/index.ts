/**
 * @module core: what every layer shares and nothing else: `KnackError` and its codes, JSON Schema
 * validation and tolerant JSON parsing, the tool manifest type, the skill-name rule and stable
 * JSON. The lowest layer: it imports nothing from sandbox/, compiler/ or src/.
 */
export { KnackError } from './knack-error.js';
export type { KnackErrorCode, ErrorLocation, KnackErrorOptions } from './knack-error.js';
export { createValidator, formatIssues, safeParseJson } from './json-schema.js';
export type {
  JsonSchema,
  ValidationIssue,
  ValidationResult,
  Validator,
  ParseJsonResult,
} from './json-schema.js';
export { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-depth.js';
export type { ToolManifestEntry, ToolAnnotations } from './tool-manifest.js';
export { SKILL_NAME_PATTERN, SKILL_NAME_RULE, isSkillName, toCamelCase } from './skill-name.js';
export { stableJson } from './stable-json.js';
