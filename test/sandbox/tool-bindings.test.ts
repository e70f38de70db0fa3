import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bindTools, createSandbox, defineTools, KnackError, type Sandbox } from '../../src/index.js';

const orderSchema = { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] };

describe('bindTools', () => {
  it('throws INVALID_MANIFEST naming a tool whose schema does not compile', () => {
    const manifest = [{ name: 'get_order', inputSchema: { type: 'no-such-type' } }];
    expect(() => bindTools(manifest, { get_order: () => 1 })).toThrowError(/get_order/);
    try {
      bindTools(manifest, { get_order: () => 1 });
    } catch (error) {
      expect(KnackError.isInstance(error) && error.code).toBe('INVALID_MANIFEST');
    }
  });

  it('throws INVALID_MANIFEST for a tool without a handler and a handler without a tool', () => {
    expect(() => bindTools([{ name: 'a', inputSchema: {} }], {})).toThrowError(/`a` has no handler/);
    expect(() => bindTools([], { b: () => 1 })).toThrowError(/`b` has no manifest entry/);
  });

  it('rejects invalid, reserved and repeated tool names', () => {
    expect(() => defineTools({ 'bad name': { inputSchema: {}, handler: () => 1 } })).toThrowError(/invalid/);
    expect(() => defineTools({ 'a.__proto__': { inputSchema: {}, handler: () => 1 } })).toThrowError(
      /reserved/,
    );
    const entry = { name: 'a', inputSchema: {} };
    expect(() => bindTools([entry, entry], { a: () => 1 })).toThrowError(/listed twice/);
  });
});

describe('tool calls from a skill', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox({ size: 1 });
  });
  afterAll(() => sandbox.close());

  const tools = defineTools({
    get_order: {
      inputSchema: orderSchema,
      handler: (args) => ({ total: 42.5, id: (args as { id: string }).id }),
    },
    'github.create_issue': { inputSchema: { type: 'object' }, handler: () => ({ number: 7 }) },
    broken_output: {
      inputSchema: {},
      outputSchema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] },
      handler: () => ({ n: 'seven' }),
    },
    explode: {
      inputSchema: {},
      handler: () => {
        throw new Error('warehouse offline');
      },
    },
  });

  it('reaches dotted tool names as nested properties and records the trace', async () => {
    const result = await sandbox.run({
      source: `export default async (input: { id: string }, tools: any) => {
        const order = await tools.get_order({ id: input.id });
        const issue = await tools.github.create_issue({ title: 'refund' });
        return { total: order.total, issue: issue.number };
      }`,
      input: { id: '8812' },
      tools,
    });
    expect(result).toMatchObject({ ok: true, value: { total: 42.5, issue: 7 } });
    expect(result.trace.map((call) => [call.step, call.tool, call.args])).toEqual([
      [1, 'get_order', { id: '8812' }],
      [2, 'github.create_issue', { title: 'refund' }],
    ]);
    expect(result.metrics.toolCalls).toBe(2);
  });

  it('returns TOOL_NOT_ALLOWED for a tool outside the pack, even when the skill catches', async () => {
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => {
        try { await tools.github.delete_repo({}); } catch { return 'caught'; }
      }`,
      tools,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_NOT_ALLOWED', step: 1 } });
    expect(result.ok || result.error.message).toMatch(/github\.delete_repo/);
  });

  it('returns INVALID_TOOL_ARGS with the failing path before the handler runs', async () => {
    let isCalled = false;
    const watched = defineTools({
      get_order: {
        inputSchema: orderSchema,
        handler: () => {
          isCalled = true;
        },
      },
    });
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => tools.get_order({ id: 5 })`,
      tools: watched,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_TOOL_ARGS', step: 1 } });
    expect(result.ok || result.error.message).toContain('`/id` must be string');
    expect(isCalled).toBe(false);
  });

  it('turns a throwing handler into an error the skill can catch', async () => {
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => {
        try { await tools.explode({}); return 'no'; } catch (error) { return (error as Error).message; }
      }`,
      tools,
    });
    expect(result).toMatchObject({ ok: true, value: expect.stringContaining('warehouse offline') });
    expect(result.trace[0]?.error?.code).toBe('TOOL_FAILED');
  });

  it('returns TOOL_FAILED when the skill does not catch a handler error', async () => {
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => { await tools.explode({}); }`,
      tools,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_FAILED', step: 1 } });
    expect(result.ok || result.error.message).toContain('warehouse offline');
  });

  it('fails a call whose result breaks the tool output schema', async () => {
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => tools.broken_output({})`,
      tools,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_FAILED' } });
    expect(result.ok || result.error.message).toMatch(/output schema.*\/n/);
  });

  it('hands the handler a copy of the args, never the skill object', async () => {
    const seen: unknown[] = [];
    const spy = defineTools({ echo: { inputSchema: {}, handler: (args) => (seen.push(args), args) } });
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => {
        const args = { list: [1, 2], computed: 'a data property' };
        const back = await tools.echo(args);
        return back === args ? 'same object' : back;
      }`,
      tools: spy,
    });
    expect(result).toMatchObject({ ok: true, value: { list: [1, 2], computed: 'a data property' } });
    expect(seen).toEqual([{ list: [1, 2], computed: 'a data property' }]);
  });

  it('rejects functions in tool arguments inside the skill', async () => {
    const spy = defineTools({ echo: { inputSchema: {}, handler: (args) => args } });
    const result = await sandbox.run({
      source: `export default async (_: unknown, tools: any) => {
        try { await tools.echo({ callback: () => 1 }); } catch (error) { return (error as Error).message; }
      }`,
      tools: spy,
    });
    expect(result).toMatchObject({ ok: true, value: expect.stringMatching(/not JSON data/) });
    expect(result.trace).toEqual([]);
  });
});
