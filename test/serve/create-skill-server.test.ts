import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { bindTools, type ToolHandler } from '../../sandbox/index.js';
import { createSkillServer, type CreateSkillServerOptions } from '../../src/serve/index.js';
import type { SkillStore } from '../../src/store/index.js';
import { createTools } from '../fixtures/serve/desk-pack.js';
import { openServedLibrary } from '../helpers/served-library.js';

async function toolNames(store: SkillStore, options: Partial<CreateSkillServerOptions>): Promise<string[]> {
  const served = await createSkillServer({ store, tools: createTools(), ...options });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await served.connect(serverSide);
  const client = new Client({ name: 'names', version: '1.0.0' });
  await client.connect(clientSide);
  try {
    return (await client.listTools()).tools.map((tool) => tool.name);
  } finally {
    await client.close();
    await served.close();
  }
}

describe('createSkillServer', () => {
  let store: SkillStore;
  beforeAll(async () => {
    ({ store } = await openServedLibrary());
    await store.setStatus('thank_reporter_ticket@1', 'deprecated', { by: 'test' });
  });
  afterAll(async () => store?.close());

  it('exposes the most-run served skills with expose: { top: N }', async () => {
    for (let run = 0; run < 2; run++) await store.recordRun('orders_processing', { ok: true });
    await store.recordRun('check_stock_item', { ok: true });
    expect(await toolNames(store, { expose: { top: 2 } })).toEqual([
      'search_skills',
      'get_skill',
      'run_skill',
      'report_outcome',
      'orders_processing',
      'check_stock_item',
    ]);
  });

  it('lists what a replacement policy allows', async () => {
    const names = await toolNames(store, { expose: 'all', policy: (skill) => skill.status === 'deprecated' });
    expect(names.slice(4)).toEqual(['thank_reporter_ticket']);
    const all = await toolNames(store, { expose: 'all' });
    expect(all).toHaveLength(4 + 11);
    expect(all).not.toContain('thank_reporter_ticket');
  });

  it('serves by the maturity policy: serveAtLeast autonomous hides supervised versions', async () => {
    expect(await toolNames(store, { expose: 'all', maturity: { serveAtLeast: 'supervised' } })).toHaveLength(
      4 + 11,
    );
    expect(await toolNames(store, { expose: 'all', maturity: { serveAtLeast: 'autonomous' } })).toHaveLength(
      4,
    );
    await expect(
      createSkillServer({ store, tools: createTools(), maturity: { serveAtLeast: 'trusted' as never } }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('names the bad option', async () => {
    await expect(
      createSkillServer({ store, tools: createTools(), expose: { top: 0 } }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'expose' },
    });
    await expect(
      createSkillServer({ store, tools: {} as never, confirm: 'always' as never }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'tools' } });
    await expect(
      createSkillServer({ store, tools: createTools(), confirm: 'always' as never }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'confirm' } });
  });

  it('refuses to connect once closed, and closes twice without error', async () => {
    const served = await createSkillServer({ store, tools: createTools() });
    await served.close();
    await served.close();
    expect(served.isClosed).toBe(true);
    const [, serverSide] = InMemoryTransport.createLinkedPair();
    await expect(served.connect(serverSide)).rejects.toMatchObject({ code: 'CLOSED' });
  });

  it('answers a run that times out with TIMEOUT and keeps serving', async () => {
    const desk = createTools();
    const handlers = Object.fromEntries(desk.handlers) as Record<string, ToolHandler>;
    // A tool that never answers: the run's wall-clock limit ends it.
    handlers['track_shipment'] = () => new Promise(() => undefined);
    const served = await createSkillServer({
      store,
      tools: bindTools(desk.manifest, handlers),
      limits: { timeoutMs: 300 },
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await served.connect(serverSide);
    const client = new Client({ name: 'timeout', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      const call = async (ref: string) =>
        (await client.callTool({ name: 'run_skill', arguments: { ref, input: { orderId: '8811' } } })) as {
          content: { text: string }[];
          isError?: boolean;
        };
      const slow = await call('order_carrier_status');
      expect(slow.isError).toBe(true);
      expect(slow.content[0]?.text).toMatch(/^TIMEOUT: /);
      const next = await call('check_stock_item');
      expect(next.isError, next.content[0]?.text).toBeUndefined();
    } finally {
      await client.close();
      await served.close();
    }
  });
});
