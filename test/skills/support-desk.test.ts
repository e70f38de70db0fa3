import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createValidator } from '../../core/index.js';
import type { ToolCallContext } from '../../sandbox/index.js';
import {
  createSupportDesk,
  listRecordedFiles,
  recordTrajectories,
  SUPPORT_DESK_DIR,
  supportDeskManifest,
} from '../../skills/index.js';

const context: ToolCallContext = { step: 1, signal: new AbortController().signal };

function call(desk: ReturnType<typeof createSupportDesk>, tool: string, args: unknown): unknown {
  const definition = desk.definitions[tool];
  if (!definition) throw new Error(`no tool ${tool}`);
  return definition.handler(args, context);
}

describe('supportDeskManifest', () => {
  it('matches the committed manifest.json', async () => {
    const json: unknown = JSON.parse(await readFile(join(SUPPORT_DESK_DIR, 'manifest.json'), 'utf8'));
    expect(json).toEqual(supportDeskManifest);
  });

  it('names 10+ tools in snake_case, some dotted, each with a description and closed schemas', () => {
    expect(supportDeskManifest.length).toBeGreaterThanOrEqual(10);
    expect(supportDeskManifest.some((entry) => entry.name.includes('.'))).toBe(true);
    for (const entry of supportDeskManifest) {
      expect(entry.name).toMatch(/^[a-z]+(_[a-z]+)*(\.[a-z]+(_[a-z]+)*)?$/);
      expect(entry.description?.length).toBeGreaterThan(10);
      expect(entry.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
      expect(entry.outputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('has one definition per manifest entry', () => {
    const desk = createSupportDesk();
    expect(Object.keys(desk.definitions).sort()).toEqual(
      supportDeskManifest.map((entry) => entry.name).sort(),
    );
  });
});

describe('support desk inputSchemas', () => {
  const schemaOf = (name: string) => {
    const entry = supportDeskManifest.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(name);
    return createValidator(entry.inputSchema);
  };

  it('accept well-formed arguments', () => {
    expect(schemaOf('get_order')({ id: '8812' }).ok).toBe(true);
    expect(schemaOf('refund_order')({ orderId: '8812', amount: 24.5, reason: 'Arrived damaged' }).ok).toBe(
      true,
    );
    expect(schemaOf('kb.search')({ query: 'refund' }).ok).toBe(true);
  });

  it('reject wrong types, missing fields and unknown fields with a path', () => {
    expect(schemaOf('get_order')({ id: 8812 })).toMatchObject({ ok: false, issues: [{ path: '/id' }] });
    expect(schemaOf('send_email')({ to: 'ada@example.com', subject: 'Hi' })).toMatchObject({
      ok: false,
      issues: [{ path: '/body' }],
    });
    expect(schemaOf('tickets.assign')({ ticketId: 'T-1002', assignee: 'priya', note: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: '/note' }],
    });
    expect(schemaOf('refund_order')({ orderId: '8812', amount: 0, reason: 'x' }).ok).toBe(false);
    expect(schemaOf('send_email')({ to: 'not-an-email', subject: 'Hi', body: 'x' }).ok).toBe(false);
  });

  it('are enforced by the handlers too', () => {
    const desk = createSupportDesk();
    expect(() => call(desk, 'get_order', { id: 8812 })).toThrow('get_order: invalid arguments: `/id`');
  });
});

describe('createSupportDesk', () => {
  it('looks up an order with its customer and shipment', () => {
    expect(call(createSupportDesk(), 'get_order', { id: '8812' })).toMatchObject({
      id: '8812',
      total: 24.5,
      customer: { name: 'Grace Hopper', email: 'grace@example.com' },
      shipment: { carrier: 'DHL', trackingNumber: 'JD014600003828' },
    });
  });

  it('throws for a record that does not exist', () => {
    expect(() => call(createSupportDesk(), 'find_customer', { email: 'nobody@example.com' })).toThrow(
      'A customer with email nobody@example.com does not exist.',
    );
  });

  it('records a refund and marks a fully refunded order', () => {
    const desk = createSupportDesk();
    const refund = call(desk, 'refund_order', { orderId: '8812', amount: 24.5, reason: 'Arrived damaged' });
    expect(refund).toEqual({
      id: 'R-5001',
      orderId: '8812',
      amount: 24.5,
      reason: 'Arrived damaged',
      createdAt: '2026-03-02T09:00:00.000Z',
    });
    expect(desk.state.refunds).toHaveLength(1);
    expect(desk.state.orders.find((order) => order.id === '8812')).toMatchObject({
      status: 'refunded',
      refundedAmount: 24.5,
    });
  });

  it('refuses a double refund', () => {
    const desk = createSupportDesk();
    call(desk, 'refund_order', { orderId: '8812', amount: 24.5, reason: 'Arrived damaged' });
    expect(() => call(desk, 'refund_order', { orderId: '8812', amount: 24.5, reason: 'Again' })).toThrow(
      'Order 8812 is already fully refunded.',
    );
    expect(desk.state.refunds).toHaveLength(1);
  });

  it('refuses an over-refund after a partial one', () => {
    const desk = createSupportDesk();
    call(desk, 'refund_order', { orderId: '8814', amount: 64, reason: 'Grinder broken' });
    expect(() => call(desk, 'refund_order', { orderId: '8814', amount: 10, reason: 'Filters' })).toThrow(
      'only 9 of 73 is left',
    );
    expect(desk.state.orders.find((order) => order.id === '8814')).toMatchObject({
      status: 'delivered',
      refundedAmount: 64,
    });
  });

  it('appends sent emails to the outbox with ids and times from the fixed clock', () => {
    const desk = createSupportDesk();
    call(desk, 'send_email', { to: 'ada@example.com', subject: 'One', body: 'First' });
    const second = call(desk, 'send_email', { to: 'lee@example.com', subject: 'Two', body: 'Second' });
    expect(second).toEqual({
      id: 'E-3002',
      to: 'lee@example.com',
      subject: 'Two',
      status: 'sent',
      sentAt: '2026-03-02T09:01:00.000Z',
    });
    expect(desk.state.outbox.map((email) => email.to)).toEqual(['ada@example.com', 'lee@example.com']);
  });

  it('adds comments and assignments to tickets', () => {
    const desk = createSupportDesk();
    call(desk, 'tickets.comment', { ticketId: 'T-1003', body: 'Thanks @lee for reporting "Crash on save"!' });
    call(desk, 'tickets.assign', { ticketId: 'T-1003', assignee: 'wen' });
    expect(call(desk, 'tickets.get', { id: 'T-1003' })).toMatchObject({
      assignee: 'wen',
      comments: [{ id: 'CM-9001', author: 'desk-bot', body: 'Thanks @lee for reporting "Crash on save"!' }],
    });
    expect(() => call(desk, 'tickets.assign', { ticketId: 'T-1003', assignee: 'ghost' })).toThrow(
      'Team member @ghost does not exist.',
    );
  });

  it('puts the on-call member at a different position in each team', () => {
    const desk = createSupportDesk();
    const positions = ['billing', 'shipping', 'platform', 'accounts'].map((team) => {
      const { members } = call(desk, 'team.list_members', { team }) as { members: { role: string }[] };
      return members.findIndex((member) => member.role === 'oncall');
    });
    expect(positions).toEqual([2, 0, 1, 3]);
  });

  it('ranks knowledge-base results by matching words', () => {
    expect(call(createSupportDesk(), 'kb.search', { query: 'refund timelines', limit: 1 })).toEqual({
      results: [{ id: 'KB-3', title: 'Refund timelines', url: 'https://help.example.com/kb/KB-3' }],
    });
  });

  it('rejects a wrong carrier API key without echoing it', () => {
    const attempt = () =>
      call(createSupportDesk(), 'create_return_label', {
        orderId: '8821',
        carrier: 'UPS',
        apiKey: 'sk_wrong_0123456789',
      });
    expect(attempt).toThrow('Carrier gateway refused the API key (401).');
  });

  it('keeps desks independent and deterministic', () => {
    const first = createSupportDesk();
    const second = createSupportDesk();
    call(first, 'refund_order', { orderId: '8812', amount: 24.5, reason: 'Arrived damaged' });
    expect(second.state.refunds).toEqual([]);
    expect(
      call(second, 'refund_order', { orderId: '8812', amount: 24.5, reason: 'Arrived damaged' }),
    ).toEqual(first.state.refunds[0]);
  });

  it('takes a partial seed', () => {
    const desk = createSupportDesk({ now: '2030-01-01T00:00:00.000Z' });
    expect(call(desk, 'send_email', { to: 'ada@example.com', subject: 'Hi', body: 'x' })).toMatchObject({
      sentAt: '2030-01-01T00:00:00.000Z',
    });
    expect(desk.state.orders.length).toBeGreaterThan(10);
  });
});

describe('recordTrajectories', () => {
  let outDir = '';
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'knack-desk-'));
  });
  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it('re-records exactly the committed manifest and trajectories', async () => {
    const written = await recordTrajectories(outDir);
    expect(await listRecordedFiles(SUPPORT_DESK_DIR)).toEqual(written);
    for (const file of written) {
      const committed = await readFile(join(SUPPORT_DESK_DIR, file), 'utf8');
      expect(await readFile(join(outDir, file), 'utf8'), file).toBe(committed);
    }
  });
});
