import { createAnthropicModel } from './anthropic.js';
import type { LanguageModel, ProviderSettings } from './language-model.js';
import { createOpenAICompatibleModel } from './openai-compatible.js';
import { createOpenAIModel } from './openai.js';
import { parseModelSpec, type ModelSpec } from './parse-model-spec.js';

/** Options of `resolveModel`. */
export interface ResolveModelOptions {
  /** A model object or a spec string; wins over `KNACK_MODEL`. */
  model?: LanguageModel | string;
  /** Timeouts, retries and the like for a model built from a spec. */
  settings?: ProviderSettings;
}

/** Builds the adapter a parsed spec names. Keys and base URLs come from the env at call time. */
export function createModelFromSpec(spec: ModelSpec, settings: ProviderSettings = {}): LanguageModel {
  switch (spec.provider) {
    case 'openai':
      return createOpenAIModel({ ...settings, modelId: spec.modelId });
    case 'anthropic':
      return createAnthropicModel({ ...settings, modelId: spec.modelId });
    case 'openai-compatible':
      return createOpenAICompatibleModel({ ...settings, modelId: spec.modelId, baseURL: spec.baseURL });
  }
}

/**
 * Picks the model to compile with: the `model` option, else `KNACK_MODEL` (read now), else
 * `undefined`, which means the offline trace compiler.
 * @throws KnackError `INVALID_ARGUMENT` when a spec is malformed.
 * @example
 * const model = resolveModel({ model: 'openai-compatible:qwen2.5-coder@http://127.0.0.1:11434/v1' });
 */
export function resolveModel(options: ResolveModelOptions = {}): LanguageModel | undefined {
  if (typeof options.model === 'object') return options.model;
  if (typeof options.model === 'string') {
    return createModelFromSpec(parseModelSpec(options.model, 'model'), options.settings);
  }
  const fromEnv = process.env['KNACK_MODEL']?.trim();
  if (!fromEnv) return undefined;
  return createModelFromSpec(parseModelSpec(fromEnv, 'KNACK_MODEL'), options.settings);
}

/** `provider:modelId`, the form provenance records. */
export function modelLabel(model: LanguageModel): string {
  return `${model.provider}:${model.modelId}`;
}
