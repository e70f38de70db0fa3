import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../../compiler/providers/index.js';
import { importSdk } from '../../../compiler/providers/_import-sdk.js';
import { loadFixture, startReplayServer } from '../../helpers/replay-server.js';

describe('openai-compatible model', () => {
  it('talks to a local server named in the spec, sending max_tokens and no real key', async () => {
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    await withEnv({ OPENAI_API_KEY: 'sk-openai-only', OPENAI_COMPATIBLE_API_KEY: undefined }, async () => {
      const model = resolveModel({ model: `openai-compatible:qwen2.5-coder:7b@${server.openaiBaseURL}` });
      const result = await model!.generate({ system: 's', messages: [{ role: 'user', content: 'u' }] });
      expect(result.text).toContain('refundOrder');
      const body = server.requests[0]?.body as {
        model: string;
        max_tokens?: number;
        max_completion_tokens?: number;
      };
      expect(body.model).toBe('qwen2.5-coder:7b');
      expect(body.max_tokens).toBe(4096);
      expect(body.max_completion_tokens).toBeUndefined();
      // The OpenAI key is for OpenAI: another server never receives it.
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer not-needed');
    });
  });

  it('sends the key of OPENAI_COMPATIBLE_API_KEY when the server needs one', async () => {
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    await withEnv({ OPENAI_API_KEY: 'sk-openai-only', OPENAI_COMPATIBLE_API_KEY: 'local-key' }, async () => {
      const model = resolveModel({ model: `openai-compatible:qwen2.5-coder:7b@${server.openaiBaseURL}` });
      await model!.generate({ system: 's', messages: [{ role: 'user', content: 'u' }] });
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer local-key');
    });
  });
});

async function withEnv(values: Record<string, string | undefined>, body: () => Promise<void>): Promise<void> {
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, process.env[name]]));
  const apply = (entries: Record<string, string | undefined>): void => {
    for (const [name, value] of Object.entries(entries)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  apply(values);
  try {
    await body();
  } finally {
    apply(saved);
  }
}

describe('importSdk', () => {
  it('throws DEPENDENCY_MISSING naming the package when it is not installed', async () => {
    const name = 'knack-test-package-that-is-not-installed';
    await expect(importSdk(name, () => import(name))).rejects.toMatchObject({
      code: 'DEPENDENCY_MISSING',
      message: expect.stringContaining(`npm install ${name}`),
    });
  });
});
