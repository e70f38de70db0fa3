/**
 * @module sandbox: runs skills in isolated-vm isolates hosted by supervised worker processes,
 * reaching only whitelisted tools. The lowest layer: it imports nothing from compiler/ or src/.
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
export type {
  ToolManifestEntry,
  ToolCallContext,
  ToolHandler,
  ToolDefinition,
  ToolPack,
  Limits,
  RunErrorCode,
  ToolCallRecord,
  RunMetrics,
  LogEntry,
  RunError,
  RunResult,
} from './types.js';
export { SKILL_BUNDLE_GLOBAL, SKILL_BUNDLE_BANNER } from './bundle-format.js';
export { defineTools, bindTools } from './define-tools.js';
export { runSkill } from './run-skill.js';
export type { RunSkillOptions } from './run-options.js';
export { createSandbox } from './create-sandbox.js';
export type { Sandbox, SandboxOptions } from './create-sandbox.js';
/** The V8 flags sandbox workers run with (the bench measures its floors under them). */
export { WORKER_V8_FLAGS } from './_worker-process.js';
