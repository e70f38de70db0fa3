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

/** How one OpenAI-protocol adapter finds its endpoint and key (read at call time). */
export interface OpenAIChatConfig {
  provider: 'openai' | 'openai-compatible';
  modelId: string;
  settings: ProviderSettings;
  baseURL: () => string;
  /** The key, or undefined when none is configured. */
  apiKey: () => string | undefined;
  keyEnvVar: string;
  /** Local servers often need no key; OpenAI itself does. */
  isKeyRequired: boolean;
}

/** A `LanguageModel` over the chat completions endpoint, through the official `openai` SDK. */
export function createOpenAIChatModel(config: OpenAIChatConfig): LanguageModel {
  return {
    specificationVersion: 'v1',
    provider: config.provider,
    modelId: config.modelId,
    generate: (options) => generateChat(config, options),
  };
}

async function generateChat(config: OpenAIChatConfig, options: GenerateOptions): Promise<GenerateResult> {
  const sdk = await importSdk('openai', () => import('openai'));
  const baseURL = config.baseURL();
  const apiKey = config.apiKey();
  if (apiKey === undefined && config.isKeyRequired) {
    throw new KnackError(
      'PROVIDER_AUTH_FAILED',
      `No API key for ${config.provider}:${config.modelId}. Set ${config.keyEnvVar} or pass the apiKey option.`,
    );
  }
  const settings = config.settings;
  const timeoutMs = options.timeoutMs ?? settings.timeoutMs ?? PROVIDER_DEFAULTS.timeoutMs;
  const maxTokens = settings.maxOutputTokens ?? PROVIDER_DEFAULTS.maxOutputTokens;
  const call = await callWithDeadline({
    timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(settings.fetch ? { baseFetch: settings.fetch } : {}),
    send: ({ signal, fetch }) => {
      const client = new sdk.OpenAI({
        // Local servers ignore the key, but the SDK insists on one.
        apiKey: apiKey ?? 'not-needed',
        baseURL,
        timeout: timeoutMs,
        maxRetries: settings.maxRetries ?? PROVIDER_DEFAULTS.maxRetries,
        fetch,
        logLevel: 'off',
      });
      return client.chat.completions
        .create(
          {
            model: config.modelId,
            messages: [{ role: 'system', content: options.system }, ...options.messages],
            // OpenAI's newer models reject max_tokens; many local servers only know max_tokens.
            ...(config.provider === 'openai'
              ? { max_completion_tokens: maxTokens }
              : { max_tokens: maxTokens }),
            ...(settings.temperature === undefined ? {} : { temperature: settings.temperature }),
          },
          { signal },
        )
        .withResponse();
    },
    mapError: (error, flags) =>
      mapSdkError(error, {
        ...flags,
        provider: config.provider,
        modelId: config.modelId,
        endpoint: baseURL,
        keyEnvVar: config.keyEnvVar,
        timeoutMs,
        classes: { timeout: sdk.APIConnectionTimeoutError, connection: sdk.APIConnectionError },
      }),
  });
  const { data, request_id: requestId } = call.value;
  // Model output is parsed at the boundary: a proxy or a half-compatible server may send anything.
  const choices = (data as { choices?: unknown }).choices;
  if (!Array.isArray(choices)) {
    throw new ProviderCallError(
      'PROVIDER_FAILED',
      `${config.provider}:${config.modelId} at ${baseURL} answered without \`choices\`; is it an OpenAI-compatible endpoint?`,
      { isRetryable: false },
    );
  }
  const content = (choices[0] as { message?: { content?: unknown } } | undefined)?.message?.content;
  return {
    text: typeof content === 'string' ? content : '',
    usage: { inputTokens: data.usage?.prompt_tokens ?? 0, outputTokens: data.usage?.completion_tokens ?? 0 },
    latencyMs: call.latencyMs,
    httpRequests: call.httpRequests,
    ...(requestId ? { requestId } : {}),
  };
}
