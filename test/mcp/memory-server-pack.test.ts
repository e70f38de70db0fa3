import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories, type Trajectory } from '../../compiler/index.js';
import { runSkill } from '../../sandbox/index.js';
import { connectMcpToolPack, type McpToolPack } from '../../src/mcp/index.js';
import { connectClient, memoryServer } from '../helpers/mcp-servers.js';

const server = memoryServer();
let pack: McpToolPack;
let observer: Client;

interface Graph {
  entities: { name: string; entityType: string; observations: string[] }[];
  relations: { from: string; to: string; relationType: string }[];
}

async function readGraph(): Promise<Graph> {
  const result = await observer.callTool({ name: 'read_graph', arguments: {} });
  return result.structuredContent as unknown as Graph;
}

beforeAll(async () => {
  // The companies exist before any run, under fuller names than a user types: the skill must
  // find them and link to the name the graph answered, not the one in its input.
  observer = await connectClient(server);
  await observer.callTool({
    name: 'create_entities',
    arguments: {
      entities: [
        { name: 'Acme Corporation', entityType: 'company', observations: ['makes anvils'] },
        { name: 'Globex Industries', entityType: 'company', observations: ['makes everything'] },
      ],
    },
  });
  pack = await connectMcpToolPack({ server });
}, 60_000);
afterAll(async () => {
  await pack?.close();
  await observer?.close();
});

const acme = { name: 'Acme Corporation', entityType: 'company', observations: ['makes anvils'] };
const trajectory: Trajectory = {
  id: 'employ-alice-acme',
  task: 'Record in memory that Alice works at Acme.',
  input: { person: 'Alice', company: 'Acme' },
  steps: [
    { tool: 'search_nodes', args: { query: 'Acme' }, result: { entities: [acme], relations: [] } },
    {
      tool: 'create_entities',
      args: { entities: [{ name: 'Alice', entityType: 'person', observations: [] }] },
      result: { entities: [{ name: 'Alice', entityType: 'person', observations: [] }] },
    },
    {
      tool: 'create_relations',
      args: { relations: [{ from: 'Alice', to: 'Acme Corporation', relationType: 'works_at' }] },
      result: { relations: [{ from: 'Alice', to: 'Acme Corporation', relationType: 'works_at' }] },
    },
  ],
  outcome: 'success',
  answer: { person: 'Alice', employer: 'Acme Corporation' },
};

describe('connectMcpToolPack on server-memory', () => {
  it('compiles entity-then-relation calls and changes the graph on a new input', async () => {
    const { skills, errors } = await compileTrajectories({
      trajectories: [trajectory],
      manifest: pack.manifest,
    });
    expect(errors).toEqual([]);
    const [skill] = skills;
    expect(skill?.verification.isVerified).toBe(true);
    // The relation's target is read from the search result, not copied from the input.
    expect(skill?.source).toMatch(/to: [a-zA-Z]+\.entities\[0\]\.name|to: [a-zA-Z]+\.name/);
    const result = await runSkill({
      source: skill?.bundle ?? '',
      input: { person: 'Bob', company: 'Globex' },
      tools: pack,
      inputSchema: skill?.inputSchema,
      outputSchema: skill?.outputSchema,
    });
    expect(result).toMatchObject({ ok: true, value: { person: 'Bob', employer: 'Globex Industries' } });
    const graph = await readGraph();
    expect(graph.entities).toContainEqual({ name: 'Bob', entityType: 'person', observations: [] });
    expect(graph.relations).toEqual([{ from: 'Bob', to: 'Globex Industries', relationType: 'works_at' }]);
  }, 60_000);
});
