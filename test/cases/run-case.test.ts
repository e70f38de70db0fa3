import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSkill } from '../../sandbox/index.js';
import type { ToolManifestEntry } from '../../core/index.js';
import { bundleSkill, type SkillCase } from '../../compiler/index.js';
import { runCase, type CaseTarget } from '../../src/cases/index.js';

const getOrder = (
  JSON.parse(
    readFileSync(join(import.meta.dirname, '../fixtures/compiler/manifest.json'), 'utf8'),
  ) as ToolManifestEntry[]
).find((entry) => entry.name === 'get_order')!;

const order = { id: '123', total: 9.5, customerId: 'c', items: [{ sku: 'A', qty: 1 }] };
const skillCase: SkillCase = {
  trajectoryId: 't-1',
  input: { orderId: '123' },
  calls: [{ tool: 'get_order', args: { id: '123' }, result: order }],
  expected: { total: 9.5, skus: ['A'] },
  expectedFrom: 'answer',
};

// Retries get_order once when it fails; asks for order "999" when told to.
const source = `
export const meta = { name: "order_total", description: "The total of an order" } as const;
export default async function orderTotal(input: { orderId: string; ask?: string }, tools: any) {
  const id = input.ask ?? input.orderId;
  const order = await tools.get_order({ id }).catch(() => tools.get_order({ id }));
  return { total: order.total, skus: order.items.map((item: { sku: string }) => item.sku) };
}
`;

let target: CaseTarget;
beforeAll(async () => {
  const bundle = (await bundleSkill({ source })).bundle ?? '';
  target = {
    name: 'order_total',
    version: 1,
    bundle,
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object' },
    permissions: ['get_order'],
    toolSchemas: [getOrder],
  };
});

describe('runCase', { timeout: 60_000 }, () => {
  it('is correct when the skill retries a transient fault: the recorded call waits for the retry', async () => {
    const run = await runCase({
      target,
      skillCase,
      run: runSkill,
      planFault: (call) => (call.step === 1 ? { kind: 'transient' } : undefined),
    });
    expect(run).toMatchObject({
      verdict: 'correct',
      toolCalls: 2,
      faults: [{ kind: 'transient', tool: 'get_order', step: 1 }],
    });
  });

  it('is wrong when an emptied list changes the answer, naming both outputs', async () => {
    const run = await runCase({
      target,
      skillCase,
      run: runSkill,
      planFault: () => ({ kind: 'empty', result: { ...order, items: [] } }),
    });
    expect(run).toMatchObject({
      verdict: 'wrong',
      message: 'returned {"skus":[],"total":9.5}, expected {"skus":["A"],"total":9.5}',
    });
  });

  it('calls an unrecorded call wrong, unless the tool is read-only and the run failed', async () => {
    const asked = { ...skillCase, input: { orderId: '123', ask: '999' } };
    const unmarked = await runCase({ target, skillCase: asked, run: runSkill });
    expect(unmarked).toMatchObject({
      verdict: 'wrong',
      code: 'TOOL_FAILED',
      step: 1,
      message: 'step 1: called get_order({"id":"999"}), the case had get_order({"id":"123"})',
    });
    const readOnly = { ...target, toolSchemas: [{ ...getOrder, annotations: { readOnlyHint: true } }] };
    const harmless = await runCase({ target: readOnly, skillCase: asked, run: runSkill });
    expect(harmless).toMatchObject({ verdict: 'failed-clean', code: 'TOOL_FAILED', step: 1 });
  });

  it('fails clean on a result off the schema the skill cannot recover from twice', async () => {
    const run = await runCase({
      target,
      skillCase,
      run: runSkill,
      planFault: () => ({ kind: 'schema', result: null }),
    });
    expect(run).toMatchObject({ verdict: 'failed-clean', code: 'TOOL_FAILED' });
    expect(run.message).toContain('does not match its output schema');
    expect(run.faults).toHaveLength(2);
  });
});
