import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { bundleSkill, checkSkill, verifySkill, type Trajectory } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

const recorded: Trajectory = {
  id: 't-001',
  task: 'Total of order 123',
  input: { orderId: '123' },
  steps: [
    {
      tool: 'get_order',
      args: { id: '123' },
      result: { id: '123', total: 9.5, customerId: 'c', items: [{ sku: 'A', qty: 1 }] },
    },
  ],
  outcome: 'success',
  answer: { total: 9.5, skus: ['A'] },
};

async function bundled(source = orderTotalSkill): Promise<string> {
  return (await bundleSkill({ source })).bundle ?? '';
}

describe('verifySkill', () => {
  it('passes when the replay makes the recorded calls and returns the answer', async () => {
    const result = await verifySkill({ bundle: await bundled(), manifest, trajectories: [recorded] });
    expect(result).toMatchObject({ isVerified: true, reports: [{ trajectoryId: 't-001', ok: true }] });
  });

  it('turns each passing replay into a case: input, recorded calls in order, expected output', async () => {
    const result = await verifySkill({ bundle: await bundled(), manifest, trajectories: [recorded] });
    expect(result.cases).toEqual([
      {
        trajectoryId: 't-001',
        input: { orderId: '123' },
        calls: [{ tool: 'get_order', args: { id: '123' }, result: recorded.steps[0]?.result }],
        expected: { total: 9.5, skus: ['A'] },
        expectedFrom: 'answer',
      },
    ]);
  });

  it('expects what the skill returned when the answer was prose, and keeps no case for a failed replay', async () => {
    const prose = { ...recorded, id: 't-002', answer: 'The total is 9.50 dollars.' };
    const wrong = { ...recorded, id: 't-003', answer: { total: 10, skus: ['A'] } };
    const result = await verifySkill({ bundle: await bundled(), manifest, trajectories: [prose, wrong] });
    expect(result.cases.map((skillCase) => skillCase.trajectoryId)).toEqual(['t-002']);
    expect(result.cases[0]).toMatchObject({ expected: { total: 9.5, skus: ['A'] }, expectedFrom: 'replay' });
  });

  it('names the first mismatching call with both argument sets', async () => {
    const result = await verifySkill({
      bundle: await bundled(),
      manifest,
      trajectories: [{ ...recorded, input: { orderId: '124' } }],
    });
    expect(result.reports[0]).toEqual({
      trajectoryId: 't-001',
      ok: false,
      step: 1,
      message: 'called get_order({"id":"124"}), trajectory had get_order({"id":"123"})',
    });
  });

  it('fails when the returned value differs from a structured answer', async () => {
    const result = await verifySkill({
      bundle: await bundled(),
      manifest,
      trajectories: [{ ...recorded, answer: { total: 10, skus: ['A'] } }],
    });
    expect(result.reports[0]?.message).toBe(
      'returned {"skus":["A"],"total":9.5}, trajectory answer was {"skus":["A"],"total":10}',
    );
  });

  it('fails when the skill stops before the recorded calls end', async () => {
    const longer = {
      ...recorded,
      steps: [...recorded.steps, { tool: 'get_customer', args: { id: 'c' }, result: {} }],
    };
    const result = await verifySkill({ bundle: await bundled(), manifest, trajectories: [longer] });
    expect(result.reports[0]).toMatchObject({
      ok: false,
      step: 2,
      message: 'the skill returned before calling get_customer({"id":"c"})',
    });
  });

  it('does not replay a skill with type errors, and says so per trajectory', async () => {
    const skill = await checkSkill({
      source: orderTotalSkill.replace('order.total', '"x"'),
      manifest,
      trajectories: [recorded],
    });
    expect(skill.verification.isVerified).toBe(false);
    expect(skill.verification.reports[0]?.message).toContain('not replayed');
    expect(skill.bundle).toBe('');
  });
});
