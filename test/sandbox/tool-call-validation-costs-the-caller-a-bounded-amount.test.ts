import { describe, expect, it } from 'vitest';
import { createValidator } from '../../core/index.js';
import { defineTools } from '../../sandbox/index.js';
import { expectFailure, expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// The caller validates every tool call on its own thread: a hostile argument must cost it a
// bounded amount of time and memory, and the text it reports must be bounded too.
describe('tool argument validation', () => {
  const { run } = useSandbox({ size: 1 });

  it('reports a bounded error for a 2 M-character argument that fails everywhere', async () => {
    const tools = defineTools({
      strings: { inputSchema: { type: 'array', items: { type: 'string' } }, handler: () => 1 },
    });
    const result = await run(skill('return await tools.strings(new Array(1_000_000).fill(0));'), {
      tools,
      limits: { timeoutMs: 10_000 },
    });
    const error = expectFailure(result, 'INVALID_TOOL_ARGS');
    expect(error.message.length).toBeLessThan(4000);
    expect(JSON.stringify(result.trace).length).toBeLessThan(4 * 1024 * 1024 + 8000);
  });

  it('checks uniqueItems on 10,000 distinct objects and refuses bigger arrays with a clear message', async () => {
    const tools = defineTools({
      unique: { inputSchema: { type: 'array', uniqueItems: true }, handler: () => 'unique' },
    });
    const result = await run(
      skill('return await tools.unique(Array.from({ length: 10_000 }, (_, i) => ({ id: i })));'),
      { tools, limits: { timeoutMs: 10_000 } },
    );
    expect(expectValue(result)).toBe('unique');
    // Quadratic deep-equal comparison of 10,000 objects takes about a second; stock ajv did that.
    expect(result.metrics.wallMs).toBeLessThan(3000);
    const tooMany = await run(
      skill('return await tools.unique(Array.from({ length: 400_000 }, (_, i) => i));'),
      { tools, limits: { timeoutMs: 10_000 } },
    );
    expect(expectFailure(tooMany, 'INVALID_TOOL_ARGS').message).toMatch(/more than 20000 values/);
    const duplicate = await run(skill('return await tools.unique([{ a: 1, b: 2 }, { b: 2, a: 1 }]);'), {
      tools,
    });
    expectFailure(duplicate, 'INVALID_TOOL_ARGS');
  });

  it('matches a catastrophically backtracking pattern without hanging the caller', async () => {
    const tools = defineTools({
      match: { inputSchema: { type: 'string', pattern: '^(a+)+$' }, handler: () => 'matched' },
    });
    const result = await run(skill('return await tools.match("a".repeat(40) + "!");'), {
      tools,
      limits: { timeoutMs: 10_000 },
    });
    expectFailure(result, 'INVALID_TOOL_ARGS');
    expect(result.metrics.wallMs).toBeLessThan(3000);
    expect(expectValue(await run(skill('return await tools.match("aaaa");'), { tools }))).toBe('matched');
  });

  it('strips __proto__ keys from arguments before the handler sees them', async () => {
    const recording = recordTools({ echo: {} });
    const result = await run(
      skill(`await tools.echo(JSON.parse('{"nested": {"__proto__": {"polluted": true}, "id": 1}}'));
      return 'done';`),
      { tools: recording.tools },
    );
    expectValue(result);
    const args = recording.calls[0]?.args as { nested: Record<string, unknown> };
    expect(Object.hasOwn(args.nested, '__proto__')).toBe(false);
    expect(args.nested['id']).toBe(1);
    expect((Object.assign({}, args.nested) as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('JSON Schema dialects', () => {
  it('validates with 2020-12 by default: unevaluatedProperties, prefixItems, dependentRequired', () => {
    const closed = createValidator({
      type: 'object',
      properties: { id: { type: 'string' } },
      unevaluatedProperties: false,
    });
    expect(closed({ id: 'a', extra: 1 }).ok).toBe(false);
    const tuple = createValidator({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'number' }] });
    expect(tuple(['a', 'b']).ok).toBe(false);
    const dependent = createValidator({ type: 'object', dependentRequired: { card: ['cvc'] } });
    expect(dependent({ card: '4242' }).ok).toBe(false);
    expect(dependent({ card: '4242', cvc: '123' }).ok).toBe(true);
  });

  it('accepts a manifest declaring 2020-12', () => {
    expect(() =>
      defineTools({
        pick: {
          inputSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' },
          handler: () => 1,
        },
      }),
    ).not.toThrow();
  });

  it('validates a schema declaring draft-07 as draft-07 (array-form items)', () => {
    const tuple = createValidator({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
    });
    expect(tuple(['a', 1]).ok).toBe(true);
    expect(tuple(['a', 'b']).ok).toBe(false);
  });

  it('caps the issues of a value failing in a million places', () => {
    const check = createValidator({ type: 'array', items: { type: 'string' } });
    const checked = check(new Array(1_000_000).fill(0));
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.length).toBeLessThanOrEqual(21);
  });
});
