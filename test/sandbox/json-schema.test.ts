import { describe, expect, it } from 'vitest';
import { createValidator, safeParseJson } from '../../sandbox/index.js';

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
