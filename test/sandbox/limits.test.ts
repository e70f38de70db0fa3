import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, defineTools, type Sandbox } from '../../src/index.js';

describe('run limits', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ size: 1 });
  });
  afterAll(() => sandbox.close());

  const tools = defineTools({
    ping: { inputSchema: {}, handler: () => 'pong' },
    never: { inputSchema: {}, handler: () => new Promise(() => undefined) },
  });

  it('returns TIMEOUT for a synchronous infinite loop', async () => {
    const result = await sandbox.run({
      source: 'export default () => { for (;;) {} }',
      tools,
      limits: { timeoutMs: 200 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
  });

  it('counts time spent awaiting a tool call against timeoutMs', async () => {
    const result = await sandbox.run({
      source: 'export default async (_: unknown, tools: any) => tools.never({})',
      tools,
      limits: { timeoutMs: 200 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TIMEOUT' }, metrics: { toolCalls: 1 } });
  });

  it('returns MEMORY_LIMIT when the isolate heap outgrows memoryLimitMb', async () => {
    const result = await sandbox.run({
      source: `export default () => { const keep: number[][] = []; for (;;) keep.push(new Array(100_000).fill(1)); }`,
      tools,
      limits: { memoryLimitMb: 16 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'MEMORY_LIMIT' } });
  });

  it('returns TOOL_CALL_LIMIT on the call past maxToolCalls', async () => {
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => { for (let i = 0; i < 10; i++) await tools.ping({}); }`,
      tools,
      limits: { maxToolCalls: 3 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_CALL_LIMIT', step: 4 } });
    expect(result.trace).toHaveLength(4);
  });

  it('returns OUTPUT_TOO_LARGE for a value over maxOutputBytes', async () => {
    const result = await sandbox.run({
      source: `export default () => 'x'.repeat(2000)`,
      tools,
      limits: { maxOutputBytes: 1000 },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'OUTPUT_TOO_LARGE' } });
  });

  it('cuts console output at maxLogBytes', async () => {
    const result = await sandbox.run({
      source: `export default () => { for (let i = 0; i < 1000; i++) console.log('line ' + i); return 1; }`,
      tools,
      limits: { maxLogBytes: 100 },
    });
    expect(result.ok).toBe(true);
    const size = result.logs.slice(0, -1).reduce((total, entry) => total + entry.message.length, 0);
    expect(size).toBeLessThanOrEqual(100);
    expect(result.logs.at(-1)?.message).toMatch(/cut at 100 bytes/);
  });

  it('serves a normal run right after each limit tripped', async () => {
    const result = await sandbox.run({
      source: 'export default async (_: unknown, t: any) => t.ping({})',
      tools,
    });
    expect(result).toMatchObject({ ok: true, value: 'pong' });
  });
});
