import { createOpenAIChatModel } from './_openai-chat.js';
import type { LanguageModel, ProviderSettings } from './language-model.js';

/** Options of `createOpenAIModel`. */
export interface OpenAIModelOptions extends ProviderSettings {
  /** The model id, e.g. `gpt-4.1`. */
  modelId: string;
  /** @default process.env.OPENAI_API_KEY, read at call time */
  apiKey?: string;
  /** @default process.env.OPENAI_BASE_URL, else `https://api.openai.com/v1` */
  baseURL?: string;
}

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * A model on the OpenAI API (chat completions), through the official `openai` SDK, loaded on first use.
 * @example
 * const model = createOpenAIModel({ modelId: 'gpt-4.1' });
 * const { text } = await model.generate({ system: 'You write TypeScript.', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function createOpenAIModel(options: OpenAIModelOptions): LanguageModel {
  const { modelId, apiKey, baseURL, ...settings } = options;
  return createOpenAIChatModel({
    provider: 'openai',
    modelId,
    settings,
    baseURL: () => baseURL ?? nonEmpty(process.env['OPENAI_BASE_URL']) ?? DEFAULT_BASE_URL,
    apiKey: () => apiKey ?? nonEmpty(process.env['OPENAI_API_KEY']),
    keyEnvVar: 'OPENAI_API_KEY',
    isKeyRequired: true,
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
