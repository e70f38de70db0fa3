/**
 * @module compiler/providers: chat model adapters (OpenAI, OpenAI-compatible servers, Anthropic)
 * over the official SDKs, loaded lazily, and the model-spec parser.
 */
export { createOpenAIModel } from './openai.js';
export type { OpenAIModelOptions } from './openai.js';
export { createOpenAICompatibleModel } from './openai-compatible.js';
export type { OpenAICompatibleModelOptions } from './openai-compatible.js';
export { createAnthropicModel } from './anthropic.js';
export type { AnthropicModelOptions } from './anthropic.js';
export { parseModelSpec } from './parse-model-spec.js';
export type { ModelSpec } from './parse-model-spec.js';
export { resolveModel, createModelFromSpec, modelLabel } from './resolve-model.js';
export type { ResolveModelOptions } from './resolve-model.js';
export { ProviderCallError } from './provider-call-error.js';
export type { ProviderCallErrorOptions } from './provider-call-error.js';
export { PROVIDER_DEFAULTS } from './language-model.js';
export type {
  LanguageModel,
  GenerateOptions,
  GenerateResult,
  ModelMessage,
  ModelUsage,
  ProviderSettings,
} from './language-model.js';
