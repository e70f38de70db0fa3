import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineTools, runSkill } from '../../sandbox/index.js';
import type { ToolManifestEntry } from '../../core/index.js';
import {
  compileTrajectories,
  type CompiledSkill,
  type CompileResult,
  type Trajectory,
} from '../../compiler/index.js';
import { createSupportDesk, supportDeskManifest, type SupportDesk } from '../../skills/index.js';

const nativeDir = join(import.meta.dirname, '../../skills/support-desk/trajectories/native');
const files = readdirSync(nativeDir).map((file) => join(nativeDir, file));
let result: CompileResult;

function skillFor(trajectoryId: string): CompiledSkill {
  const skill = result.skills.find((candidate) => candidate.provenance.trajectoryIds.includes(trajectoryId));
  if (!skill) throw new Error(`no skill covers ${trajectoryId}`);
  return skill;
}

async function runOnDesk(
  trajectoryId: string,
  input: Record<string, unknown>,
): Promise<{ value: unknown; desk: SupportDesk }> {
  const desk = createSupportDesk();
  const skill = skillFor(trajectoryId);
  const run = await runSkill({
    source: skill.bundle,
    input,
    tools: defineTools(desk.definitions),
    inputSchema: skill.inputSchema,
    outputSchema: skill.outputSchema,
  });
  if (!run.ok) throw new Error(`${skill.name} failed: ${run.error.code} ${run.error.message}`);
  return { value: run.value, desk };
}

beforeAll(async () => {
  result = await compileTrajectories({ files, manifest: supportDeskManifest });
});

describe('compileTrajectories on the support-desk trajectories', () => {
  it('compiles every successful trajectory into a verified skill, one per task shape', () => {
    const covered = result.skills.flatMap((skill) => skill.provenance.trajectoryIds).sort();
    expect(covered).toHaveLength(files.length - 1);
    for (const skill of result.skills)
      expect(skill.verification, skill.name).toMatchObject({ isVerified: true });
    expect(skillFor('refund-damaged-8812').provenance.trajectoryIds.sort()).toEqual([
      'refund-damaged-8812',
      'refund-damaged-8814',
      'refund-damaged-8817',
    ]);
    expect(skillFor('assign-oncall-billing-T-1002').provenance.trajectoryIds).toHaveLength(3);
  });

  it('records generalization evidence: distinct inputs, assumptions, leave-one-out with 3+ siblings', () => {
    expect(skillFor('refund-damaged-8812').evidence).toEqual({
      verifiedInputs: 3,
      assumptions: [],
      leaveOneOut: { reproduced: 3, total: 3, failures: [], compiler: 'trace' },
    });
    const single = skillFor('multi-turn-partial-refund-8819').evidence;
    expect(single?.verifiedInputs).toBe(1);
    expect(single?.leaveOneOut).toBeUndefined();
  });

  it('groups runs of one task by their effect and says why they did not fold', () => {
    const partial = skillFor('multi-turn-partial-refund-8819');
    const split = partial.diagnostics.find(
      (diagnostic) =>
        diagnostic.code === 'SPLIT' && /runs of one task \(changes send_email\)/.test(diagnostic.message),
    );
    expect(split?.message).toContain('no structural test on the results before call 2');
    // A long reason is cut at a word and says so, never mid-word.
    const reason = /replays them all \((.*)\); step sequences/.exec(split?.message ?? '')?.[1] ?? '';
    expect(reason.length).toBeLessThanOrEqual(240);
    expect(reason).toMatch(/ [a-z]+…$/);
  });

  it('refuses the failed run and says why', () => {
    expect(result.errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_TRAJECTORY',
        where: expect.objectContaining({ field: 'outcome' }),
      }),
    ]);
  });

  it('splits the partial refund from the full refunds and says so', () => {
    const partial = skillFor('multi-turn-partial-refund-8819');
    expect(partial.provenance.trajectoryIds).toEqual(['multi-turn-partial-refund-8819']);
    expect(partial.diagnostics.some((diagnostic) => diagnostic.code === 'SPLIT')).toBe(true);
  });

  it('takes parameters from later user messages of multi-turn conversations', () => {
    const where = skillFor('multi-turn-where-is-order');
    expect(where.source).toContain('tools.get_order({ id: input.orderId })');
    const partial = skillFor('multi-turn-partial-refund-8819');
    expect(partial.source).toContain('order.items.find((item) => item.name === input.itemName)');
    expect(partial.source).toContain('reason: `Partial refund: ${input.itemName}`');
  });

  it("records each trajectory's task and later user turns in the provenance, for search", () => {
    expect(skillFor('multi-turn-partial-refund-8819').provenance.tasks).toEqual([
      'Refund order 8819 for Edsger.',
      'Only the Paper filters (100), he keeps the teapot.',
    ]);
    expect(skillFor('refund-damaged-8812').provenance.tasks).toContain(
      'Refund order 8814 in full, it arrived damaged.',
    );
  });

  it('turns the carrier API key into a secret parameter, never a literal', () => {
    const skill = skillFor('return-label-8821');
    expect(skill.secretParameters).toEqual(['apiKey']);
    expect(skill.source).not.toContain('sk_live');
    expect(skill.bundle).not.toContain('sk_live');
  });

  it('refunds an order no trajectory used, in full, and emails its customer', async () => {
    const { value, desk } = await runOnDesk('refund-damaged-8812', { orderId: '8811' });
    const order = desk.state.orders.find((candidate) => candidate.id === '8811');
    const customer = desk.state.customers.find((candidate) => candidate.id === order?.customerId);
    expect(value).toMatchObject({ amount: order?.total });
    expect(desk.state.refunds.at(-1)).toMatchObject({ orderId: '8811', amount: order?.total });
    expect(desk.state.outbox.at(-1)?.to).toBe(customer?.email);
    expect(desk.state.outbox.at(-1)?.body).toContain('8811');
  });

  it('tracks an unseen DHL order', async () => {
    const { value } = await runOnDesk('order-status-8815', { orderId: '8820' });
    expect(value).toMatchObject({ orderId: '8820', carrier: 'DHL', status: 'in_transit' });
  });

  it('loops over however many items an unseen order has', async () => {
    const { value } = await runOnDesk('check-stock-8822', { orderId: '8824' });
    expect((value as { stock: unknown[] }).stock).toHaveLength(1);
  });

  it('lists no processing orders for a customer without any', async () => {
    const { value } = await runOnDesk('processing-orders-ada', { email: 'barbara@example.com' });
    expect(value).toMatchObject({ orders: [] });
  });

  it('assigns an unseen ticket to the on-call member of a team no trajectory used', async () => {
    const { desk } = await runOnDesk('assign-oncall-billing-T-1002', {
      ticketId: 'T-1010',
      team: 'accounts',
    });
    const oncall = desk.state.members.find(
      (member) => member.team === 'accounts' && member.role === 'oncall',
    );
    expect(desk.state.tickets.find((ticket) => ticket.id === 'T-1010')?.assignee).toBe(oncall?.handle);
  });

  it('thanks the reporter of an unseen ticket by name', async () => {
    const { desk } = await runOnDesk('thank-reporter-T-1003', { ticketId: 'T-1011' });
    const ticket = desk.state.tickets.find((candidate) => candidate.id === 'T-1011');
    expect(ticket?.comments.at(-1)?.body).toBe('Thanks @ada for reporting "App freezes on export"!');
  });

  it('emails every customer with an open ticket of an unseen tag', async () => {
    const { value, desk } = await runOnDesk('notify-open-bug-tickets', { tag: 'billing' });
    const sent = desk.state.outbox.map((email) => email.to);
    expect((value as { notified: string[] }).notified).toHaveLength(3);
    expect(sent).toEqual(expect.arrayContaining((value as { notified: string[] }).notified));
  });

  it('answers an unseen ticket from the knowledge base', async () => {
    const { value } = await runOnDesk('kb-answer-T-1001', { ticketId: 'T-1012', query: 'track your parcel' });
    expect(value).toMatchObject({ articleId: 'KB-2' });
  });
});

describe('compileTrajectories options', () => {
  const fixtures = join(import.meta.dirname, '../fixtures/compiler');
  const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8')) as ToolManifestEntry[];
  const refund = JSON.parse(readFileSync(join(fixtures, 'refund-8812.json'), 'utf8')) as Trajectory;

  it('takes native trajectories as objects and names the skill as told', async () => {
    const compiled = await compileTrajectories({ trajectories: [refund], manifest, name: 'refund_and_tell' });
    expect(compiled.skills.map((skill) => skill.name)).toEqual(['refund_and_tell']);
    expect(compiled.skills[0]?.source).toContain('name: "refund_and_tell"');
    expect(refund.input).toBeUndefined();
  });

  it('lists a trajectory with an unknown tool in errors and compiles the rest', async () => {
    const broken: Trajectory = { ...refund, id: 'broken', steps: [{ tool: 'drop_table', args: {} }] };
    const compiled = await compileTrajectories({ trajectories: [refund, broken], manifest });
    expect(compiled.skills).toHaveLength(1);
    expect(compiled.errors).toEqual([
      expect.objectContaining({
        code: 'INVALID_TRAJECTORY',
        where: { file: 'broken', step: 1, field: 'tool' },
      }),
    ]);
  });

  it('lists unreadable files in errors', async () => {
    const compiled = await compileTrajectories({
      files: [join(fixtures, 'missing.json'), fixtures],
      manifest,
    });
    expect(compiled.errors.map((error) => error.code)).toEqual(['NOT_FOUND', 'INVALID_ARGUMENT']);
  });

  it('throws ABORTED when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      compileTrajectories({ trajectories: [refund], manifest, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'ABORTED' });
  });

  it('throws INVALID_ARGUMENT without trajectories', async () => {
    await expect(compileTrajectories({ manifest })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});

describe('compileTrajectories across formats', () => {
  it('writes the same skill from native, OpenAI and Anthropic recordings of a sibling group', async () => {
    const sources = await Promise.all(
      ['native', 'openai', 'anthropic'].map(async (format) => {
        const dir = join(import.meta.dirname, '../../skills/support-desk/trajectories', format);
        const group = ['check-stock-8822.json', 'check-stock-8823.json'].map((file) => join(dir, file));
        const compiled = await compileTrajectories({ files: group, manifest: supportDeskManifest });
        expect(compiled.skills[0]?.verification.isVerified).toBe(true);
        return compiled.skills.map((skill) => skill.source);
      }),
    );
    expect(sources[1]).toEqual(sources[0]);
    expect(sources[2]).toEqual(sources[0]);
  });
});
