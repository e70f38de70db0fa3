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

  it('types strings within an enumeration the manifest declares as that enumeration, others as strings', () => {
    const cabins = ['basic_economy', 'economy', 'business'];
    expect(inferSchema(['economy', 'business', 'economy'], [['yes', 'no'], cabins])).toEqual({
      type: 'string',
      enum: cabins,
    });
    // Values seen are no enumeration of their own: a status never seen must still compare.
    expect(inferSchema(['active', 'active'], [cabins])).toEqual({ type: 'string' });
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

  it('takes string enumerations from the manifest schemas', () => {
    const withEnum: ToolManifestEntry[] = [
      {
        name: 'get_user',
        inputSchema: { type: 'object', properties: { tier: { enum: ['gold', 'silver'] } } },
      },
    ];
    const inferred = inferResultSchemas(
      [trajectory],
      [...withEnum, { name: 'typed', inputSchema: { type: 'object' }, outputSchema: { type: 'string' } }],
    );
    expect(inferred.get('get_user')?.schema).toEqual({
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
    });
    const gold: Trajectory = {
      ...trajectory,
      steps: [{ tool: 'get_user', args: {}, result: { tier: 'gold' } }],
    };
    expect(inferResultSchemas([gold], withEnum).get('get_user')?.schema).toEqual({
      type: 'object',
      properties: { tier: { type: 'string', enum: ['gold', 'silver'] } },
      required: ['tier'],
    });
  });

  it('infers only tools without an outputSchema, from results of calls that did not fail', () => {
    const inferred = inferResultSchemas([trajectory], manifest);
    expect([...inferred.keys()]).toEqual(['get_user']);
    expect(inferred.get('get_user')).toEqual({
      schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      results: 1,
    });
  });
});
