/**
 * @module compiler/llm: the LLM compiler. Builds prompts, reads model replies, runs the repair
 * loop (check, feed diagnostics back, fall back to the trace draft) and refines stored skills.
 * The check pipeline is injected, so this area depends only on compiler/providers.
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
// The providers travel through this door too, so compiler/index.ts needs one line for both.
export {
  createOpenAIModel,
  createOpenAICompatibleModel,
  createAnthropicModel,
  parseModelSpec,
  resolveModel,
  createModelFromSpec,
  modelLabel,
  ProviderCallError,
  PROVIDER_DEFAULTS,
} from '../providers/index.js';
export type {
  OpenAIModelOptions,
  OpenAICompatibleModelOptions,
  AnthropicModelOptions,
  ModelSpec,
  ResolveModelOptions,
  ProviderCallErrorOptions,
  LanguageModel,
  GenerateOptions,
  GenerateResult,
  ModelMessage,
  ModelUsage,
  ProviderSettings,
} from '../providers/index.js';
