// Refinement over real SDK clients and the replay server, every candidate judged by the real checkSkill.
import { afterEach, describe, expect, it } from 'vitest';
import { refineSkill } from '../../../compiler/llm/index.js';
import {
  lastUserMessage,
  loadFixture,
  startReplayServer,
  type ReplayServer,
} from '../../helpers/replay-server.js';
import { providers, replayModel } from '../providers/_replay-model.js';
import {
  createScenarioCheck,
  damagedOrder,
  intactOrder,
  toolsDeclarations,
  traceDraft,
} from './_scenario.js';

// Version 1 refunds every order it is given; the new case is an intact order that must not be refunded.
const parent = { source: traceDraft, version: 1, trajectories: [damagedOrder] };

describe.each(providers)('refineSkill over %s', (provider) => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function refineCase(name: string) {
    server = await startReplayServer(loadFixture(provider, name));
    const check = createScenarioCheck();
    const result = await refineSkill({
      model: replayModel(provider, server),
      parent,
      newTrajectories: [intactOrder],
      check,
      toolsDeclarations,
    });
    return { result, check, server };
  }

  it('produces a version that replays the old and the new cases, with parentVersion set', async () => {
    const { result } = await refineCase('refine-damaged-only');
    if (!result.ok) throw new Error(result.reason);
    expect(result.skill.verification.reports.map((report) => [report.trajectoryId, report.ok])).toEqual([
      ['t-001', true],
      ['t-002', true],
    ]);
    expect(result.skill.provenance).toMatchObject({
      compiler: 'llm',
      parentVersion: 1,
      trajectoryIds: ['t-001', 't-002'],
    });
    expect(result.skill.source).toContain('order.status !== "damaged"');
  });

  it('shows the model the parent source and how it fails on the new case', async () => {
    const { server } = await refineCase('refine-damaged-only');
    const first = lastUserMessage(server.requests[0]!);
    expect(first).toContain('refund_order@1');
    expect(first).toContain('description: "Refund order 8812"');
    // The sandbox replay's mismatch: version 1 refunds the intact order, which t-002 never did.
    expect(first).toMatch(/trajectory t-002, step 2: /);
    expect(first).toContain('called refund({"amount":15,"orderId":"9001"}), trajectory had no more calls');
    expect(first).toContain('"id":"t-002"');
  });

  it('rejects a refinement that renames the skill, then accepts the repaired one', async () => {
    const { result, server } = await refineCase('refine-damaged-only');
    expect(result.attempts[0]?.failure).toEqual({
      kind: 'rule',
      message: 'meta.name must stay "refund_order", got "refund_damaged_order".',
    });
    expect(lastUserMessage(server.requests[1]!)).toContain('meta.name must stay "refund_order"');
  });

  it('returns the failure, not the parent, when no refinement verifies', async () => {
    const { result } = await refineCase('never-right');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/No refinement of refund_order@1 verified in 3 attempts/);
    expect(result.attempts).toHaveLength(3);
    expect(result.lastOutcome?.verification.isVerified).toBe(false);
  });
});

describe('refineSkill without a model call', () => {
  it('says there is nothing to refine when the parent already replays every case', async () => {
    await using server = await startReplayServer(loadFixture('openai', 'good-first-time'));
    const result = await refineSkill({
      model: replayModel('openai', server),
      parent,
      newTrajectories: [{ ...damagedOrder, id: 't-003' }],
      check: createScenarioCheck(),
      toolsDeclarations,
    });
    expect(result).toMatchObject({ ok: false, reason: expect.stringContaining('nothing to refine') });
    expect(server.requests).toHaveLength(0);
  });

  it('throws INVALID_ARGUMENT without new trajectories or failed runs', async () => {
    await using server = await startReplayServer([]);
    await expect(
      refineSkill({
        model: replayModel('openai', server),
        parent,
        newTrajectories: [],
        check: createScenarioCheck(),
        toolsDeclarations,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
