// The loop of issue 16 end to end: an agent's sessions recorded by `knack record` in front of a
// real MCP server become a proposed skill (`knack propose`), a reviewer approves it, `knack serve`
// offers it, and the agent runs it on a new input with the right effect on the server's state.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProposeSkillsResult } from '../../src/record/index.js';
import { openStore } from '../../src/store/index.js';
import { connectClient, memoryServer } from '../helpers/mcp-servers.js';
import { recordEmploymentSession } from '../helpers/record-agent.js';
import { runCli, KNACK_FROM_SOURCE } from '../helpers/run-cli.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const server = memoryServer();
let observer: Client;

beforeAll(async () => {
  observer = await connectClient(server);
  await observer.callTool({
    name: 'create_entities',
    arguments: {
      entities: [
        { name: 'Acme Corporation', entityType: 'company', observations: [] },
        { name: 'Globex Industries', entityType: 'company', observations: [] },
        { name: 'Initech Software', entityType: 'company', observations: [] },
        { name: 'Umbrella Pharmaceuticals', entityType: 'company', observations: [] },
      ],
    },
  });
}, 60_000);
afterAll(async () => {
  await observer?.close();
});

describe('record -> propose -> review -> serve -> run', { timeout: 300_000 }, () => {
  it('runs the skill proposed from three recorded sessions on a fourth input through knack serve', async () => {
    const sessions = mkdtempSync(join(tmpdir(), 'knack-loop-'));
    for (const [person, company] of [
      ['Alice', 'Acme'],
      ['Bob', 'Globex'],
      ['Carol', 'Initech'],
    ] as const)
      await recordEmploymentSession({ outDir: sessions, server, person, company });

    const temp = await openTempStore();
    await temp.store.close(); // the CLI and the server open it themselves
    const { url } = temp;
    const proposed = runCli(['propose', sessions, '--store', url, '--json']);
    expect(proposed.status, proposed.stderr).toBe(0);
    const { published } = JSON.parse(proposed.stdout) as ProposeSkillsResult;
    expect(published).toHaveLength(1);
    const ref = published[0] as string;
    const name = ref.split('@')[0] as string;

    const store = await openStore({ url });
    try {
      await store.review(ref, {
        decision: 'approve',
        by: 'ana',
        note: 'links people to the company the graph knows',
      });
      await store.promote(ref, { by: 'ana' });
    } finally {
      await store.close();
    }

    const memorySpec = `mcp+stdio:"MEMORY_FILE_PATH=${server.env.MEMORY_FILE_PATH} ${server.command} ${(server.args ?? []).join(' ')}"`;
    const agent = new Client({ name: 'agent', version: '1' });
    await agent.connect(
      new StdioClientTransport({
        command: process.execPath,
        args: [...KNACK_FROM_SOURCE, 'serve', '--store', url, '--tools', memorySpec],
        env: { ...(process.env as Record<string, string>), NO_COLOR: '1' },
        stderr: 'ignore',
      }),
    );
    try {
      const { tools } = await agent.listTools();
      expect(tools.map((tool) => tool.name)).toContain('run_skill');
      const result = (await agent.callTool({
        name: 'run_skill',
        arguments: { ref: name, input: { person: 'Erin', company: 'Umbrella' } },
      })) as { isError?: boolean; content: { text: string }[] };
      expect(result.isError, result.content[0]?.text).toBeFalsy();
      expect(result.content[0]?.text).toContain('Umbrella Pharmaceuticals');
    } finally {
      await agent.close();
    }
    const graph = (await observer.callTool({ name: 'read_graph', arguments: {} })).structuredContent as {
      relations: { from: string; to: string; relationType: string }[];
    };
    expect(graph.relations).toContainEqual({
      from: 'Erin',
      to: 'Umbrella Pharmaceuticals',
      relationType: 'works_at',
    });
  });
});
