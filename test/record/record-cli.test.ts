import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, memoryServer } from '../helpers/mcp-servers.js';
import { connectRecordingAgent } from '../helpers/record-agent.js';
import { runCli } from '../helpers/run-cli.js';

const server = memoryServer();
let direct: Client;

function sessionFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
}

function readSession(
  file: string,
): Record<string, unknown> & { steps: unknown[]; recording: Record<string, unknown> } {
  // JSON.parse throws on a half-written file: every read here is a validity check too.
  return JSON.parse(readFileSync(file, 'utf8')) as never;
}

function onlySession(dir: string): string {
  const files = sessionFiles(dir);
  expect(files).toHaveLength(1);
  return files[0] as string;
}

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'knack-sessions-'));
}

beforeAll(async () => {
  direct = await connectClient(server);
  await direct.callTool({
    name: 'create_entities',
    arguments: {
      entities: [{ name: 'Acme Corporation', entityType: 'company', observations: ['makes anvils'] }],
    },
  });
}, 60_000);
afterAll(async () => {
  await direct?.close();
});

// Each test spawns `knack record` from source (tsx) and the memory server behind it.
describe('knack record', { timeout: 180_000 }, () => {
  it('lists the server tools unchanged plus knack_task, knack_note and knack_done', async () => {
    const agent = await connectRecordingAgent(freshDir(), server);
    try {
      const { tools } = await agent.client.listTools();
      const { tools: upstream } = await direct.listTools();
      expect(tools.filter((tool) => !tool.name.startsWith('knack_'))).toEqual(upstream);
      expect(tools.map((tool) => tool.name).filter((name) => name.startsWith('knack_'))).toEqual([
        'knack_task',
        'knack_note',
        'knack_done',
      ]);
    } finally {
      await agent.close();
    }
  });

  it('passes calls and results through unchanged (isError results too) and rewrites a valid file after each call', async () => {
    const dir = freshDir();
    const agent = await connectRecordingAgent(dir, server);
    try {
      const file = onlySession(dir);
      expect(readSession(file)).toMatchObject({ steps: [], recording: { status: 'recording' } });
      await agent.client.callTool({ name: 'knack_task', arguments: { task: 'What do we know about Acme?' } });
      expect(readSession(file).task).toBe('What do we know about Acme?');

      const proxied = await agent.client.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } });
      expect(proxied).toEqual(await direct.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } }));
      expect(readSession(file).steps).toEqual([
        { tool: 'search_nodes', args: { query: 'Acme' }, result: proxied.structuredContent },
      ]);

      const missing = { observations: [{ entityName: 'Nobody', contents: ['x'] }] };
      const failed = await agent.client.callTool({ name: 'add_observations', arguments: missing });
      expect(failed.isError).toBe(true);
      expect(failed).toEqual(await direct.callTool({ name: 'add_observations', arguments: missing }));
      const step = readSession(file).steps[1] as { tool: string; error?: string };
      expect(step.tool).toBe('add_observations');
      expect(step.error).toContain('Nobody');

      const unknownThroughRecord = await agent.client
        .callTool({ name: 'no_such_tool', arguments: {} })
        .catch((error: unknown) => error);
      const unknownDirect = await direct
        .callTool({ name: 'no_such_tool', arguments: {} })
        .catch((error: unknown) => error);
      expect(unknownThroughRecord).toEqual(unknownDirect);
      // The server answers an unknown tool its own way, passed on as is; the call is no step of the task.
      expect(readSession(file).steps).toHaveLength(2);
    } finally {
      await agent.close();
    }
  });

  it('ends a session with knack_done as ended, and one without as incomplete that compile refuses', async () => {
    const doneDir = freshDir();
    const done = await connectRecordingAgent(doneDir, server, ['--task', 'Show me Acme']);
    await done.client.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } });
    await done.client.callTool({ name: 'knack_note', arguments: { note: 'Only the company, please' } });
    await done.client.callTool({
      name: 'knack_done',
      arguments: { outcome: 'success', answer: 'Acme Corporation' },
    });
    await done.close();
    expect(readSession(onlySession(doneDir))).toMatchObject({
      task: 'Show me Acme',
      context: ['Only the company, please'],
      outcome: 'success',
      answer: 'Acme Corporation',
      recording: { status: 'ended', taskFrom: 'flag', outcomeFrom: 'agent' },
    });

    const openDir = freshDir();
    const open = await connectRecordingAgent(openDir, server);
    await open.client.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } });
    await open.close();
    const file = onlySession(openDir);
    const session = readSession(file);
    expect(session.recording.status).toBe('incomplete');
    expect(session).not.toHaveProperty('outcome');
    expect(session).not.toHaveProperty('task');
    // The server's tools as the session recorded them: the manifest to compile against.
    const manifest = join(openDir, 'manifest.json');
    writeFileSync(manifest, JSON.stringify(session.recording.tools));

    const refused = runCli(['compile', file, '--tools', manifest]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(file);
    expect(refused.stderr).toContain('knack record mark');
    expect(refused.stderr).toContain('--task');

    expect(runCli(['record', 'mark', file, '--task', 'Show me Acme']).status).toBe(0);
    const stillOpen = runCli(['compile', file, '--tools', manifest]);
    expect(stillOpen.stderr).toContain('ended without `knack_done`');
    expect(stillOpen.stderr).toContain(`knack record mark ${file} --outcome success`);

    expect(runCli(['record', 'mark', file, '--outcome', 'success']).status).toBe(0);
    expect(readSession(file)).toMatchObject({
      task: 'Show me Acme',
      outcome: 'success',
      recording: { taskFrom: 'mark', outcomeFrom: 'mark' },
    });
    const accepted = runCli(['compile', file, '--tools', manifest]);
    expect(accepted.stderr).not.toContain('INVALID_TRAJECTORY');
  });

  it('writes secrets in arguments, results and the task as placeholders, and passes the real values on', async () => {
    const dir = freshDir();
    const agent = await connectRecordingAgent(dir, server);
    const key = 'sk-live4f9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c';
    const password = 'hunter2-correct-horse';
    try {
      await agent.client.callTool({
        name: 'knack_task',
        arguments: { task: `Store the deploy key ${key} for the bot` },
      });
      const created = await agent.client.callTool({
        name: 'create_entities',
        arguments: {
          entities: [{ name: 'deploy-bot', entityType: 'service', observations: [`key ${key}`, key] }],
        },
      });
      // The server got the real key: it echoes it back to the agent.
      expect(JSON.stringify(created)).toContain(key);
      await agent.client
        .callTool({
          name: 'add_observations',
          arguments: {
            observations: [{ entityName: 'deploy-bot', contents: [password] }],
            password,
          } as never,
        })
        .catch(() => undefined);
    } finally {
      await agent.close();
    }
    const bytes = readFileSync(onlySession(dir), 'utf8');
    expect(bytes).not.toContain(key);
    expect(bytes).not.toContain(key.slice(3));
    expect(bytes).toContain('<secret-1>');
    expect(bytes).toContain('Store the deploy key <secret-1> for the bot');
    const graph = await direct.callTool({ name: 'open_nodes', arguments: { names: ['deploy-bot'] } });
    expect(JSON.stringify(graph)).toContain(key);
  });

  it('leaves a valid file holding every finished call when the recorder is killed mid-session', async () => {
    const dir = freshDir();
    const agent = await connectRecordingAgent(dir, server);
    await agent.client.callTool({ name: 'knack_task', arguments: { task: 'Find Acme' } });
    await agent.client.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } });
    await agent.client.callTool({ name: 'open_nodes', arguments: { names: ['Acme Corporation'] } });
    process.kill(agent.pid, 'SIGKILL');
    await agent.close();
    const session = readSession(onlySession(dir));
    expect(session.steps.map((step) => (step as { tool: string }).tool)).toEqual([
      'search_nodes',
      'open_nodes',
    ]);
    expect(session.recording.status).toBe('recording');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('ends the session when the server behind it goes away, the file marked incomplete', async () => {
    const dir = freshDir();
    const agent = await connectRecordingAgent(dir, server);
    await agent.client.callTool({ name: 'search_nodes', arguments: { query: 'Acme' } });
    const disconnected = new Promise<void>((resolve) => {
      agent.client.onclose = () => resolve();
    });
    // The memory server is the recorder's only child process.
    const children = execFileSync('pgrep', ['-P', String(agent.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n');
    expect(children).toHaveLength(1);
    process.kill(Number(children[0]), 'SIGKILL');
    await disconnected;
    await agent.close();
    expect(readSession(onlySession(dir))).toMatchObject({
      steps: [{ tool: 'search_nodes' }],
      recording: { status: 'incomplete' },
    });
  });

  it('names the missing upstream in a one-line usage error, exit 2', () => {
    const result = runCli(['record', '--out', freshDir()]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('-- COMMAND ARGS');
  });
});
