import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories, type Trajectory } from '../../compiler/index.js';
import { combineToolPacks, runSkill, type ToolPack } from '../../sandbox/index.js';
import { connectMcpToolPack, type McpToolPack } from '../../src/mcp/index.js';
import { connectClient, everythingServer, memoryServer } from '../helpers/mcp-servers.js';

const memory = memoryServer();
let weatherPack: McpToolPack;
let memoryPack: McpToolPack;
let tools: ToolPack;
let observer: Client;

beforeAll(async () => {
  // One pack prefixed when connecting, the other when combining: both ways give dotted names.
  [weatherPack, memoryPack] = await Promise.all([
    connectMcpToolPack({ server: everythingServer() }),
    connectMcpToolPack({ server: memory, prefix: 'memory' }),
  ]);
  tools = combineToolPacks([{ pack: weatherPack, prefix: 'weather' }, { pack: memoryPack }]);
  observer = await connectClient(memory);
}, 60_000);
afterAll(async () => {
  await Promise.all([weatherPack?.close(), memoryPack?.close(), observer?.close()]);
});

const trajectory: Trajectory = {
  id: 'remember-weather-chicago',
  task: 'Remember the weather in Chicago.',
  input: { location: 'Chicago' },
  steps: [
    {
      tool: 'weather.get_structured_content',
      args: { location: 'Chicago' },
      result: { temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 },
    },
    {
      tool: 'memory.create_entities',
      args: { entities: [{ name: 'Chicago', entityType: 'city', observations: ['Light rain / drizzle'] }] },
      result: { entities: [{ name: 'Chicago', entityType: 'city', observations: ['Light rain / drizzle'] }] },
    },
  ],
  outcome: 'success',
  answer: { remembered: 'Light rain / drizzle' },
};

describe('MCP packs combined under prefixes', () => {
  it('lists each pack under its prefix', () => {
    const names = tools.manifest.map((tool) => tool.name);
    expect(names).toContain('weather.get_structured_content');
    expect(names).toContain('memory.read_graph');
    expect(names.every((name) => /^(weather|memory)\./.test(name))).toBe(true);
  });

  it('compiles a trajectory across two servers and runs it as tools.weather.* and tools.memory.*', async () => {
    const { skills, errors } = await compileTrajectories({
      trajectories: [trajectory],
      manifest: tools.manifest,
    });
    expect(errors).toEqual([]);
    const [skill] = skills;
    expect(skill?.verification.isVerified).toBe(true);
    expect(skill?.source).toContain('tools.weather.get_structured_content(');
    const result = await runSkill({ source: skill?.bundle ?? '', input: { location: 'New York' }, tools });
    expect(result).toMatchObject({ ok: true, value: { remembered: 'Cloudy' } });
    const graph = await observer.callTool({ name: 'read_graph', arguments: {} });
    expect(graph.structuredContent).toMatchObject({
      entities: [{ name: 'New York', entityType: 'city', observations: ['Cloudy'] }],
    });
  }, 60_000);
});
