import { describe, expect, it } from 'vitest';
import { defineTools, runSkill } from '../../../sandbox/index.js';
import type { ToolManifestEntry } from '../../../core/index.js';
import { compileTrajectories, type CompiledSkill, type Trajectory } from '../../../compiler/index.js';

// A small shop: customers own orders; agents find the order the customer names and refund it.
interface Order {
  order_id: string;
  item: string;
  total: number;
}

const customers: Record<string, Order[]> = {
  ann: [
    { order_id: 'O-11', item: 'Kettle', total: 40 },
    { order_id: 'O-12', item: 'Blender', total: 85 },
    { order_id: 'O-13', item: 'Toaster', total: 30 },
  ],
  bob: [
    { order_id: 'O-21', item: 'Toaster', total: 35 },
    { order_id: 'O-22', item: 'Kettle', total: 45 },
  ],
  cy: [
    { order_id: 'O-31', item: 'Mixer', total: 120 },
    { order_id: 'O-32', item: 'Kettle', total: 42 },
    { order_id: 'O-33', item: 'Blender', total: 90 },
  ],
  dee: [
    { order_id: 'O-41', item: 'Toaster', total: 33 },
    { order_id: 'O-42', item: 'Mixer', total: 110 },
    { order_id: 'O-43', item: 'Kettle', total: 41 },
  ],
  eve: [{ order_id: 'O-51', item: 'Kettle', total: 39 }],
};

const readOnlyHint = { annotations: { readOnlyHint: true } };
const idSchema = (key: string): ToolManifestEntry['inputSchema'] => ({
  type: 'object',
  properties: { [key]: { type: 'string' } },
  required: [key],
});

const arg = (args: unknown, key: string): string => String((args as Record<string, unknown>)[key]);

function createShop(isGetOrderReadOnly = true) {
  const refunded: string[] = [];
  const orders = Object.values(customers).flat();
  const definitions = {
    get_customer: {
      ...readOnlyHint,
      inputSchema: idSchema('customer_id'),
      handler: (args: unknown) => ({
        customer_id: arg(args, 'customer_id'),
        orders: (customers[arg(args, 'customer_id')] ?? []).map((order) => order.order_id),
      }),
    },
    get_order: {
      ...(isGetOrderReadOnly ? readOnlyHint : {}),
      inputSchema: idSchema('order_id'),
      handler: (args: unknown) => {
        const order = orders.find((candidate) => candidate.order_id === arg(args, 'order_id'));
        if (!order) throw new Error(`Order ${arg(args, 'order_id')} not found.`);
        return order;
      },
    },
    refund_order: {
      inputSchema: idSchema('order_id'),
      handler: (args: unknown) => {
        refunded.push(arg(args, 'order_id'));
        return { order_id: arg(args, 'order_id'), refunded: true };
      },
    },
  };
  const manifest: ToolManifestEntry[] = Object.entries(definitions).map(([name, { handler, ...entry }]) => {
    void handler;
    return { name, ...entry };
  });
  return { definitions, manifest, refunded };
}

type Style = 'a' | 'c';

// Agent a looks orders up one by one and stops at the match; agent c looks every one up.
function recordRun(customer: string, item: string, style: Style, said = `It's the ${item}.`): Trajectory {
  const orders = customers[customer] ?? [];
  const at = orders.findIndex((order) => order.item === item);
  const looked = style === 'a' ? orders.slice(0, at + 1) : orders;
  const match = orders[at] as Order;
  return {
    id: `refund-${customer}`,
    task: 'Hi, I want a refund for an order.',
    context: [`My customer id is ${customer}.`, said],
    steps: [
      {
        tool: 'get_customer',
        args: { customer_id: customer },
        result: { customer_id: customer, orders: orders.map((order) => order.order_id) },
      },
      ...looked.map((order) => ({ tool: 'get_order', args: { order_id: order.order_id }, result: order })),
      {
        tool: 'refund_order',
        args: { order_id: match.order_id },
        result: { order_id: match.order_id, refunded: true },
      },
    ],
    outcome: 'success',
  };
}

async function refundLive(skill: CompiledSkill, input: Record<string, unknown>) {
  const shop = createShop();
  const run = await runSkill({
    source: skill.bundle,
    input,
    tools: defineTools(shop.definitions),
    inputSchema: skill.inputSchema,
  });
  return { run, refunded: shop.refunded };
}

describe('scans until the element the user named', () => {
  it('folds a run that stops at the match with one that looked every order up, and stops at the match live', async () => {
    const { manifest } = createShop();
    const { skills } = await compileTrajectories({
      trajectories: [
        recordRun('ann', 'Blender', 'a'),
        recordRun('bob', 'Toaster', 'c'),
        recordRun('cy', 'Blender', 'a'),
      ],
      manifest,
    });
    expect(skills).toHaveLength(1);
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toMatch(/for \(const \w+ of customer\.orders\) \{/);
    // The item the user named, or else the order's own id (a caller who has the id need not
    // describe the order); never a position.
    expect(skill.source).toMatch(
      /if \(input\.item !== undefined \? candidate\.item === input\.item : candidate\.order_id === input\.orderId\) \{[\s\S]*break;/,
    );
    expect(skill.source).toContain('@anyOf item | orderId');
    expect(skill.source).not.toMatch(/orders\[\d\]/);
    // Bob's lookup after his match is left out, with its recorded step number and why.
    expect(skill.provenance.leftOut).toEqual([
      { trajectoryId: 'refund-bob', step: 3, tool: 'get_order', reason: 'scanned-past-match' },
    ]);
    // The replay still proves every effectful call: each run's refund is in its test case.
    const refunds = skill.cases?.map((testCase) =>
      testCase.calls.filter((call) => call.tool === 'refund_order'),
    );
    expect(refunds?.map((calls) => calls.length)).toEqual([1, 1, 1]);
    expect(skill.evidence?.leaveOneOut).toMatchObject({ reproduced: 3, total: 3 });

    // A new customer: the match is the second of three; the skill looks up two orders and stops.
    const { run, refunded } = await refundLive(skill, { customerId: 'dee', item: 'Mixer' });
    expect(run.ok, JSON.stringify(run)).toBe(true);
    expect(refunded).toEqual(['O-42']);
    expect(run.trace.filter((call) => call.tool === 'get_order').map((call) => call.args)).toEqual([
      { order_id: 'O-41' },
      { order_id: 'O-42' },
    ]);
    // No order matches: a clear error, and nothing refunded.
    const missing = await refundLive(skill, { customerId: 'dee', item: 'Blender' });
    expect(missing.run).toMatchObject({ ok: false, error: { code: 'SKILL_THREW' } });
    expect(missing.run.ok ? '' : missing.run.error.message).toContain(
      'No order with item "Blender" was found.',
    );
    expect(missing.refunded).toEqual([]);
    // Named by its id instead: the same scan stops at it.
    const byId = await refundLive(skill, { customerId: 'dee', orderId: 'O-42' });
    expect(byId.run.ok, JSON.stringify(byId.run)).toBe(true);
    expect(byId.refunded).toEqual(['O-42']);
    // Neither: refused before any call.
    const neither = await refundLive(skill, { customerId: 'dee' });
    expect(neither.run).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(neither.refunded).toEqual([]);
  }, 60_000);

  it('takes a single scanning run by what the user wrote, and says one run cannot tell the rule', async () => {
    const { manifest } = createShop();
    const { skills } = await compileTrajectories({
      trajectories: [recordRun('ann', 'Blender', 'a')],
      manifest,
    });
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toContain('candidate.item === input.item');
    expect(skill.evidence?.assumptions).toContainEqual(
      expect.objectContaining({
        subject: 'item',
        value: 'Blender',
        reason: expect.stringMatching(/only recorded run/),
      }),
    );
    const { refunded } = await refundLive(skill, { customerId: 'cy', item: 'Kettle' });
    expect(refunded).toEqual(['O-32']);
  }, 60_000);

  it('asks the caller for the element when nothing the user wrote names it, in one input', async () => {
    const { manifest } = createShop();
    const run = recordRun('ann', 'Blender', 'a', 'The one I bought last spring.');
    const { skills } = await compileTrajectories({ trajectories: [run], manifest });
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toContain('candidate.order_id === input.orderId');
    expect(skill.source).not.toContain('orderId2');
    expect(skill.evidence?.assumptions).toContainEqual(
      expect.objectContaining({ subject: 'orderId', reason: expect.stringMatching(/^no rule found/) }),
    );
  }, 60_000);

  it('keeps the lookup of a one-element list plain data flow when the user named nothing', async () => {
    const { manifest } = createShop();
    const run = recordRun('eve', 'Kettle', 'a', 'My only order.');
    const { skills } = await compileTrajectories({ trajectories: [run], manifest });
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).not.toContain('break;');
    expect(skill.source).toContain('customer.orders[0]');
  }, 60_000);

  it('never scans with a tool not known to be read-only, nor leaves any of its calls out', async () => {
    const { manifest } = createShop(false);
    const { skills } = await compileTrajectories({
      trajectories: [recordRun('ann', 'Blender', 'a'), recordRun('bob', 'Toaster', 'c')],
      manifest,
    });
    for (const skill of skills) {
      expect(skill.source).not.toContain('break;');
      expect(skill.provenance.leftOut ?? []).toEqual([]);
    }
  }, 60_000);
});
