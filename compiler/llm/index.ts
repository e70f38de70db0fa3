/**
 * @module compiler/llm: the LLM compiler. Builds prompts, reads model replies, runs the repair
 * loop (check, feed diagnostics back, fall back to the trace draft) and refines stored skills.
 * The check pipeline is injected (a `CheckFunction`); besides compiler/providers (models), this
 * area reads only the types of compiler/import (trajectories) and compiler/check (compiled skills).
 */
export { compileWithModel, totalUsage } from './compile-with-model.js';
export type { CompileWithModelOptions, CompileWithModelResult } from './compile-with-model.js';
export { refineSkill } from './refine-skill.js';
export type { RefineSkillOptions, RefineSkillResult, ParentSkill, FailedRun } from './refine-skill.js';
export { buildCompilePrompt, hashPrompt, SKILL_MODULE_CONTRACT } from './build-prompt.js';
export type { Prompt, BuildCompilePromptOptions } from './build-prompt.js';
export { extractSkillSource } from './extract-skill-source.js';
export type { ExtractSkillSourceResult } from './extract-skill-source.js';
export { formatCheckFeedback } from './format-feedback.js';
export type {
  CheckFunction,
  CheckRequest,
  CheckOutcome,
  RelatedSkill,
  LlmCompileContext,
  AttemptRecord,
  AttemptFailure,
} from './llm-types.js';
