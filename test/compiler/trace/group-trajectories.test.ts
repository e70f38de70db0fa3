import { describe, expect, it } from 'vitest';
import { groupTrajectories, type Trajectory } from '../../../compiler/index.js';
import { groupByShape } from '../../../compiler/trace/index.js';

function trajectory(id: string, tools: string[], list: unknown[] = []): Trajectory {
  return {
    id,
    task: 'Do it',
    steps: [
      { tool: 'list', args: {}, result: { items: list } },
      ...tools.map((tool, index) => ({
        tool,
        args: { id: (list[index] as { id?: string })?.id ?? `x${index}` },
        result: {},
      })),
    ],
    outcome: 'success',
  };
}

describe('groupTrajectories', () => {
  it('groups runs of one tool over a list regardless of the list length', () => {
    const groups = groupTrajectories([
      trajectory('a', ['touch', 'touch', 'touch'], [{ id: 'i-1' }, { id: 'i-2' }, { id: 'i-3' }]),
      trajectory('b', ['touch', 'touch'], [{ id: 'i-7' }, { id: 'i-8' }]),
      trajectory('c', ['other']),
    ]);
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps repeated calls that do not follow a list apart from a loop, by shape', () => {
    const groups = groupByShape([trajectory('a', ['touch', 'touch']), trajectory('b', ['touch'])]);
    expect(groups).toHaveLength(2);
  });

  it('groups runs of one task by their effect whatever steps they took, and lets the fold decide', () => {
    const lookup = { tool: 'lookup', args: {}, result: {} };
    const groups = groupTrajectories(
      [
        trajectory('a', ['touch']),
        { ...trajectory('b', ['touch']), steps: [lookup, ...trajectory('b', ['touch']).steps, lookup] },
        trajectory('c', ['other']),
      ],
      {
        manifest: [
          { name: 'lookup', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
          { name: 'list', inputSchema: { type: 'object' }, annotations: { readOnlyHint: true } },
          { name: 'touch', inputSchema: { type: 'object' } },
          { name: 'other', inputSchema: { type: 'object' } },
        ],
      },
    );
    expect(groups.map((group) => group.map((item) => item.id))).toEqual([['a', 'b'], ['c']]);
  });
});
