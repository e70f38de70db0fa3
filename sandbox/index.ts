/**
 * @module sandbox: runs skills in isolated-vm isolates hosted by supervised worker processes,
 * reaching only whitelisted tools. It imports only from core/, never from compiler/ or src/.
 */
export type {
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
export { SKILL_BUNDLE_GLOBAL, SKILL_BUNDLE_BANNER, SKILL_BUNDLE_BUILD_OPTIONS } from './bundle-format.js';
export { defineTools, bindTools } from './define-tools.js';
export { combineToolPacks } from './combine-tool-packs.js';
export type { ToolPackPart } from './combine-tool-packs.js';
export { runSkill } from './run-skill.js';
export type { RunSkillOptions } from './run-options.js';
export { createSandbox } from './create-sandbox.js';
export type { Sandbox } from './create-sandbox.js';
export type { SandboxOptions } from './sandbox-options.js';
