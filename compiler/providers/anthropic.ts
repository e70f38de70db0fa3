import { KnackError } from '../../core/index.js';
import { callWithDeadline } from './_call-with-deadline.js';
import { importSdk } from './_import-sdk.js';
import { mapSdkError } from './_map-sdk-error.js';
import { ProviderCallError } from './provider-call-error.js';
import {
  PROVIDER_DEFAULTS,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type ProviderSettings,
} from './language-model.js';

/** Options of `createAnthropicModel`. */
export interface AnthropicModelOptions extends ProviderSettings {
  /** The model id, e.g. `claude-sonnet-4-6`. */
  modelId: string;
  /** @default process.env.ANTHROPIC_API_KEY, read at call time */
  apiKey?: string;
  /** @default process.env.ANTHROPIC_BASE_URL, else `https://api.anthropic.com` */
  baseURL?: string;
}

const DEFAULT_BASE_URL = 'https://api.anthropic.com';

/**
 * A model on the Anthropic Messages API, through the official `@anthropic-ai/sdk`, loaded on first use.
 * @example
 * const model = createAnthropicModel({ modelId: 'claude-sonnet-4-6' });
 */
export function createAnthropicModel(options: AnthropicModelOptions): LanguageModel {
  return {
    specificationVersion: 'v1',
    provider: 'anthropic',
    modelId: options.modelId,
    generate: (generateOptions) => generateMessage(options, generateOptions),
  };
}

async function generateMessage(
  config: AnthropicModelOptions,
  options: GenerateOptions,
): Promise<GenerateResult> {
  const sdk = await importSdk('@anthropic-ai/sdk', () => import('@anthropic-ai/sdk'));
  const apiKey = config.apiKey ?? (process.env['ANTHROPIC_API_KEY']?.trim() || undefined);
  const baseURL = config.baseURL ?? (process.env['ANTHROPIC_BASE_URL']?.trim() || DEFAULT_BASE_URL);
  if (apiKey === undefined) {
    throw new KnackError(
      'PROVIDER_AUTH_FAILED',
      `No API key for anthropic:${config.modelId}. Set ANTHROPIC_API_KEY or pass the apiKey option.`,
    );
  }
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? PROVIDER_DEFAULTS.timeoutMs;
  const call = await callWithDeadline({
    timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(config.fetch ? { baseFetch: config.fetch } : {}),
    send: ({ signal, fetch }) => {
      const client = new sdk.Anthropic({
        apiKey,
        baseURL,
        timeout: timeoutMs,
        maxRetries: config.maxRetries ?? PROVIDER_DEFAULTS.maxRetries,
        fetch,
        logLevel: 'off',
      });
      return client.messages
        .create(
          {
            model: config.modelId,
            system: options.system,
            messages: options.messages.map((message) => ({ role: message.role, content: message.content })),
            max_tokens: config.maxOutputTokens ?? PROVIDER_DEFAULTS.maxOutputTokens,
            ...(config.temperature === undefined ? {} : { temperature: config.temperature }),
          },
          { signal },
        )
        .withResponse();
    },
    mapError: (error, flags) =>
      mapSdkError(error, {
        ...flags,
        provider: 'anthropic',
        modelId: config.modelId,
        endpoint: baseURL,
        keyEnvVar: 'ANTHROPIC_API_KEY',
        timeoutMs,
        classes: { timeout: sdk.APIConnectionTimeoutError, connection: sdk.APIConnectionError },
      }),
  });
  const { data, request_id: requestId } = call.value;
  // Model output is parsed at the boundary: a proxy may send anything.
  if (!Array.isArray((data as { content?: unknown }).content)) {
    throw new ProviderCallError(
      'PROVIDER_FAILED',
      `anthropic:${config.modelId} at ${baseURL} answered without \`content\`; is it the Messages API?`,
      { isRetryable: false },
    );
  }
  const text = data.content
    .filter((block): block is Extract<typeof block, { type: 'text' }> => block.type === 'text')
    .map((block) => block.text)
    .join('');
  return {
    text,
    usage: { inputTokens: data.usage?.input_tokens ?? 0, outputTokens: data.usage?.output_tokens ?? 0 },
    latencyMs: call.latencyMs,
    httpRequests: call.httpRequests,
    ...(requestId ? { requestId } : {}),
  };
}
