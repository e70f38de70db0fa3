import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { SkillStore } from '../../src/store/index.js';
import { runCli, KNACK_FROM_SOURCE } from '../helpers/run-cli.js';
import {
  DESK_PACK,
  connectTestClient,
  openServedLibrary,
  type TestClient,
} from '../helpers/served-library.js';

type ToolResult = {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

/** `knack serve` as an MCP client spawns it: node + tsx, the protocol on stdin/stdout. */
function serveTransport(
  storeUrl: string,
  extra: string[],
): { transport: StdioClientTransport; stderr: () => string } {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [...KNACK_FROM_SOURCE, 'serve', '--store', storeUrl, '--tools', DESK_PACK, ...extra],
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { transport, stderr: () => stderr };
}

async function call(test: TestClient, name: string, args: Record<string, unknown>): Promise<ToolResult> {
  return (await test.client.callTool({ name, arguments: args })) as ToolResult;
}

describe('knack serve over stdio, --expose all --confirm destructive', () => {
  let store: SkillStore;
  let url: string;
  let accepting: TestClient;
  let declining: TestClient;
  let stderr: () => string;
  beforeAll(async () => {
    ({ store, url } = await openServedLibrary());
    // Not served at start: a promote in another process brings it back.
    await store.setStatus('thank_reporter_ticket@1', 'deprecated', { by: 'test' });
    const first = serveTransport(url, ['--expose', 'all', '--confirm', 'destructive']);
    stderr = first.stderr;
    const second = serveTransport(url, ['--confirm', 'destructive']);
    [accepting, declining] = await Promise.all([
      connectTestClient(first.transport, 'accept'),
      connectTestClient(second.transport, 'decline'),
    ]);
  }, 120_000);
  afterAll(async () => {
    await accepting?.client.close();
    await declining?.client.close();
    await store?.close();
  });

  it('lists each served skill as a tool with its schemas and annotations; logs only on stderr', async () => {
    const { tools } = await accepting.client.listTools();
    const names = tools.map((tool) => tool.name);
    expect(names.slice(0, 4)).toEqual(['search_skills', 'get_skill', 'run_skill', 'report_outcome']);
    expect(names).toContain('refund_order_full');
    expect(names).not.toContain('thank_reporter_ticket');
    const status = tools.find((tool) => tool.name === 'order_carrier_status');
    expect(status?.annotations).toMatchObject({ readOnlyHint: true });
    expect(status?.inputSchema).toMatchObject({ type: 'object', required: ['orderId'] });
    expect(status?.outputSchema).toMatchObject({ type: 'object' });
    const refund = tools.find((tool) => tool.name === 'refund_order_full');
    expect(refund?.annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });
    expect(stderr()).toContain('knack serve: ');
  });

  it('runs a listed skill by its own name, with structuredContent', async () => {
    const result = await call(accepting, 'order_carrier_status', { orderId: '8811' });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ carrier: expect.any(String) });
    // A read-only skill asks nobody.
    expect(accepting.asked).toEqual([]);
  });

  it('asks the user before each destructive call and runs on when they accept', async () => {
    const result = await call(accepting, 'run_skill', {
      ref: 'refund_order_full',
      input: { orderId: '8811' },
    });
    expect(result.isError).toBeUndefined();
    expect(result.structuredContent).toMatchObject({ value: { amount: 39.5 } });
    expect(accepting.asked).toHaveLength(2);
    expect(accepting.asked[0]).toMatch(/refund_order_full@1 wants to call `refund_order`/);
    expect(accepting.asked[1]).toMatch(/`send_email`/);
  });

  it('fails cleanly with DECLINED when the user refuses, before the tool runs', async () => {
    const result = await call(declining, 'run_skill', {
      ref: 'refund_order_full',
      input: { orderId: '8811' },
    });
    expect(result.isError).toBe(true);
    const text = result.content[0]?.text ?? '';
    expect(text).toMatch(/^DECLINED: Step 2: the call to `refund_order` was declined/);
    expect(text).toContain('No effectful tool call completed before the failure.');
    expect(declining.asked).toHaveLength(1);
    // The server lives on: the same order can still be read.
    const read = await call(declining, 'run_skill', {
      ref: 'order_carrier_status',
      input: { orderId: '8811' },
    });
    expect(read.isError).toBeUndefined();
    expect((await store.get('refund_order_full@1')).reliability.failures).toMatchObject({ DECLINED: 1 });
  });

  it('sends tools/list_changed after a promote in another process', async () => {
    const changed = accepting.nextListChange();
    const promote = runCli(['promote', 'thank_reporter_ticket@1', '--store', url, '--by', 'reviewer']);
    expect(promote.status, promote.stderr).toBe(0);
    await changed;
    const { tools } = await accepting.client.listTools();
    expect(tools.map((tool) => tool.name)).toContain('thank_reporter_ticket');
  }, 60_000);
});

describe('knack serve stdio hygiene', () => {
  it('writes only JSON-RPC to stdout and exits 0 when the client closes stdin', async () => {
    const { spawn } = await import('node:child_process');
    const { store, url } = await openServedLibrary();
    await store.close();
    const child = spawn(
      process.execPath,
      [...KNACK_FROM_SOURCE, 'serve', '--store', url, '--tools', DESK_PACK],
      { env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const answered = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('\n')) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    child.stdin.write(
      `${JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'raw', version: '1' },
        },
      })}\n`,
    );
    await answered;
    child.stdin.end();
    expect(await exited, stderr).toBe(0);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ jsonrpc: '2.0' });
    expect(JSON.parse(lines[0] as string)).toMatchObject({
      id: 1,
      result: { serverInfo: { name: 'knack' } },
    });
    expect(stderr).toMatch(/knack serve: .*stdio/);
  }, 60_000);
});
