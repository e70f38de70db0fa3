/**
 * knack: procedural memory for LLM agents as executable code.
 * Every export here is public API; adding one is an API decision.
 */
export { KnackError } from './errors.js';
export type { KnackErrorCode, ErrorLocation, KnackErrorOptions } from './errors.js';
export type {
  JsonSchema,
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
  RunSkillOptions,
  Sandbox,
  SandboxOptions,
} from '../sandbox/index.js';
export {
  runSkill,
  defineTools,
  bindTools,
  createSandbox,
  SKILL_BUNDLE_GLOBAL,
  SKILL_BUNDLE_BANNER,
} from '../sandbox/index.js';
