import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../compiler/index.js';
import { callSkill, benchmarkSkill, KnackError, type CompiledSkill, type SkillStore } from '../src/index.js';
import { createSupportDesk, createTools, supportDeskManifest, trajectoryFile } from '../skills/index.js';
import { defineTools } from '../sandbox/index.js';
import { openTempStore } from './helpers/temp-sqlite-store.js';

const trajectories = ['order-status-8815', 'order-status-8816', 'refund-damaged-8812'].map((id) =>
  trajectoryFile(id),
);

async function activate(store: SkillStore, skill: CompiledSkill): Promise<string> {
  const { ref } = await store.publish(skill, { by: 'test' });
  await store.review(ref, { decision: 'approve', by: 'reviewer' });
  await store.promote(ref, { by: 'reviewer' });
  return ref;
}

describe('callSkill', () => {
  let store: SkillStore;
  let orderStatus: CompiledSkill;
  let refund: CompiledSkill;

  beforeAll(async () => {
    ({ store } = await openTempStore());
    const { skills } = await compileTrajectories({ files: trajectories, manifest: supportDeskManifest });
    const byTool = (tool: string): CompiledSkill | undefined =>
      skills.find((skill) => skill.permissions.includes(tool));
    orderStatus = byTool('track_shipment') as CompiledSkill;
    refund = byTool('refund_order') as CompiledSkill;
    expect(orderStatus?.verification.isVerified).toBe(true);
    expect(refund?.verification.isVerified).toBe(true);
    await activate(store, orderStatus);
    await activate(store, refund);
  }, 60_000);
  afterAll(async () => store.close());

  it('runs the active version on an input no trajectory had, with the live tools', async () => {
    const result = await callSkill({
      store,
      ref: orderStatus.name,
      input: { orderId: '8820' },
      tools: createTools(),
    });
    expect(result).toMatchObject({ ok: true, ref: `${orderStatus.name}@1` });
    if (result.ok) expect(result.value).toMatchObject({ orderId: '8820', carrier: 'DHL' });
    expect(result.trace.map((call) => call.tool)).toEqual(['get_order', 'track_shipment']);
  });

  it('changes the state of the tools it was given (a refund lands in the desk)', async () => {
    const desk = createSupportDesk();
    const result = await callSkill({
      store,
      ref: refund.name,
      input: { orderId: '8811' },
      tools: defineTools(desk.definitions),
    });
    expect(result.ok).toBe(true);
    expect(desk.state.refunds.map((entry) => entry.orderId)).toContain('8811');
  });

  it('counts every call in the version reliability, failures by code', async () => {
    const before = (await store.get(orderStatus.name)).reliability;
    const bad = await callSkill({
      store,
      ref: orderStatus.name,
      input: { orderId: 42 },
      tools: createTools(),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const after = (await store.get(orderStatus.name)).reliability;
    expect(after.runs).toBe(before.runs + 1);
    expect(after.failures['INVALID_INPUT']).toBe((before.failures['INVALID_INPUT'] ?? 0) + 1);
  });

  it('returns a run id an agent reports a verdict on, counted apart from errors', async () => {
    const result = await callSkill({
      store,
      ref: refund.name,
      input: { orderId: '8811' },
      tools: createTools(),
    });
    expect(result.ok).toBe(true);
    expect(result.runId).toMatch(/^[0-9a-f-]{36}$/);
    await store.reportOutcome({
      runId: result.runId ?? '',
      outcome: 'wrong',
      note: 'the customer wanted a partial refund',
    });
    const reliability = (await store.get(refund.name)).reliability;
    expect(reliability.outcomes.wrong).toBe(1);
    expect(reliability.failures).toEqual({});
    const unrecorded = await callSkill({
      store,
      ref: refund.name,
      input: { orderId: '8811' },
      tools: createTools(),
      isRecorded: false,
    });
    expect(unrecorded.runId).toBeUndefined();
  });

  it('grants only the tools in the version permissions, even when the pack has more', async () => {
    // A record whose bundle calls a tool its permissions do not list (a tampered or hand-made record).
    const forged: CompiledSkill = {
      ...orderStatus,
      name: 'forged_permissions',
      source: `${orderStatus.source}\n// forged`,
      bundle: `/* knack:bundle v1 */\nvar __knackSkill = { default: async (input, tools) => tools.send_email({ to: 'x@example.com', subject: 's', body: 'b' }) };\n`,
      permissions: ['get_order'],
    };
    await activate(store, forged);
    const desk = createSupportDesk();
    const result = await callSkill({
      store,
      ref: 'forged_permissions',
      input: { orderId: '8820' },
      tools: defineTools(desk.definitions),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_NOT_ALLOWED' } });
    expect(desk.state.outbox).toHaveLength(0);
  });

  it('throws INVALID_ARGUMENT naming the granted tool the pack lacks', async () => {
    const onlyOrders = defineTools({ get_order: createSupportDesk().definitions['get_order']! });
    const error = await callSkill({
      store,
      ref: orderStatus.name,
      input: { orderId: '8820' },
      tools: onlyOrders,
    }).catch((caught: unknown) => caught);
    expect(KnackError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toContain('`track_shipment`');
  });

  it('throws NOT_FOUND for a skill the store does not have', async () => {
    await expect(callSkill({ store, ref: 'no_such_skill', tools: createTools() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('benchmarkSkill', () => {
  it('runs a skill over sample inputs, reports success rate and counts the runs', async () => {
    const { store } = await openTempStore();
    try {
      const { skills } = await compileTrajectories({
        files: trajectories.slice(0, 2),
        manifest: supportDeskManifest,
      });
      const ref = await activate(store, skills[0] as CompiledSkill);
      const inputs = [{ orderId: '8820' }, { orderId: '8811' }, { orderId: '9999' }];
      const report = await benchmarkSkill({ store, ref, inputs, createTools, runs: 9 });
      expect(report).toMatchObject({ ref, runs: 9, ok: 6, failures: { TOOL_FAILED: 3 } });
      expect(report.successRate).toBeCloseTo(6 / 9);
      expect(report.p99Ms).toBeGreaterThanOrEqual(report.p50Ms);
      expect((await store.get(ref)).reliability).toMatchObject({ runs: 9, ok: 6 });
    } finally {
      await store.close();
    }
  }, 60_000);

  it('refuses an empty input list', async () => {
    const { store } = await openTempStore();
    await expect(benchmarkSkill({ store, ref: 'x', inputs: [], createTools })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await store.close();
  });
});
