import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import type { ToolManifestEntry } from '../../core/index.js';
import { bindTools, type ToolHandler, type ToolPack } from '../../sandbox/index.js';
import { findToolSchemaDrift } from '../../src/_tool-schema-drift.js';
import { callSkill } from '../../src/call-skill.js';
import { createSkillServer, type SkillServer } from '../../src/serve/index.js';
import type { SkillStore } from '../../src/store/index.js';
import { createTools } from '../fixtures/serve/desk-pack.js';
import { openServedLibrary } from '../helpers/served-library.js';

/** The desk with `refund_order`'s input schema replaced by `change(schema)`. */
function driftedDesk(change: (schema: Record<string, unknown>) => Record<string, unknown>): ToolPack {
  const pack = createTools();
  const manifest = pack.manifest.map((entry) =>
    entry.name === 'refund_order'
      ? { ...entry, inputSchema: change(structuredClone(entry.inputSchema) as Record<string, unknown>) }
      : entry,
  );
  return bindTools(manifest, Object.fromEntries(pack.handlers) as Record<string, ToolHandler>);
}

const requireApprover = (schema: Record<string, unknown>): Record<string, unknown> => ({
  ...schema,
  properties: { ...(schema['properties'] as object), approvedBy: { type: 'string' } },
  required: [...(schema['required'] as string[]), 'approvedBy'],
});

describe('tool schema drift', () => {
  let store: SkillStore;
  beforeAll(async () => {
    ({ store } = await openServedLibrary());
  });
  afterAll(async () => store?.close());

  it('stores the schemas of the tools a version was checked against', async () => {
    const skill = await store.get('refund_order_full');
    expect(skill.toolSchemas?.map((entry) => entry.name)).toEqual([
      'get_order',
      'refund_order',
      'send_email',
    ]);
  });

  it('refuses a run through MCP when a granted tool gained a required field, and flags the version once', async () => {
    const served: SkillServer = await createSkillServer({ store, tools: driftedDesk(requireApprover) });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await served.connect(serverSide);
    const client = new Client({ name: 'drift-test', version: '1.0.0' });
    await client.connect(clientSide);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const result = (await client.callTool({
          name: 'run_skill',
          arguments: { ref: 'refund_order_full', input: { orderId: '8811' } },
        })) as { content: { text: string }[]; isError?: boolean };
        expect(result.isError).toBe(true);
        expect(result.content[0]?.text).toMatch(
          /^TOOL_SCHEMA_CHANGED: refund_order_full@1 .*`refund_order` input `approvedBy` is new and required/,
        );
      }
      const flags = (await store.history('refund_order_full')).filter((event) => event.kind === 'flagged');
      expect(flags).toHaveLength(1);
      expect(flags[0]).toMatchObject({ version: 1, by: 'knack:tool-schema-check' });
      const read = (await client.callTool({
        name: 'get_skill',
        arguments: { ref: 'refund_order_full' },
      })) as unknown as {
        structuredContent: { flags: { note: string }[] };
      };
      expect(read.structuredContent.flags).toEqual([
        expect.objectContaining({ note: expect.stringContaining('approvedBy') }),
      ]);
      // Refused before running: nothing was counted against the version.
      expect((await store.get('refund_order_full')).reliability.runs).toBe(0);
    } finally {
      await client.close();
      await served.close();
    }
  });

  it('runs on when a tool only widened (an optional field added)', async () => {
    const widened = driftedDesk((schema) => ({
      ...schema,
      properties: { ...(schema['properties'] as object), memo: { type: 'string' } },
    }));
    const result = await callSkill({
      store,
      ref: 'refund_order_full',
      input: { orderId: '8811' },
      tools: widened,
    });
    expect(result).toMatchObject({ ok: true, value: { amount: 39.5 } });
  });
});

describe('findToolSchemaDrift', () => {
  const entry = (inputSchema: Record<string, unknown>): ToolManifestEntry[] => [{ name: 't', inputSchema }];
  const before = entry({
    type: 'object',
    properties: { id: { type: 'string' }, note: { type: 'string' } },
    required: ['id'],
  });

  it('names a removed field, a narrowed type and a field made required', () => {
    const after = entry({ type: 'object', properties: { id: { type: 'number' } }, required: ['id'] });
    expect(findToolSchemaDrift(before, after)).toEqual([
      { tool: 't', field: 'id', change: 'changed type from string to number' },
      { tool: 't', field: 'note', change: 'was removed' },
    ]);
    const required = entry({
      type: 'object',
      properties: { id: { type: 'string' }, note: { type: 'string' } },
      required: ['id', 'note'],
    });
    expect(findToolSchemaDrift(before, required)).toEqual([
      { tool: 't', field: 'note', change: 'is now required' },
    ]);
  });

  it('lets widened types and unchanged schemas pass', () => {
    const widened = entry({
      type: 'object',
      properties: { id: { type: ['string', 'number'] }, note: { type: 'string' } },
      required: ['id'],
    });
    expect(findToolSchemaDrift(before, widened)).toEqual([]);
    expect(findToolSchemaDrift(before, before)).toEqual([]);
  });
});
