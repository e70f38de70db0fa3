import { createOpenAIChatModel } from './_openai-chat.js';
import type { LanguageModel, ProviderSettings } from './language-model.js';

/** Options of `createOpenAICompatibleModel`. */
export interface OpenAICompatibleModelOptions extends ProviderSettings {
  /** The model id the server knows, e.g. `qwen2.5-coder`. */
  modelId: string;
  /** The server's OpenAI-style base URL, e.g. `http://127.0.0.1:11434/v1` (Ollama). */
  baseURL: string;
  /**
   * @default process.env.OPENAI_COMPATIBLE_API_KEY if set, else none (local servers need none).
   * Never OPENAI_API_KEY: an OpenAI key is not sent to another server unless passed here.
   */
  apiKey?: string;
}

/**
 * A model on any server that speaks OpenAI chat completions: Ollama, vLLM, llama.cpp server,
 * LM Studio. Uses the official `openai` SDK, loaded on first use.
 * @example
 * const model = createOpenAICompatibleModel({ modelId: 'qwen2.5-coder', baseURL: 'http://127.0.0.1:11434/v1' });
 */
export function createOpenAICompatibleModel(options: OpenAICompatibleModelOptions): LanguageModel {
  const { modelId, apiKey, baseURL, ...settings } = options;
  return createOpenAIChatModel({
    provider: 'openai-compatible',
    modelId,
    settings,
    baseURL: () => baseURL,
    apiKey: () => apiKey ?? (process.env['OPENAI_COMPATIBLE_API_KEY']?.trim() || undefined),
    keyEnvVar: 'OPENAI_COMPATIBLE_API_KEY',
    isKeyRequired: false,
  });
}
