import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories, type Trajectory } from '../../compiler/index.js';
import { runSkill } from '../../sandbox/index.js';
import { connectMcpToolPack, type McpToolPack } from '../../src/mcp/index.js';
import { everythingServer } from '../helpers/mcp-servers.js';

let pack: McpToolPack;

beforeAll(async () => {
  pack = await connectMcpToolPack({ server: everythingServer() });
}, 60_000);
afterAll(() => pack?.close());

// An agent looked up the weather, then added two of its numbers with another tool: the second
// call's arguments come from the first call's structured result.
const trajectory: Trajectory = {
  id: 'weather-sum-chicago',
  task: 'Get the weather in Chicago and add its temperature and humidity.',
  input: { location: 'Chicago' },
  steps: [
    {
      tool: 'get_structured_content',
      args: { location: 'Chicago' },
      result: { temperature: 36, conditions: 'Light rain / drizzle', humidity: 82 },
    },
    { tool: 'get_sum', args: { a: 36, b: 82 }, result: 'The sum of 36 and 82 is 118.' },
  ],
  outcome: 'success',
  answer: { conditions: 'Light rain / drizzle', sum: 'The sum of 36 and 82 is 118.' },
};

describe('connectMcpToolPack on server-everything', () => {
  it('reads tools/list as the manifest: schemas, output schema and annotations, `-` names as `_`', () => {
    const entry = pack.manifest.find((tool) => tool.name === 'get_structured_content');
    expect(entry).toMatchObject({
      inputSchema: { type: 'object', required: ['location'] },
      outputSchema: { type: 'object', required: ['temperature', 'conditions', 'humidity'] },
      annotations: { readOnlyHint: true, destructiveHint: false },
    });
    expect(pack.mcpNames.get('get_structured_content')).toBe('get-structured-content');
    expect(pack.manifest.map((tool) => tool.name)).toContain('echo');
  });

  it('returns structuredContent when given, else the text (parsed when it is JSON)', async () => {
    const context = { step: 1, signal: new AbortController().signal };
    const call = (name: string, args: unknown): unknown => pack.handlers.get(name)?.(args, context);
    await expect(call('get_structured_content', { location: 'New York' })).resolves.toEqual({
      temperature: 33,
      conditions: 'Cloudy',
      humidity: 82,
    });
    await expect(call('echo', { message: 'hi' })).resolves.toBe('Echo: hi');
  });

  it('compiles a trajectory against the server and runs the skill on a new input', async () => {
    const { skills, errors } = await compileTrajectories({
      trajectories: [trajectory],
      manifest: pack.manifest,
    });
    expect(errors).toEqual([]);
    const [skill] = skills;
    expect(skill?.verification.isVerified).toBe(true);
    expect(skill?.permissions.sort()).toEqual(['get_structured_content', 'get_sum']);
    const result = await runSkill({
      source: skill?.bundle ?? '',
      input: { location: 'Los Angeles' },
      tools: pack,
      inputSchema: skill?.inputSchema,
      outputSchema: skill?.outputSchema,
    });
    expect(result).toMatchObject({
      ok: true,
      value: { conditions: 'Sunny / Clear', sum: 'The sum of 73 and 48 is 121.' },
    });
    expect(result.trace.map((call) => call.args)).toEqual([{ location: 'Los Angeles' }, { a: 73, b: 48 }]);
  }, 60_000);

  it('fails the run with TOOL_FAILED carrying the server text when a result has isError', async () => {
    const result = await runSkill({
      source: `export default async (input: unknown, tools: any) =>
        tools.gzip_file_as_resource({ name: 'x.gz', data: 'ftp://example.com/x' });`,
      tools: pack,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('TOOL_FAILED');
    expect(result.error.message).toMatch(/gzip_file_as_resource.*Unsupported URL protocol/);
    expect(result.trace[0]?.error?.code).toBe('TOOL_FAILED');
  });
});

describe('McpToolPack lifecycle', () => {
  it('closes idempotently; a call after close fails the run instead of reaching the server', async () => {
    const own = await connectMcpToolPack({ server: everythingServer() });
    await own.close();
    await own.close();
    expect(own.isClosed).toBe(true);
    const result = await runSkill({
      source: `export default async (input: unknown, tools: any) => tools.echo({ message: 'late' });`,
      tools: own,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'TOOL_FAILED' } });
    expect(result.ok || result.error.message).toMatch(/closed/);
  }, 60_000);
});
