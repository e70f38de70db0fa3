// The LLM compiler end to end: real SDK clients against the replay server on loopback, and every
// model draft through the real checkSkill (ts-morph, policy, esbuild, sandbox replay).
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileTrajectories, type CompileOptions } from '../../compiler/index.js';
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

  async function compileWith(fixture: string, more: Partial<CompileOptions> = {}) {
    server = await startReplayServer(loadFixture(provider, fixture));
    const model = replayModel(provider, server, { maxRetries: 0 });
    const { skills, errors } = await compileTrajectories({
      files,
      manifest: supportDeskManifest,
      model,
      ...more,
    });
    expect(errors).toEqual([]);
    expect(skills).toHaveLength(1);
    return skills[0]!;
  }

  it('stores the model draft as verified when it replays every sibling', async () => {
    // Trace folds: this test is about the skill's own draft, not its model folds (tested below).
    const skill = await compileWith('desk-order-status-generalized', { leaveOneOut: 'trace' });
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
    const skill = await compileWith('desk-order-status-repaired', { leaveOneOut: 'trace' });
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

  it('tests the model draft by model folds: each fold prompt lacks the sibling left out, one fold picks by position', async () => {
    const progress: string[] = [];
    const skill = await compileWith('desk-order-status-model-folds', {
      onProgress: (message) => progress.push(message),
    });
    expect(skill.provenance.compiler).toBe('llm');
    // The skill's own prompt, then one per fold, none with the sibling it leaves out.
    expect(server!.requests).toHaveLength(4);
    const ids = ['order-status-8815', 'order-status-8816', 'order-status-8818'];
    const own = lastUserMessage(server!.requests[0]!);
    for (const id of ids) expect(own).toContain(id);
    ids.forEach((left, fold) => {
      const prompt = lastUserMessage(server!.requests[fold + 1]!);
      expect(prompt).not.toContain(left);
      expect(prompt).not.toContain(`Where is order ${left.slice(-4)}?`);
      for (const other of ids.filter((id) => id !== left)) expect(prompt).toContain(other);
      // The users' turns of the other siblings are in the fold's prompt as in the skill's own.
      expect(prompt).toContain('## What the users said');
    });
    const loo = skill.evidence?.leaveOneOut;
    expect(loo).toMatchObject({ compiler: 'model', reproduced: 2, total: 3 });
    expect(loo?.failures).toHaveLength(1);
    expect(loo?.failures[0]?.trajectoryId).toBe('order-status-8818');
    // The replay of 8818 with its own input: the second scan's status, not its own.
    expect(loo?.failures[0]?.reason).toMatch(/"status":"in_transit".*answer was .*"status":"exception"/);
    expect(progress.filter((line) => line.startsWith('leave-one-out with the model'))).toEqual([
      'leave-one-out with the model for order_carrier_status: fold 1/3 (order-status-8815 left out)',
      'leave-one-out with the model for order_carrier_status: fold 2/3 (order-status-8816 left out)',
      'leave-one-out with the model for order_carrier_status: fold 3/3 (order-status-8818 left out)',
    ]);
  });

  it('counts a fold whose model call fails as a failed fold with the reason, and keeps the skill', async () => {
    // One recorded answer: the folds' calls get the server's 500.
    const skill = await compileWith('desk-order-status-generalized');
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toContain('has not shipped yet');
    const loo = skill.evidence?.leaveOneOut;
    expect(loo).toMatchObject({ compiler: 'model', reproduced: 0, total: 3 });
    expect(loo?.failures.map((failure) => failure.reason)).toEqual(
      Array.from({ length: 3 }, () =>
        expect.stringMatching(/^the model call failed \(PROVIDER_FAILED: .*no recorded response left/),
      ),
    );
  });

  it("with leaveOneOut 'trace' tests the model draft by trace folds, with no further model call", async () => {
    const skill = await compileWith('desk-order-status-generalized', { leaveOneOut: 'trace' });
    expect(server!.requests).toHaveLength(1);
    expect(skill.evidence?.leaveOneOut).toMatchObject({ compiler: 'trace', reproduced: 3, total: 3 });
  });
});
