import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { describe, expect, it } from 'vitest';
import { connectMcpToolPack } from '../../src/mcp/index.js';
import { recordMcpSession } from '../../src/record/index.js';
import { everythingServer, startEverythingHttpServer } from '../helpers/mcp-servers.js';

describe('recordMcpSession', { timeout: 60_000 }, () => {
  it('records tools under the names a pack of the same server gives them, results as the pack reads them', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'knack-record-api-'));
    const [agentSide, serverSide] = InMemoryTransport.createLinkedPair();
    const session = await recordMcpSession({
      upstream: everythingServer(),
      outDir,
      transport: serverSide,
      id: 'sum-1',
    });
    const agent = new Client({ name: 'agent', version: '1' });
    await agent.connect(agentSide);
    await using pack = await connectMcpToolPack({ server: everythingServer() });
    expect(session.manifest?.map((tool) => tool.name)).toEqual(pack.manifest.map((tool) => tool.name));

    const { tools } = await agent.listTools();
    const dashed = tools.find((tool) => tool.name.includes('-') && tool.name.includes('sum'));
    expect(dashed?.name).toBe('get-sum');
    await agent.callTool({ name: 'knack_task', arguments: { task: 'Add 2 and 3', input: { a: 2, b: 3 } } });
    const answered = await agent.callTool({ name: 'get-sum', arguments: { a: 2, b: 3 } });
    await agent.callTool({ name: 'knack_done', arguments: { outcome: 'success', answer: 5 } });
    const summary = await session.close();
    expect(summary).toEqual({
      id: 'sum-1',
      file: join(outDir, 'sum-1.json'),
      status: 'ended',
      steps: 1,
      task: 'Add 2 and 3',
      outcome: 'success',
    });
    expect(session.isClosed).toBe(true);
    const written = JSON.parse(readFileSync(summary.file, 'utf8')) as {
      steps: { tool: string; result: unknown }[];
    };
    const viaPack = await pack.handlers.get('get_sum')?.({ a: 2, b: 3 }, {
      signal: new AbortController().signal,
    } as never);
    expect(written).toMatchObject({
      input: { a: 2, b: 3 },
      steps: [{ tool: 'get_sum', args: { a: 2, b: 3 } }],
    });
    expect(written.steps[0]?.result).toEqual(viaPack);
    // The agent got the server's own answer, passed through unchanged.
    expect(JSON.stringify(answered.content)).toContain('5');
    expect(answered.isError).toBeFalsy();
  });

  it("passes the server's progress notifications on to the agent, under the agent's token", async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'knack-record-api-'));
    const [agentSide, serverSide] = InMemoryTransport.createLinkedPair();
    await using session = await recordMcpSession({
      upstream: everythingServer(),
      outDir,
      transport: serverSide,
    });
    const agent = new Client({ name: 'agent', version: '1' });
    await agent.connect(agentSide);
    const progress: { progress: number; total?: number }[] = [];
    const result = await agent.callTool(
      { name: 'trigger-long-running-operation', arguments: { duration: 0.3, steps: 3 } },
      undefined,
      { onprogress: (update) => progress.push({ progress: update.progress, total: update.total }) },
    );
    expect(result.content).toEqual([
      { type: 'text', text: 'Long running operation completed. Duration: 0.3 seconds, Steps: 3.' },
    ]);
    // The last update leaves the server right before the result; an SDK client handles a
    // notification a microtask after a response read with it, so it may drop that one (directly too).
    expect(progress.slice(0, 2)).toEqual([
      { progress: 1, total: 3 },
      { progress: 2, total: 3 },
    ]);
    expect(session.isClosed).toBe(false);
  });

  it('answers a knack tool call with bad arguments as an isError result naming the field', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'knack-record-api-'));
    const [agentSide, serverSide] = InMemoryTransport.createLinkedPair();
    await using session = await recordMcpSession({
      upstream: everythingServer(),
      outDir,
      transport: serverSide,
    });
    const agent = new Client({ name: 'agent', version: '1' });
    await agent.connect(agentSide);
    const result = await agent.callTool({ name: 'knack_done', arguments: { outcome: 'done' } });
    expect(result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: expect.stringContaining('`outcome`') }],
    });
    expect(session.file).toMatch(/\.json$/);
  });

  it('refuses options without an outDir or a transport, naming the field', async () => {
    await expect(
      recordMcpSession({
        upstream: everythingServer(),
        outDir: '',
        transport: InMemoryTransport.createLinkedPair()[1],
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'outDir' },
    });
    await expect(
      recordMcpSession({ upstream: everythingServer(), outDir: tmpdir(), transport: undefined as never }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'transport' },
    });
  });

  it('proxies a Streamable HTTP server (`upstream: { url }`) and marks a session closed without knack_done incomplete', async () => {
    const http = await startEverythingHttpServer();
    try {
      const outDir = mkdtempSync(join(tmpdir(), 'knack-record-http-'));
      const [agentSide, serverSide] = InMemoryTransport.createLinkedPair();
      const session = await recordMcpSession({
        upstream: { url: http.url },
        outDir,
        transport: serverSide,
        task: 'Echo hi',
      });
      const agent = new Client({ name: 'agent', version: '1' });
      await agent.connect(agentSide);
      const echoed = await agent.callTool({ name: 'echo', arguments: { message: 'hi' } });
      expect(echoed.content).toEqual([{ type: 'text', text: 'Echo: hi' }]);
      await agent.close();
      const summary = await session.ended;
      expect(summary).toMatchObject({ status: 'incomplete', steps: 1, task: 'Echo hi' });
      expect(JSON.parse(readFileSync(summary.file, 'utf8'))).toMatchObject({
        task: 'Echo hi',
        steps: [{ tool: 'echo', args: { message: 'hi' }, result: 'Echo: hi' }],
        recording: { status: 'incomplete', server: `mcp+${http.url}`, taskFrom: 'flag' },
      });
    } finally {
      http.stop();
    }
  });
});
