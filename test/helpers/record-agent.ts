// A scripted agent: an official SDK client connected to `knack record` (spawned from source via
// tsx, as `knack record --out DIR -- COMMAND ARGS`), in front of a real MCP server.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { McpStdioServer } from '../../src/mcp/index.js';
import { KNACK_FROM_SOURCE } from './run-cli.js';

export interface RecordingAgent {
  client: Client;
  /** The pid of the `knack record` process. */
  pid: number;
  /** What `knack record` wrote on stderr so far. */
  stderr: () => string;
  /** Disconnects (ends stdin) and waits for `knack record` to exit. */
  close: () => Promise<void>;
}

/**
 * Starts `knack record --out outDir ...flags -- upstream` and connects a client to it. The
 * upstream's `env` is passed as leading NAME=value words, the way a user types them.
 */
export async function connectRecordingAgent(
  outDir: string,
  upstream: McpStdioServer,
  flags: readonly string[] = [],
): Promise<RecordingAgent> {
  const envWords = Object.entries(upstream.env ?? {}).map(([name, value]) => `${name}=${value}`);
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [
      ...KNACK_FROM_SOURCE,
      'record',
      '--out',
      outDir,
      ...flags,
      '--',
      ...envWords,
      upstream.command,
      ...(upstream.args ?? []),
    ],
    env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
    stderr: 'pipe',
  });
  let said = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    said += chunk.toString('utf8');
  });
  const client = new Client({ name: 'scripted-agent', version: '1' });
  await client.connect(transport);
  const pid = transport.pid as number;
  const exited = new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      try {
        process.kill(pid, 0);
      } catch {
        clearInterval(poll);
        resolve();
      }
    }, 50);
  });
  return {
    client,
    pid,
    stderr: () => said,
    close: async () => {
      await client.close();
      await exited;
    },
  };
}

/**
 * One session of the employment task as an agent plays it through `knack record` in front of
 * server-memory: the user's request (with the values they gave), a lookup of the company under
 * the name the graph knows, the person, the relation to that name, and the verdict.
 */
export async function recordEmploymentSession(options: {
  outDir: string;
  server: McpStdioServer;
  person: string;
  company: string;
  /** @default 'success' */
  outcome?: 'success' | 'failure';
  /** More `knack record` flags (`--propose`, `--store URL`). */
  flags?: readonly string[];
}): Promise<void> {
  const { person, company } = options;
  const agent = await connectRecordingAgent(options.outDir, options.server, options.flags);
  try {
    const { client } = agent;
    await client.callTool({
      name: 'knack_task',
      arguments: { task: `Record that ${person} works at ${company}.`, input: { person, company } },
    });
    const found = await client.callTool({ name: 'search_nodes', arguments: { query: company } });
    const entities = (found.structuredContent as { entities?: { name: string }[] } | undefined)?.entities;
    const employer = entities?.[0]?.name ?? company;
    await client.callTool({
      name: 'create_entities',
      arguments: { entities: [{ name: person, entityType: 'person', observations: ['employee'] }] },
    });
    await client.callTool({
      name: 'create_relations',
      arguments: { relations: [{ from: person, to: employer, relationType: 'works_at' }] },
    });
    await client.callTool({
      name: 'knack_done',
      arguments: { outcome: options.outcome ?? 'success', answer: { person, employer } },
    });
  } finally {
    await agent.close();
  }
}
