import { describe, expect, it } from 'vitest';
import { createValidator, safeParseJson } from '../../core/index.js';
import { collectGarbage } from '../helpers/collect-garbage.js';

describe('safeParseJson', () => {
  it('reports the line and column of a syntax error', () => {
    const result = safeParseJson('{\n  "id": }');
    expect(result).toMatchObject({ ok: false, line: 2, column: 9 });
  });

  it('names the failing path when the value breaks the schema', () => {
    const validator = createValidator({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    const result = safeParseJson('{"id": 7}', validator);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toEqual([{ path: '/id', message: 'must be string' }]);
  });

  it('returns the parsed value when it matches', () => {
    expect(safeParseJson('{"id":"8812"}', createValidator({ type: 'object' }))).toEqual({
      ok: true,
      value: { id: '8812' },
    });
  });
});

// callSkill reads a stored version's schemas afresh on every call: equal schemas arrive as new
// objects each time. They must not be compiled, or kept, once per call.
const orderSchema = (): Record<string, unknown> => ({
  type: 'object',
  properties: { orderId: { type: 'string', pattern: '^[0-9]+$' }, qty: { type: 'integer', minimum: 1 } },
  required: ['orderId'],
});

describe('createValidator', () => {
  it('checks values the same way whether the schema object is new or seen before', () => {
    for (const schema of [orderSchema(), orderSchema()]) {
      const validate = createValidator(schema);
      expect(validate({ orderId: '8812', qty: 2 })).toMatchObject({ ok: true });
      expect(validate({ orderId: 'x' })).toMatchObject({ ok: false, issues: [{ path: '/orderId' }] });
    }
  });

  it('keeps host memory flat over thousands of equal schemas in new objects', () => {
    for (let i = 0; i < 100; i++) createValidator(orderSchema());
    collectGarbage();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 5000; i++) createValidator(orderSchema())({ orderId: String(i) });
    collectGarbage();
    // Compiling each one kept about 4 KB apiece (over 20 MB here).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4 * 1024 * 1024);
  });

  it('compiles two schemas with the same $id in different objects without a clash', () => {
    const first = createValidator({ $id: 'https://knack.dev/order', type: 'object', required: ['id'] });
    const second = createValidator({ $id: 'https://knack.dev/order', type: 'object', required: ['id'] });
    expect(first({})).toMatchObject({ ok: false });
    expect(second({ id: 1 })).toMatchObject({ ok: true });
  });
});

describe('createValidator with draft 2020-12', () => {
  it('compiles a schema that names the 2020-12 dialect, as MCP servers may', () => {
    const check = createValidator({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
    });
    expect(check(['a', 1]).ok).toBe(true);
    expect(check(['a', 'b']).ok).toBe(false);
  });
});

// Text from a worker or a model can nest without end; the tolerant fallback parser recurses.
describe('safeParseJson on deeply nested broken text', () => {
  it('returns a failure instead of overflowing the stack', () => {
    const result = safeParseJson(`${'['.repeat(100_000)}}`);
    expect(result.ok).toBe(false);
  });
});

// ajv caches compiled patterns by their text; two patterns that both need the bounded
// backtracking engine once shared the first one's check, so every stored record failed to load.
describe('createValidator with several bounded patterns', () => {
  it('checks each property against its own pattern', () => {
    const check = createValidator({
      type: 'object',
      properties: {
        name: { type: 'string', pattern: '^[a-z][a-z0-9_]{0,63}$' },
        hash: { type: 'string', pattern: '^sha256:[0-9a-f]{64}$' },
      },
    });
    expect(check({ name: 'refund_order', hash: `sha256:${'a'.repeat(64)}` }).ok).toBe(true);
    expect(check({ name: 'refund_order', hash: 'sha256:xyz' }).ok).toBe(false);
    expect(check({ name: 'Refund', hash: `sha256:${'a'.repeat(64)}` }).ok).toBe(false);
  });
});

describe('createValidator with uniqueItems', () => {
  const unique = createValidator({ type: 'array', uniqueItems: true });

  it('treats values as JSON Schema does: key order is not a difference, type is', () => {
    expect(unique([{ x: [{ a: 1, b: 2 }] }, { x: [{ b: 2, a: 1 }] }]).ok).toBe(false);
    expect(unique([[1], [1]]).ok).toBe(false);
    expect(unique(['a', 'a']).ok).toBe(false);
    expect(unique([1, '1', true, 'true', null, 'null']).ok).toBe(true);
    expect(
      unique([
        [1, 2],
        [2, 1],
      ]).ok,
    ).toBe(true);
    expect(unique([{ a: 'b:c' }, { 'a:b': 'c' }]).ok).toBe(true);
  });

  it('never takes a string item for an object with the same key text', () => {
    for (const text of ['{s1:a:1,}', '{"a":1}', 's1:a:1']) expect(unique([text, { a: 1 }]).ok).toBe(true);
  });

  it('refuses arrays too large or too deep to check, naming the limit', () => {
    const tooMany = unique(Array.from({ length: 20_001 }, (_, index) => index));
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.issues[0]?.message).toMatch(/more than 20000 values/);
    const tooDeep = unique([JSON.parse('['.repeat(2000) + ']'.repeat(2000)) as unknown]);
    expect(tooDeep.ok).toBe(false);
    expect(unique(Array.from({ length: 20_000 }, (_, index) => ({ id: index }))).ok).toBe(false);
    expect(unique(Array.from({ length: 10_000 }, (_, index) => ({ id: index }))).ok).toBe(true);
  });
});
