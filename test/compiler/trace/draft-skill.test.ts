import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { draftSkill, checkSkill, type Trajectory } from '../../../compiler/index.js';

const fixtures = join(import.meta.dirname, '../../fixtures/compiler');
const manifest = JSON.parse(readFileSync(join(fixtures, 'manifest.json'), 'utf8')) as ToolManifestEntry[];
const refund = JSON.parse(readFileSync(join(fixtures, 'refund-8812.json'), 'utf8')) as Trajectory;

function order(id: string, total: number, items = [{ sku: 'MUG-1', qty: 2 }]) {
  return { id, total, customerId: `c-${id}`, items };
}

function members(oncallAt: number, count = 3) {
  return Array.from({ length: count }, (_, index) => ({
    id: `u-${index + 1}`,
    role: index === oncallAt ? 'oncall' : 'dev',
  }));
}

function paging(id: string, team: string, oncallAt: number, input?: Record<string, unknown>): Trajectory {
  const list = members(oncallAt);
  const oncall = list[oncallAt] as { id: string };
  return {
    id,
    task: `Page the on-call member of team ${team}`,
    ...(input ? { input } : {}),
    steps: [
      { tool: 'team.list_members', args: { team }, result: list },
      {
        tool: 'team.page',
        args: { userId: oncall.id, message: 'Checkout is down' },
        result: { paged: true },
      },
    ],
    outcome: 'success',
  };
}

async function verify(trajectories: Trajectory[]): Promise<Awaited<ReturnType<typeof checkSkill>>> {
  const draft = draftSkill({ trajectories, manifest });
  const replayable = trajectories.map((trajectory) => ({
    ...trajectory,
    input: draft.inputs.get(trajectory.id),
  }));
  return checkSkill({ source: draft.source, manifest, trajectories: replayable });
}

describe('draftSkill', () => {
  it('turns task literals into camelCase parameters named after the argument keys', () => {
    const draft = draftSkill({ trajectories: [refund], manifest });
    expect(draft.source).toContain('tools.get_order({ id: input.orderId })');
    expect(draft.source).toContain('reason: "damaged" | "lost" | "late";');
    expect(draft.inputs.get('refund-8812')).toEqual({ orderId: '8812', reason: 'damaged' });
    expect(draft.name).toBe('refund_order_arrived');
    expect(draft.description).toBe('Refund order <orderId>, it arrived <reason>, and tell the customer');
  });

  it('reads caller values from `input` when the trajectory has it', () => {
    const draft = draftSkill({ trajectories: [{ ...refund, input: { order: '8812' } }], manifest });
    expect(draft.source).toContain('tools.get_order({ id: input.order })');
  });

  it('turns values equal to earlier results into expressions over them', () => {
    const draft = draftSkill({ trajectories: [refund], manifest });
    expect(draft.source).toContain('tools.get_customer({ id: order.customerId })');
    expect(draft.source).toContain('to: customer.email');
    expect(draft.source).toContain('amount: order.total');
  });

  it('builds strings made of earlier values as template literals', () => {
    const draft = draftSkill({ trajectories: [refund], manifest });
    expect(draft.source).toContain('subject: `Refund ${refund.refundId} for order ${input.orderId}`');
    expect(draft.source).toContain(
      'body: `Hi ${customer.name}, we refunded ${refund.amount} for order ${input.orderId}.`',
    );
  });

  it('builds a structured answer from results and keeps a comment per step', () => {
    const draft = draftSkill({ trajectories: [refund], manifest });
    expect(draft.source).toContain(
      'return { refundId: refund.refundId, amount: refund.amount, emailed: true };',
    );
    expect(draft.source).toContain('// refund-8812 step 3: create_refund');
  });

  it('tells constants from parameters across siblings', () => {
    const second: Trajectory = {
      id: 'refund-9001',
      task: 'Refund order 9001, it arrived damaged, and tell the customer',
      steps: [
        { tool: 'get_order', args: { id: '9001' }, result: order('9001', 10) },
        {
          tool: 'create_refund',
          args: { orderId: '9001', amount: 10, reason: 'damaged' },
          result: { refundId: 'r-2', amount: 10 },
        },
      ],
      outcome: 'success',
    };
    const first: Trajectory = {
      ...second,
      id: 'refund-9002',
      task: 'Refund order 9002, it arrived damaged, and tell the customer',
      steps: [
        { tool: 'get_order', args: { id: '9002' }, result: order('9002', 20) },
        {
          tool: 'create_refund',
          args: { orderId: '9002', amount: 20, reason: 'damaged' },
          result: { refundId: 'r-3', amount: 20 },
        },
      ],
    };
    const draft = draftSkill({ trajectories: [first, second], manifest });
    expect(draft.source).toContain('id: input.orderId');
    expect(draft.source).toContain('reason: "damaged"');
    expect(draft.inputs.get('refund-9001')).toEqual({ orderId: '9001' });
  });

  it('finds a list element by a singling-out property when siblings chose different positions', async () => {
    const trajectories = [paging('p-1', 'checkout', 2), paging('p-2', 'search', 0)];
    const draft = draftSkill({ trajectories, manifest });
    expect(draft.source).toContain(
      'const oncallMember = members.find((member) => member.role === "oncall");',
    );
    expect(draft.source).toContain(
      'if (!oncallMember) throw new Error(`No member with role "oncall" was found.`);',
    );
    expect(draft.source).toContain('userId: oncallMember.id');
    const skill = await verify(trajectories);
    expect(skill.verification.isVerified).toBe(true);
  });

  it('takes the element as an input and lists the assumption when no rule picks it (no silent index)', () => {
    const trajectory = paging('p-3', 'checkout', 1);
    trajectory.task = 'Page somebody on team checkout';
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).not.toContain('members[1]');
    expect(draft.source).toContain('userId: input.userId');
    expect(draft.inputs.get('p-3')).toMatchObject({ userId: 'u-2' });
    expect(draft.assumptions).toContainEqual(
      expect.objectContaining({
        subject: 'userId',
        value: 'u-2',
        reason: expect.stringMatching(/no rule found/),
      }),
    );
  });

  it('lists every constant of a single run as an assumption', () => {
    const draft = draftSkill({ trajectories: [paging('p-4', 'checkout', 1)], manifest });
    expect(draft.assumptions).toContainEqual({
      subject: 'message',
      value: 'Checkout is down',
      reason: 'in the only recorded run',
    });
  });

  it('lists how many items a list argument had in a single run, not with siblings that agree', () => {
    const page = (id: string, first: string, second: string): Trajectory => ({
      ...paging(id, 'checkout', 0),
      steps: [
        { tool: 'team.list_members', args: { team: 'checkout' }, result: members(0) },
        {
          tool: 'team.page',
          args: { userId: [first, second], message: 'Checkout is down' },
          result: { paged: true },
        },
      ],
    });
    const single = draftSkill({ trajectories: [page('p-9', 'u-1', 'u-2')], manifest });
    expect(single.assumptions).toContainEqual({
      subject: 'userId',
      value: 2,
      reason: '2 items in the only recorded run; a request with another number is not served',
    });
    const siblings = draftSkill({
      trajectories: [page('p-9', 'u-1', 'u-2'), page('p-10', 'u-1', 'u-3')],
      manifest,
    });
    expect(siblings.assumptions.filter((assumption) => assumption.value === 2)).toEqual([]);
  });

  it('keeps a value the user typed as an input even when every sibling typed the same', () => {
    const first = paging('p-5', 'checkout-eu-2', 2);
    const second = paging('p-6', 'checkout-eu-2', 0);
    const draft = draftSkill({ trajectories: [first, second], manifest });
    expect(draft.source).toContain('team: input.team');
    expect(draft.source).not.toContain('"checkout-eu-2"');
  });

  it('picks an element by a property the user wrote, and makes that property an input', async () => {
    const trajectory = paging('p-7', 'checkout', 1);
    const list = trajectory.steps[0]?.result as { id: string; role: string; name?: string }[];
    list.forEach(
      (member, index) => (member.name = ['Ada Lovelace', 'Grace Hopper', 'Edsger Dijkstra'][index]),
    );
    trajectory.task = 'Page Grace Hopper on team checkout';
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).toContain('members.find((member) => member.name === input.name)');
    expect(draft.inputs.get('p-7')).toMatchObject({ name: 'Grace Hopper' });
    expect(draft.assumptions.map((assumption) => assumption.subject)).not.toContain('userId');
  });

  it('writes a for...of loop for repeated calls over an earlier list', async () => {
    const items = [
      { sku: 'A-1', qty: 1 },
      { sku: 'B-2', qty: 3 },
    ];
    const trajectory: Trajectory = {
      id: 'restock-7',
      task: 'Restock every item of order 7007',
      steps: [
        { tool: 'get_order', args: { id: '7007' }, result: order('7007', 5, items) },
        { tool: 'restock_item', args: { sku: 'A-1', qty: 1 }, result: { ok: true } },
        { tool: 'restock_item', args: { sku: 'B-2', qty: 3 }, result: { ok: true } },
      ],
      outcome: 'success',
    };
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).toContain('for (const item of order.items) {');
    expect(draft.source).toContain(
      'restockItems.push(await tools.restock_item({ sku: item.sku, qty: item.qty }));',
    );
    expect(draft.source).toContain('// restock-7 steps 2-3: restock_item for each element');
    expect((await verify([trajectory])).verification.isVerified).toBe(true);
  });

  it('loops over a list the caller passed in', async () => {
    const trajectory: Trajectory = {
      id: 'restock-skus',
      task: 'Restock these items',
      input: { skus: ['A-1', 'B-2', 'C-3'] },
      steps: ['A-1', 'B-2', 'C-3'].map((sku) => ({
        tool: 'restock_item',
        args: { sku, qty: 5 },
        result: { ok: true },
      })),
      outcome: 'success',
    };
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).toContain('for (const sku of input.skus) {');
    expect(draft.source).toContain('tools.restock_item({ sku, qty: 5 })');
    expect((await verify([trajectory])).verification.isVerified).toBe(true);
  });

  it('never bakes a literal secret into the source: it becomes a listed parameter', async () => {
    const trajectory = paging('p-4', 'checkout', 0);
    (trajectory.steps[1] as { args: Record<string, unknown> }).args['apiKey'] =
      'sk-live-abcdefghijklmnop1234';
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).not.toContain('sk-live');
    expect(draft.source).toContain('apiKey: input.apiKey');
    expect(draft.secretParameters).toEqual(['apiKey']);
    expect(draft.inputs.get('p-4')).toMatchObject({ apiKey: 'sk-live-abcdefghijklmnop1234' });
    expect((await verify([trajectory])).verification.isVerified).toBe(true);
  });

  it('recognizes secrets by their shape under any key, and secret-named input fields', () => {
    const trajectory = paging('p-6', 'checkout', 0, { team: 'checkout', password: 'hunter2!' });
    (trajectory.steps[1] as { args: Record<string, unknown> }).args['message'] =
      'ghp_abcdefghijklmnopqrstuvwxyz0123';
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).not.toContain('ghp_');
    expect(draft.secretParameters.sort()).toEqual(['message', 'password']);
  });

  it('returns the last result when the answer is prose', () => {
    const trajectory = { ...paging('p-5', 'checkout', 0), answer: 'I paged them.' };
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).toContain('return page;');
    expect(draft.source).toContain('export type Output = Awaited<ReturnType<Tools["team"]["page"]>>;');
  });

  it('uses the given name', () => {
    expect(draftSkill({ trajectories: [refund], manifest, name: 'refund_damaged' }).source).toContain(
      'export default async function refundDamaged(input: Input, tools: Tools): Promise<Output>',
    );
  });
});

describe('draftSkill against spurious data flow', () => {
  it('never splices a fragment of a number into a string that was a whole value', () => {
    const trajectory: Trajectory = {
      id: 'seats-1',
      task: 'Hold a seat',
      steps: [
        { tool: 'team.list_members', args: { team: 'ops' }, result: { seats: 20, code: 'B7' } },
        { tool: 'team.page', args: { userId: 'B7', message: '2024-05-23' }, result: { paged: true } },
      ],
      outcome: 'success',
    };
    const draft = draftSkill({ trajectories: [trajectory], manifest });
    expect(draft.source).not.toContain('seats}');
    expect(draft.source).toContain('message: "2024-05-23"');
  });

  it('takes the structurally parallel source of the same key when several earlier values are equal', () => {
    const flights = [
      { number: 'F1', date: '2026-05-20' },
      { number: 'F2', date: '2026-05-20' },
    ];
    const trajectory: Trajectory = {
      id: 'parallel-1',
      task: 'Page both',
      steps: [
        { tool: 'team.list_members', args: { team: 'ops' }, result: { flights } },
        {
          tool: 'team.page',
          args: { userId: 'x', message: 'm', legs: flights.map((flight) => ({ date: flight.date })) },
          result: { paged: true },
        },
      ],
      outcome: 'success',
    };
    const source = draftSkill({ trajectories: [trajectory], manifest }).source;
    expect(source).not.toContain('flights[0].date }, { date: members.flights[0].date');
    expect(source).toMatch(/flights\.map\(\(flight\) => flight\.date\)|flights\[1\]\.date/);
  });
});
