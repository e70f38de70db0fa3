import { afterEach, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../compiler/index.js';
import {
  assessMaturity,
  mayServe,
  resolveMaturityPolicy,
  wilsonInterval,
  type SkillStore,
} from '../src/index.js';
import { sqliteBackend } from '../src/store/index.js';
import { supportDeskManifest, trajectoryFile } from '../skills/index.js';
import { compiledSkill } from './helpers/compiled-skill.js';
import { loadFixture, startReplayServer, type ReplayServer } from './helpers/replay-server.js';
import { replayModel } from './compiler/providers/_replay-model.js';
import { openTempStore } from './helpers/temp-sqlite-store.js';

const stores: SkillStore[] = [];
let server: ReplayServer | undefined;
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
  await server?.close();
  server = undefined;
});

async function fresh(): Promise<{ store: SkillStore; url: string }> {
  const opened = await openTempStore();
  stores.push(opened.store);
  return opened;
}

/** Publishes refund_order@1 and makes it active and approved. */
async function activeSkill(store: SkillStore): Promise<void> {
  await store.publish(compiledSkill({ variant: 'a' }));
  await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
  await store.promote('refund_order@1', { by: 'ana' });
}

function runs(store: SkillStore, count: number, result: { ok: boolean; error?: { code: 'TIMEOUT' } }): void {
  for (let index = 0; index < count; index++) store.queueRun('refund_order@1', result);
}

describe('maturity moves in the history', () => {
  it('records deliberate -> supervised on promotion and back on being superseded, with the reason', async () => {
    const { store } = await fresh();
    await store.publish(compiledSkill({ variant: 'a' }));
    expect((await store.get('refund_order@1')).maturity).toBe('deliberate');
    await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
    await store.promote('refund_order@1', { by: 'ana' });
    expect(await store.resolve('refund_order')).toMatchObject({
      maturity: 'supervised',
      maturityMark: {
        maturity: 'supervised',
        previousMaturity: 'deliberate',
        reason: 'active and approved by ana',
      },
    });
    await store.publish(compiledSkill({ variant: 'b' }));
    await store.review('refund_order@2', { decision: 'approve', by: 'bo' });
    await store.promote('refund_order@2', { by: 'bo' });
    const moves = (await store.history('refund_order')).filter((event) => event.kind === 'maturity-changed');
    expect(moves.map(({ version, maturity, note }) => ({ version, maturity, note }))).toEqual([
      { version: 1, maturity: 'supervised', note: 'active and approved by ana' },
      { version: 2, maturity: 'supervised', note: 'active and approved by bo' },
      { version: 1, maturity: 'deliberate', note: 'deprecated: not active: @2 became active' },
    ]);
  });

  it('refuses to record a version above deliberate unless it is active and approved', async () => {
    const { store } = await fresh();
    await store.publish(compiledSkill({ variant: 'a' }));
    await expect(
      store.recordMaturity('refund_order@1', { maturity: 'autonomous', reason: 'trust me' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('not active') });
    await expect(
      store.recordMaturity('refund_order', { maturity: 'deliberate', reason: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_SKILL_REF' });
    await expect(
      store.recordMaturity('refund_order@1', { maturity: 'deliberate', reason: ' ' }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'reason' } });
  });
});

describe('assessMaturity', () => {
  it('keeps a version that only reproduces its own cases supervised', async () => {
    const { store } = await fresh();
    await activeSkill(store);
    runs(store, 10, { ok: true });
    const [skill] = await assessMaturity({ store });
    expect(skill).toMatchObject({
      ref: 'refund_order@1',
      maturity: 'supervised',
      hasMoved: false,
      reason: 'active and approved by ana',
      figures: { runs: 10, evidencePassed: 10, evidenceTotal: 10 },
    });
    // 10 of 10 is not enough: the lower bound of its interval is about 0.72.
    expect(skill?.figures.lowerBound).toBeCloseTo(wilsonInterval(10, 10).low, 4);
    expect(skill?.figures.lowerBound).toBeLessThan(0.9);
  });

  it('makes a version autonomous on outside evidence above the bound and lists that evidence', async () => {
    const { store } = await fresh();
    await activeSkill(store);
    runs(store, 38, { ok: true });
    store.queueRun('refund_order@1', { ok: true }, { runId: 'judged-00000001' });
    store.queueRun('refund_order@1', { ok: true }, { runId: 'judged-00000002' });
    await store.reportOutcome({ runId: 'judged-00000001', outcome: 'correct' });
    await store.reportOutcome({ runId: 'judged-00000002', outcome: 'correct' });
    const [skill] = await assessMaturity({ store, by: 'operator' });
    expect(skill).toMatchObject({
      maturity: 'autonomous',
      previousMaturity: 'supervised',
      hasMoved: true,
      evidence: [
        { kind: 'outcome-reports', passed: 2, total: 2 },
        { kind: 'production-runs', passed: 38, total: 38 },
      ],
    });
    expect(skill?.reason).toContain('lower 95% Wilson bound 0.912');
    const version = await store.get('refund_order');
    expect(version.maturity).toBe('autonomous');
    expect(version.maturityMark).toMatchObject({ by: 'operator', evidence: skill?.evidence });
    // Assessing again moves nothing and records nothing.
    const events = (await store.history('refund_order')).length;
    expect((await assessMaturity({ store }))[0]).toMatchObject({ maturity: 'autonomous', hasMoved: false });
    expect((await store.history('refund_order')).length).toBe(events);
    expect(mayServe(version, { serveAtLeast: 'autonomous' })).toBe(true);
  });

  it('counts leave-one-out results the record carries as outside evidence', async () => {
    const { store, url } = await fresh();
    await activeSkill(store);
    const backend = await sqliteBackend({ url });
    const key = `${store.namespace}:version:refund_order:1`;
    const record = JSON.parse((await backend.get(key)) ?? '{}') as Record<string, unknown>;
    await backend.set(
      key,
      JSON.stringify({
        ...record,
        evidence: {
          verifiedInputs: 3,
          assumptions: [],
          leaveOneOut: { reproduced: 40, total: 40, failures: [] },
        },
      }),
    );
    await backend.close();
    const [skill] = await assessMaturity({ store, isRecorded: false });
    expect(skill).toMatchObject({
      maturity: 'autonomous',
      hasMoved: true,
      evidence: [{ kind: 'leave-one-out', passed: 40, total: 40 }],
      figures: { leaveOneOut: { reproduced: 40, total: 40 } },
    });
    // Not recorded: the stored maturity did not move.
    expect((await store.get('refund_order')).maturity).toBe('supervised');
  });

  it('demotes a version whose failure rate over the window is too high, and a re-approval lifts it', async () => {
    const { store } = await fresh();
    await activeSkill(store);
    runs(store, 14, { ok: true });
    runs(store, 6, { ok: false, error: { code: 'TIMEOUT' } });
    const [skill] = await assessMaturity({ store });
    expect(skill).toMatchObject({
      maturity: 'deliberate',
      previousMaturity: 'supervised',
      hasMoved: true,
      needsRefinement: true,
      figures: { window: { runs: 20, failed: 6, failureRate: 0.3 } },
    });
    expect(skill?.reason).toBe('demoted: 6 of 20 runs failed (30%) in the last 24 h, above 20%');
    const version = await store.resolve('refund_order');
    expect(version.maturity).toBe('deliberate');
    expect(mayServe(version)).toBe(true); // the default serves every reviewed active version
    expect(mayServe(version, { serveAtLeast: 'supervised' })).toBe(false);
    await store.review('refund_order@1', { decision: 'approve', by: 'ana', note: 'fixed the tool' });
    expect((await store.resolve('refund_order')).maturity).toBe('supervised');
  });

  it('demotes an autonomous version on wrong reports and does not promote it again until re-approved', async () => {
    const { store } = await fresh();
    await activeSkill(store);
    runs(store, 40, { ok: true });
    expect((await assessMaturity({ store }))[0]?.maturity).toBe('autonomous');
    for (let index = 0; index < 2; index++) {
      store.queueRun('refund_order@1', { ok: true }, { runId: `wrong-run-${index}` });
      await store.reportOutcome({ runId: `wrong-run-${index}`, outcome: 'wrong' });
    }
    const [demoted] = await assessMaturity({ store, policy: { maxWrongRate: 0.04 } });
    expect(demoted).toMatchObject({ maturity: 'supervised', needsRefinement: true });
    expect(demoted?.reason).toContain('2 of 42 runs were reported wrong');
    const [again] = await assessMaturity({ store, policy: { maxWrongRate: 0.5 } });
    expect(again).toMatchObject({ maturity: 'supervised', hasMoved: false, needsRefinement: true });
  });

  it('refines a demoted version with a model into a verified version awaiting review', async () => {
    const { store } = await fresh();
    const parentCase = trajectoryFile('assign-oncall-billing-T-1002');
    const newCases = [
      trajectoryFile('assign-oncall-platform-T-1004'),
      trajectoryFile('assign-oncall-shipping-T-1007'),
    ];
    const [parent] = (await compileTrajectories({ files: [parentCase], manifest: supportDeskManifest }))
      .skills;
    const { ref } = await store.publish(parent!, { by: 'test' });
    await store.review(ref, { decision: 'approve', by: 'reviewer' });
    await store.promote(ref, { by: 'reviewer' });
    for (let index = 0; index < 20; index++)
      store.queueRun(ref, index < 10 ? { ok: true } : { ok: false, error: { code: 'SKILL_THREW' } });
    server = await startReplayServer(loadFixture('openai', 'desk-refine-assign-oncall'));
    const [skill] = await assessMaturity({
      store,
      autoRefine: {
        manifest: supportDeskManifest,
        files: [parentCase, ...newCases],
        model: replayModel('openai', server, { maxRetries: 0 }),
      },
    });
    expect(skill).toMatchObject({
      ref: 'assign_ticket_oncall@1',
      maturity: 'deliberate',
      needsRefinement: true,
      refined: { ok: true, ref: 'assign_ticket_oncall@2' },
    });
    expect((await store.get('assign_ticket_oncall@2')).status).toBe('verified');
    expect((await store.get('assign_ticket_oncall')).version).toBe(1);
  }, 60_000);

  it('names the policy field that is out of range', () => {
    expect(() => resolveMaturityPolicy({ maxFailureRate: 2 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', where: { field: 'maxFailureRate' } }),
    );
    expect(() => resolveMaturityPolicy({ serveAtLeast: 'trusted' as 'autonomous' })).toThrow('serveAtLeast');
    expect(resolveMaturityPolicy()).toMatchObject({ windowMs: 86_400_000, serveAtLeast: 'deliberate' });
  });

  it('serves only active, approved versions by default', () => {
    const review = { decision: 'approve' as const, by: 'ana', at: '2026-01-01T00:00:00Z' };
    expect(mayServe({ status: 'active', review, maturity: 'supervised' })).toBe(true);
    expect(mayServe({ status: 'active', maturity: 'deliberate' })).toBe(false);
    expect(mayServe({ status: 'verified', review, maturity: 'deliberate' })).toBe(false);
    expect(
      mayServe({ status: 'active', review, maturity: 'supervised' }, { serveAtLeast: 'autonomous' }),
    ).toBe(false);
  });
});
