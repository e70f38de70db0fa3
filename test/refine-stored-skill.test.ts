import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../compiler/index.js';
import { refineStoredSkill, type SkillStore } from '../src/index.js';
import { supportDeskManifest, trajectoryFile } from '../skills/index.js';
import { loadFixture, startReplayServer, type ReplayServer } from './helpers/replay-server.js';
import { replayModel } from './compiler/providers/_replay-model.js';
import { openTempStore } from './helpers/temp-sqlite-store.js';

const file = (id: string): string => trajectoryFile(id);
const parentCase = file('assign-oncall-billing-T-1002');
const newCases = [file('assign-oncall-platform-T-1004'), file('assign-oncall-shipping-T-1007')];

describe('refineStoredSkill', () => {
  let store: SkillStore;
  let server: ReplayServer | undefined;

  beforeAll(async () => {
    ({ store } = await openTempStore());
    // Version 1 knows one trajectory only, so it picks the on-call member by position.
    const [parent] = (await compileTrajectories({ files: [parentCase], manifest: supportDeskManifest }))
      .skills;
    const { ref } = await store.publish(parent!, { by: 'test' });
    await store.review(ref, { decision: 'approve', by: 'reviewer' });
    await store.promote(ref, { by: 'reviewer' });
  }, 60_000);
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(async () => store.close());

  it('publishes a verified version 2 that replays the parent case and the new ones, for review', async () => {
    server = await startReplayServer(loadFixture('openai', 'desk-refine-assign-oncall'));
    const result = await refineStoredSkill({
      store,
      ref: 'assign_ticket_oncall',
      manifest: supportDeskManifest,
      files: [parentCase, ...newCases],
      model: replayModel('openai', server, { maxRetries: 0 }),
    });
    expect(result).toMatchObject({
      ok: true,
      ref: 'assign_ticket_oncall@2',
      parentRef: 'assign_ticket_oncall@1',
    });
    const stored = await store.get('assign_ticket_oncall@2');
    expect(stored.status).toBe('verified');
    expect(stored.provenance).toMatchObject({ compiler: 'llm', parentVersion: 1 });
    expect(stored.verification.reports.map((report) => report.ok)).toEqual([true, true, true]);
    // The prompt told the model how version 1 fails on the new cases.
    expect(JSON.stringify(server.requests[0]?.body)).toContain('assign-oncall-platform-T-1004');
    const diff = await store.diff('assign_ticket_oncall@1', 'assign_ticket_oncall@2');
    expect(diff.permissions).toMatchObject({ added: [], removed: [] });
    expect((await store.get('assign_ticket_oncall')).version).toBe(1); // still active until approved
  });

  it('refuses to refine without the trajectories the parent was verified on', async () => {
    await expect(
      refineStoredSkill({
        store,
        ref: 'assign_ticket_oncall@1',
        manifest: supportDeskManifest,
        files: newCases,
        model: 'openai:gpt-4.1',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining('assign-oncall-billing-T-1002'),
    });
  });

  it('refuses to refine without a model', async () => {
    const saved = process.env['KNACK_MODEL'];
    delete process.env['KNACK_MODEL'];
    try {
      await expect(
        refineStoredSkill({
          store,
          ref: 'assign_ticket_oncall@1',
          manifest: supportDeskManifest,
          files: [parentCase, ...newCases],
        }),
      ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'model' } });
    } finally {
      if (saved !== undefined) process.env['KNACK_MODEL'] = saved;
    }
  });
});
