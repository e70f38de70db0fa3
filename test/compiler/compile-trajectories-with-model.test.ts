// The LLM compiler end to end: real SDK clients against the replay server on loopback, and every
// model draft through the real checkSkill (ts-morph, policy, esbuild, sandbox replay).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../../compiler/index.js';
import { supportDeskManifest, SUPPORT_DESK_DIR } from '../../skills/index.js';
import {
  lastUserMessage,
  loadFixture,
  startReplayServer,
  type ReplayServer,
} from '../helpers/replay-server.js';
import { providers, replayModel } from './providers/_replay-model.js';

const files = ['order-status-8815', 'order-status-8816', 'order-status-8818'].map((id) =>
  join(SUPPORT_DESK_DIR, 'trajectories', 'native', `${id}.json`),
);

describe.each(providers)('compileTrajectories with a %s model', (provider) => {
  let server: ReplayServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function compileWith(fixture: string) {
    server = await startReplayServer(loadFixture(provider, fixture));
    const model = replayModel(provider, server, { maxRetries: 0 });
    const { skills, errors } = await compileTrajectories({ files, manifest: supportDeskManifest, model });
    expect(errors).toEqual([]);
    expect(skills).toHaveLength(1);
    return skills[0]!;
  }

  it('stores the model draft as verified when it replays every sibling', async () => {
    const skill = await compileWith('desk-order-status-generalized');
    expect(skill.verification).toMatchObject({ isVerified: true });
    expect(skill.verification.reports.map((report) => report.ok)).toEqual([true, true, true]);
    expect(skill.source).toContain('has not shipped yet');
    expect(skill.provenance).toMatchObject({
      compiler: 'llm',
      trajectoryIds: expect.arrayContaining(['order-status-8815']),
    });
    expect(skill.provenance.model).toMatch(/:(gpt-4\.1|claude-sonnet-4-6)$/);
    expect(skill.provenance.promptHash).toMatch(/^[0-9a-f]{64}$|^sha256:/);
    expect(skill.permissions.sort()).toEqual(['get_order', 'track_shipment']);
    // The prompt carried the trace draft and the Tools declarations.
    const prompt = lastUserMessage(server!.requests[0]!);
    expect(prompt).toContain('trackShipment');
    expect(JSON.stringify(server!.requests[0]!.body)).toContain('track_shipment');
  });

  it('feeds the policy diagnostic back and keeps both attempts in the provenance', async () => {
    const skill = await compileWith('desk-order-status-repaired');
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).not.toContain('notify_customer');
    expect(skill.provenance.attempts).toHaveLength(2);
    expect(lastUserMessage(server!.requests[1]!)).toContain('notify_customer');
  });

  it('falls back to the verified trace draft when the model never gets it right, and says so', async () => {
    const skill = await compileWith('desk-order-status-never-right');
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.provenance.compiler).toMatch(/^knack-trace/);
    expect(skill.provenance.attempts).toHaveLength(3);
    expect(skill.diagnostics.map((diagnostic) => diagnostic.code)).toContain('LLM_FALLBACK');
    expect(server!.requests).toHaveLength(3);
  });
});
