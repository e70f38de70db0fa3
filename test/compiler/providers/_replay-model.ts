import {
  createAnthropicModel,
  createOpenAIModel,
  type LanguageModel,
  type ProviderSettings,
} from '../../../compiler/providers/index.js';
import type { ReplayServer } from '../../helpers/replay-server.js';

export const providers = ['openai', 'anthropic'] as const;
export type ProviderName = (typeof providers)[number];

export const TEST_KEYS = { openai: 'sk-test-0123456789-secret', anthropic: 'sk-ant-test-0123456789-secret' };

/** The real adapter of `provider`, pointed at the replay server. */
export function replayModel(
  provider: ProviderName,
  server: ReplayServer,
  settings: ProviderSettings = {},
): LanguageModel {
  return provider === 'openai'
    ? createOpenAIModel({
        modelId: 'gpt-4.1',
        apiKey: TEST_KEYS.openai,
        baseURL: server.openaiBaseURL,
        ...settings,
      })
    : createAnthropicModel({
        modelId: 'claude-sonnet-4-6',
        apiKey: TEST_KEYS.anthropic,
        baseURL: server.url,
        ...settings,
      });
}

export const keyEnvVar = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;
