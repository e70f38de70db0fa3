import { describe, expect, it } from 'vitest';
import { resolveModel } from '../../../compiler/providers/index.js';
import { importSdk } from '../../../compiler/providers/_import-sdk.js';
import { loadFixture, startReplayServer } from '../../helpers/replay-server.js';

describe('openai-compatible model', () => {
  it('talks to a local server named in the spec, sending max_tokens and no real key', async () => {
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    const saved = process.env['OPENAI_API_KEY'];
    delete process.env['OPENAI_API_KEY'];
    try {
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
      expect(server.requests[0]?.headers['authorization']).toBe('Bearer not-needed');
    } finally {
      if (saved !== undefined) process.env['OPENAI_API_KEY'] = saved;
    }
  });
});

describe('importSdk', () => {
  it('throws DEPENDENCY_MISSING naming the package when it is not installed', async () => {
    const name = 'knack-test-package-that-is-not-installed';
    await expect(importSdk(name, () => import(name))).rejects.toMatchObject({
      code: 'DEPENDENCY_MISSING',
      message: expect.stringContaining(`npm install ${name}`),
    });
  });
});
