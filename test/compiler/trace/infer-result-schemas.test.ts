import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import type { Trajectory } from '../../../compiler/index.js';
import { inferResultSchemas, inferSchema } from '../../../compiler/trace/index.js';

describe('inferSchema', () => {
  it('types fields every result has as required, fields some lack as optional', () => {
    expect(inferSchema([{ id: 'a', note: 'x' }, { id: 'b' }])).toEqual({
      type: 'object',
      properties: { id: { type: 'string' }, note: { type: 'string' } },
      required: ['id'],
    });
  });

  it('makes a union where the results disagree, and types list items from every element', () => {
    expect(inferSchema([[{ seats: 3 }], [{ seats: null }]])).toEqual({
      type: 'array',
      items: {
        type: 'object',
        properties: { seats: { anyOf: [{ type: 'number' }, { type: 'null' }] } },
        required: ['seats'],
      },
    });
  });

  it('types a few repeated lowercase words as their enumeration, ids and prose as strings', () => {
    expect(inferSchema(['economy', 'business', 'economy'])).toEqual({
      type: 'string',
      enum: ['business', 'economy'],
    });
    expect(inferSchema(['ZFA04Y', 'ZFA04Y', 'K9Q2'])).toEqual({ type: 'string' });
    expect(inferSchema(['economy', 'business'])).toEqual({ type: 'string' });
  });

  it('leaves an empty list untyped (`any`) rather than guess', () => {
    expect(inferSchema([[]])).toEqual({ type: 'array', items: { tsType: 'any' } });
  });
});

describe('inferResultSchemas', () => {
  const manifest: ToolManifestEntry[] = [
    { name: 'get_user', inputSchema: { type: 'object' } },
    { name: 'typed', inputSchema: { type: 'object' }, outputSchema: { type: 'string' } },
  ];
  const trajectory: Trajectory = {
    id: 't',
    task: 'x',
    outcome: 'success',
    steps: [
      { tool: 'get_user', args: {}, result: { id: 'u1' } },
      { tool: 'get_user', args: {}, error: 'not found' },
      { tool: 'typed', args: {}, result: 'ok' },
    ],
  };

  it('infers only tools without an outputSchema, from results of calls that did not fail', () => {
    const inferred = inferResultSchemas([trajectory], manifest);
    expect([...inferred.keys()]).toEqual(['get_user']);
    expect(inferred.get('get_user')).toEqual({
      schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      results: 1,
    });
  });
});
