import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { pruneSteps, type Trajectory } from '../../../compiler/index.js';

const object = { type: 'object' } as const;
const manifest: ToolManifestEntry[] = [
  { name: 'get_user', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'get_booking', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'think', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'search_flights', inputSchema: object },
  { name: 'pay', inputSchema: object },
];

function trajectory(steps: Trajectory['steps'], answer?: unknown): Trajectory {
  return { id: 't-1', task: 'Pay for booking B1', steps, outcome: 'success', ...(answer ? { answer } : {}) };
}

describe('pruneSteps', () => {
  it('leaves out a failed call the agent retried with the same tool, naming step, tool and error', () => {
    const { trajectory: pruned, leftOut } = pruneSteps(
      trajectory([
        { tool: 'get_user', args: { id: 'u1' }, result: { card: 'card_1', gift: 'gift_2' } },
        { tool: 'pay', args: { card: 'gift_2' }, error: 'gift card balance too low' },
        { tool: 'pay', args: { card: 'card_1' }, result: { ok: true } },
      ]),
      { manifest },
    );
    expect(pruned.steps.map((step) => step.args)).toEqual([{ id: 'u1' }, { card: 'card_1' }]);
    expect(leftOut).toEqual([
      {
        trajectoryId: 't-1',
        step: 2,
        tool: 'pay',
        reason: 'failed-retried',
        error: 'gift card balance too low',
      },
    ]);
  });

  it('leaves out a failed effectful call never retried, and the lookup only it read', () => {
    const { trajectory: pruned, leftOut } = pruneSteps(
      trajectory([
        { tool: 'get_user', args: { id: 'u1' }, result: { home: 'BOS' } },
        { tool: 'get_booking', args: { id: 'B1' }, result: { fare: 'fare_77' } },
        { tool: 'pay', args: { fare: 'fare_77' }, error: 'declined' },
        { tool: 'search_flights', args: { from: 'BOS' }, result: [{ flight: 'SW1' }] },
      ]),
      { manifest },
    );
    expect(pruned.steps.map((step) => step.tool)).toEqual(['get_user', 'search_flights']);
    expect(leftOut.map(({ step, tool, reason }) => [step, tool, reason])).toEqual([
      [2, 'get_booking', 'unused-read-only'],
      [3, 'pay', 'failed-not-retried'],
    ]);
    expect(leftOut[1]?.error).toBe('declined');
  });

  it('leaves out scratch calls and lookups whose results nothing later uses, and what only a failed call read', () => {
    const { trajectory: pruned, leftOut } = pruneSteps(
      trajectory([
        { tool: 'get_user', args: { id: 'u1' }, result: { card: 'card_1' } },
        { tool: 'get_booking', args: { id: 'B9' }, result: { fare: 'fare_77' } },
        { tool: 'pay', args: { fare: 'fare_77' }, error: 'wrong booking' },
        { tool: 'think', args: { thought: 'card_1 it is' }, result: '' },
        { tool: 'pay', args: { card: 'card_1' }, result: { ok: true } },
      ]),
      { manifest },
    );
    expect(pruned.steps.map((step) => step.tool)).toEqual(['get_user', 'pay']);
    expect(leftOut.map(({ step, reason }) => [step, reason])).toEqual([
      [2, 'unused-read-only'],
      [3, 'failed-retried'],
      [4, 'unused-read-only'],
    ]);
  });

  it('keeps a whole scan of one read-only tool when one of its results is used', () => {
    const { leftOut } = pruneSteps(
      trajectory([
        { tool: 'get_booking', args: { id: 'B1' }, result: { id: 'B1', to: 'LAX' } },
        { tool: 'get_booking', args: { id: 'B2' }, result: { id: 'B2', to: 'JFK' } },
        { tool: 'pay', args: { booking: 'B2' }, result: { ok: true } },
      ]),
      { manifest },
    );
    expect(leftOut).toEqual([]);
  });

  it('leaves out a read-only search made again after a failed booking, and only while nothing changed', () => {
    const search = { tool: 'search_flights', args: { to: 'DEN' } };
    const flights = [{ flight: 'SW1' }, { flight: 'SW2' }];
    const steps: Trajectory['steps'] = [
      { ...search, result: flights },
      { tool: 'pay', args: { flight: 'SW1' }, error: 'Not enough seats on SW1' },
      { ...search, result: flights },
      { tool: 'pay', args: { flight: 'SW2' }, result: { ok: true } },
    ];
    // Not known read-only: both searches stay (the tool may change something each time).
    expect(pruneSteps(trajectory(steps), { manifest }).trajectory.steps).toHaveLength(3);
    const { trajectory: pruned, leftOut } = pruneSteps(trajectory(steps), {
      manifest,
      readOnly: ['search_flights'],
    });
    expect(pruned.steps.map((step) => step.tool)).toEqual(['search_flights', 'pay']);
    expect(leftOut.map(({ step, reason }) => [step, reason])).toEqual([
      [1, 'repeated-read-only'],
      [2, 'failed-retried'],
    ]);
    // A payment that went through sits between them: the second search reads a changed world.
    const changed = steps.map((step, index) =>
      index === 1 ? { tool: 'pay', args: { x: 1 }, result: { ok: true } } : step,
    );
    expect(pruneSteps(trajectory(changed), { manifest, readOnly: ['search_flights'] }).leftOut).toEqual([]);
    // A lookup in between read the first result: it stays, else that lookup's argument has no source.
    const read = [
      steps[0] as Trajectory['steps'][number],
      { tool: 'get_booking', args: { flight: 'SW1' }, result: { seats: 0 } },
      ...steps.slice(1),
    ];
    const kept = pruneSteps(trajectory(read), { manifest, readOnly: ['search_flights'] });
    expect(kept.leftOut.map(({ reason }) => reason)).not.toContain('repeated-read-only');
  });

  it('keeps unused calls of tools not known to be read-only, unless the overlay says they are', () => {
    const steps: Trajectory['steps'] = [
      { tool: 'search_flights', args: { to: 'LAX' }, result: [{ flight: 'SW1' }] },
      { tool: 'pay', args: { card: 'card_1' }, result: { ok: true } },
    ];
    expect(pruneSteps(trajectory(steps), { manifest }).leftOut).toEqual([]);
    const overlaid = pruneSteps(trajectory(steps), { manifest, readOnly: ['search_flights'] });
    expect(overlaid.leftOut).toMatchObject([{ step: 1, tool: 'search_flights', reason: 'unused-read-only' }]);
  });

  it('counts a structured answer as a use, and tells the number 160 from the text "160"', () => {
    const steps: Trajectory['steps'] = [
      { tool: 'think', args: { expression: '80 * 2' }, result: '160' },
      { tool: 'get_user', args: { id: 'u1' }, result: { name: 'Ada' } },
      { tool: 'pay', args: { amount: 160 }, result: { ok: true } },
    ];
    const { leftOut } = pruneSteps(trajectory(steps, { name: 'Ada' }), { manifest });
    expect(leftOut).toMatchObject([{ step: 1, tool: 'think' }]);
  });
});
