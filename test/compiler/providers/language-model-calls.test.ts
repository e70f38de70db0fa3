import { afterEach, describe, expect, it } from 'vitest';
import { KnackError } from '../../../core/index.js';
import { ProviderCallError } from '../../../compiler/providers/index.js';
import { loadFixture, startReplayServer, type ReplayServer } from '../../helpers/replay-server.js';
import { keyEnvVar, providers, replayModel, TEST_KEYS } from './_replay-model.js';

const prompt = {
  system: 'You write TypeScript skills.',
  messages: [{ role: 'user' as const, content: 'Refund order 8812.' }],
};

async function failureOf(promise: Promise<unknown>): Promise<KnackError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!KnackError.isInstance(error)) throw new Error(`expected a KnackError, got ${String(error)}`);
  return error;
}

describe.each(providers)('%s model over the real SDK', (provider) => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('returns the text with token usage, latency and the request id', async () => {
    server = await startReplayServer(loadFixture(provider, 'good-first-time'));
    const result = await replayModel(provider, server).generate(prompt);
    expect(result.text).toContain('export default async function refundOrder');
    expect(result.usage).toEqual({ inputTokens: 1450, outputTokens: 187 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    expect(result.httpRequests).toBe(1);
    expect(result.requestId).toBe('req_replay_1');
  });

  it('sends the system prompt, the messages and the model id', async () => {
    server = await startReplayServer(loadFixture(provider, 'good-first-time'));
    await replayModel(provider, server).generate(prompt);
    const [request] = server.requests;
    const body = request?.body as {
      model: string;
      system?: string;
      messages: { role: string; content: string }[];
    };
    expect(request?.path).toBe(provider === 'openai' ? '/v1/chat/completions' : '/v1/messages');
    if (provider === 'openai') {
      expect(body.model).toBe('gpt-4.1');
      expect(body.messages[0]).toEqual({ role: 'system', content: prompt.system });
      expect(request?.headers['authorization']).toBe(`Bearer ${TEST_KEYS.openai}`);
    } else {
      expect(body.model).toBe('claude-sonnet-4-6');
      expect(body.system).toBe(prompt.system);
      // SDK 1.14 sends the key as a bearer token; older ones used x-api-key.
      const sent = request?.headers['x-api-key'] ?? request?.headers['authorization'];
      expect(String(sent)).toContain(TEST_KEYS.anthropic);
    }
    expect(body.messages.at(-1)).toEqual({ role: 'user', content: 'Refund order 8812.' });
  });

  it('retries after a 429, honouring retry-after, then succeeds', async () => {
    server = await startReplayServer(loadFixture(provider, 'rate-limited-then-ok'));
    const result = await replayModel(provider, server).generate(prompt);
    expect(result.text).toContain('refundOrder');
    expect(result.httpRequests).toBe(2);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]?.headers['x-stainless-retry-count']).toBe('1');
  });

  it('retries after a server error, then succeeds', async () => {
    server = await startReplayServer(loadFixture(provider, 'server-error-then-ok'));
    const result = await replayModel(provider, server).generate(prompt);
    expect(result.httpRequests).toBe(2);
    expect(server.remaining()).toBe(0);
  });

  it('gives up after maxRetries with PROVIDER_FAILED carrying the status', async () => {
    server = await startReplayServer(loadFixture(provider, 'server-error-always'));
    const error = await failureOf(replayModel(provider, server, { maxRetries: 1 }).generate(prompt));
    expect(error).toBeInstanceOf(ProviderCallError);
    expect(error.code).toBe('PROVIDER_FAILED');
    expect((error as ProviderCallError).statusCode).toBe(provider === 'openai' ? 503 : 529);
    expect((error as ProviderCallError).isRetryable).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('throws PROVIDER_TIMEOUT when the endpoint hangs past timeoutMs, retries included', async () => {
    server = await startReplayServer(loadFixture(provider, 'hung'));
    const error = await failureOf(replayModel(provider, server, { timeoutMs: 400 }).generate(prompt));
    expect(error.code).toBe('PROVIDER_TIMEOUT');
    expect(error.message).toContain('400 ms');
    expect((error as ProviderCallError).isRetryable).toBe(true);
  });

  it('throws PROVIDER_AUTH_FAILED naming the key variable, without the key', async () => {
    server = await startReplayServer(loadFixture(provider, 'unauthorized'));
    const error = await failureOf(replayModel(provider, server).generate(prompt));
    expect(error.code).toBe('PROVIDER_AUTH_FAILED');
    expect(error.message).toContain(keyEnvVar[provider]);
    expect(error.message).not.toContain('secret');
    expect(error.message).not.toContain(prompt.messages[0]?.content);
    expect((error as ProviderCallError).statusCode).toBe(401);
    expect(server.requests).toHaveLength(1);
  });

  it('throws PROVIDER_MODEL_NOT_FOUND for an unknown model', async () => {
    server = await startReplayServer(loadFixture(provider, 'unknown-model'));
    const error = await failureOf(replayModel(provider, server).generate(prompt));
    expect(error.code).toBe('PROVIDER_MODEL_NOT_FOUND');
    expect(error.message).toMatch(/gpt-4\.1|claude-sonnet-4-6/);
    expect(server.requests).toHaveLength(1);
  });

  it('throws ABORTED when the caller aborts a hung call', async () => {
    server = await startReplayServer(loadFixture(provider, 'hung'));
    const controller = new AbortController();
    const pending = replayModel(provider, server).generate({ ...prompt, signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).code).toBe('ABORTED');
  });

  it('throws PROVIDER_FAILED saying the server is unreachable when nothing listens', async () => {
    server = await startReplayServer([]);
    const closed = server;
    await closed.close();
    const error = await failureOf(replayModel(provider, closed, { maxRetries: 0 }).generate(prompt));
    expect(error.code).toBe('PROVIDER_FAILED');
    expect(error.message).toContain('Cannot reach');
  });
});

describe('model keys', () => {
  it('throws PROVIDER_AUTH_FAILED before any request when no key is configured', async () => {
    const saved = { openai: process.env['OPENAI_API_KEY'], anthropic: process.env['ANTHROPIC_API_KEY'] };
    delete process.env['OPENAI_API_KEY'];
    delete process.env['ANTHROPIC_API_KEY'];
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    try {
      const { createOpenAIModel, createAnthropicModel } =
        await import('../../../compiler/providers/index.js');
      const openaiError = await failureOf(
        createOpenAIModel({ modelId: 'gpt-4.1', baseURL: server.openaiBaseURL }).generate(prompt),
      );
      expect(openaiError.code).toBe('PROVIDER_AUTH_FAILED');
      expect(openaiError.message).toContain('OPENAI_API_KEY');
      const anthropicError = await failureOf(
        createAnthropicModel({ modelId: 'claude-sonnet-4-6', baseURL: server.url }).generate(prompt),
      );
      expect(anthropicError.message).toContain('ANTHROPIC_API_KEY');
      expect(server.requests).toHaveLength(0);
    } finally {
      if (saved.openai !== undefined) process.env['OPENAI_API_KEY'] = saved.openai;
      if (saved.anthropic !== undefined) process.env['ANTHROPIC_API_KEY'] = saved.anthropic;
    }
  });

  it('reads OPENAI_API_KEY and OPENAI_BASE_URL at call time, not at creation', async () => {
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    const { createOpenAIModel } = await import('../../../compiler/providers/index.js');
    const model = createOpenAIModel({ modelId: 'gpt-4.1' });
    const saved = { key: process.env['OPENAI_API_KEY'], url: process.env['OPENAI_BASE_URL'] };
    process.env['OPENAI_API_KEY'] = 'sk-from-env';
    process.env['OPENAI_BASE_URL'] = server.openaiBaseURL;
    try {
      await model.generate(prompt);
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer sk-from-env');
    } finally {
      for (const [name, value] of [
        ['OPENAI_API_KEY', saved.key],
        ['OPENAI_BASE_URL', saved.url],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });
});

describe('a server that answers in the wrong protocol', () => {
  it.each(providers)(
    'makes the %s model throw PROVIDER_FAILED naming the missing field',
    async (provider) => {
      const other = provider === 'openai' ? 'anthropic' : 'openai';
      await using server = await startReplayServer(loadFixture(other, 'good-first-time'));
      const error = await failureOf(replayModel(provider, server).generate(prompt));
      expect(error.code).toBe('PROVIDER_FAILED');
      expect(error.message).toMatch(provider === 'openai' ? /without `choices`/ : /without `content`/);
    },
  );
});

describe('a retry-after longer than the time left', () => {
  it.each(providers)(
    'makes the %s model fail now with PROVIDER_FAILED 429 instead of sleeping past timeoutMs',
    async (provider) => {
      const limited = loadFixture(provider, 'rate-limited-then-ok').responses[0]!;
      await using server = await startReplayServer([{ ...limited, headers: { 'retry-after': '30' } }]);
      const error = await failureOf(replayModel(provider, server, { timeoutMs: 5_000 }).generate(prompt));
      expect(error.code).toBe('PROVIDER_FAILED');
      expect((error as ProviderCallError).statusCode).toBe(429);
      expect((error as ProviderCallError).isRetryable).toBe(true);
      expect(server.requests).toHaveLength(1);
    },
  );
});
