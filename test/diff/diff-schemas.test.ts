import { describe, expect, it } from 'vitest';
import { diffSchemas, isSchemaWidened } from '../../src/diff/index.js';

const base = {
  type: 'object',
  properties: { orderId: { type: 'string' }, quantity: { type: 'number' } },
  required: ['orderId', 'quantity'],
  additionalProperties: false,
};

function withChanges(change: (schema: typeof base) => Record<string, unknown>): Record<string, unknown> {
  return change(structuredClone(base));
}

describe('diffSchemas', () => {
  it('lists fields added, removed, retyped and with a changed required flag', () => {
    const after = {
      type: 'object',
      properties: {
        orderId: { type: 'number' },
        reason: { type: 'string' },
        items: { type: 'array', items: { type: 'string' } },
      },
      required: ['orderId'],
    };
    expect(diffSchemas({ ...base, required: ['quantity'] }, after)).toEqual([
      { kind: 'type-changed', path: 'orderId', before: 'string', after: 'number' },
      { kind: 'required-changed', path: 'orderId', before: 'optional', after: 'required' },
      { kind: 'added', path: 'reason', after: 'string', isRequired: false },
      { kind: 'added', path: 'items', after: 'string[]', isRequired: false },
      { kind: 'removed', path: 'quantity', before: 'number', isRequired: true },
    ]);
  });

  it('recurses into nested objects and array items', () => {
    const before = {
      type: 'object',
      properties: {
        lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'string' } } } },
      },
    };
    const after = {
      type: 'object',
      properties: {
        lines: { type: 'array', items: { type: 'object', properties: { sku: { type: 'integer' } } } },
      },
    };
    expect(diffSchemas(before, after)).toEqual([
      { kind: 'type-changed', path: 'lines[].sku', before: 'string', after: 'integer' },
    ]);
  });
});

describe('isSchemaWidened', () => {
  it('is false for the same schema or a changed description', () => {
    expect(isSchemaWidened(base, structuredClone(base))).toBe(false);
    expect(
      isSchemaWidened(
        base,
        withChanges((schema) => ({ ...schema, description: 'new words' })),
      ),
    ).toBe(false);
  });

  it('is true when an optional field is added', () => {
    const after = withChanges((schema) => ({
      ...schema,
      properties: { ...schema.properties, note: { type: 'string' } },
    }));
    expect(isSchemaWidened(base, after)).toBe(true);
  });

  it('is false when only a required field is added', () => {
    const after = withChanges((schema) => ({
      ...schema,
      properties: { ...schema.properties, note: { type: 'string' } },
      required: [...schema.required, 'note'],
    }));
    expect(isSchemaWidened(base, after)).toBe(false);
  });

  it('is true when a field stops being required or its type loosens', () => {
    expect(
      isSchemaWidened(
        base,
        withChanges((schema) => ({ ...schema, required: ['orderId'] })),
      ),
    ).toBe(true);
    const looser = withChanges((schema) => ({
      ...schema,
      properties: { ...schema.properties, quantity: { type: ['number', 'string'] } },
    }));
    expect(isSchemaWidened(base, looser)).toBe(true);
  });

  it('is false when a type narrows', () => {
    const before = withChanges((schema) => ({
      ...schema,
      properties: { ...schema.properties, quantity: { type: ['number', 'string'] } },
    }));
    expect(isSchemaWidened(before, base)).toBe(false);
  });
});
