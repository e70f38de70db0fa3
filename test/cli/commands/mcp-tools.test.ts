import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTempStore } from '../../helpers/temp-sqlite-store.js';
import { runCli } from '../../helpers/run-cli.js';
import {
  connectClient,
  EVERYTHING_SERVER_BIN,
  MEMORY_SERVER_BIN,
  memoryServer,
  startEverythingHttpServer,
} from '../../helpers/mcp-servers.js';

const trajectory = join(import.meta.dirname, '../../fixtures/mcp/remember-weather-chicago.json');
const memory = memoryServer();
// Two MCP servers, each under a prefix; the memory server's file goes in by a leading NAME=value.
const tools = [
  '--tools',
  `weather=mcp+stdio:"${process.execPath} ${EVERYTHING_SERVER_BIN} stdio"`,
  '--tools',
  `memory=mcp+stdio:"MEMORY_FILE_PATH=${memory.env.MEMORY_FILE_PATH} ${process.execPath} ${MEMORY_SERVER_BIN}"`,
];
let store = '';
let observer: Client;

beforeAll(async () => {
  const temp = await openTempStore();
  store = temp.url;
  await temp.store.close();
  observer = await connectClient(memory);
}, 60_000);
afterAll(() => observer?.close());

describe('--tools mcp+stdio: with knack compile and knack run', { timeout: 120_000 }, () => {
  it('compiles against two prefixed servers and runs the skill, changing the server state', async () => {
    const compiled = runCli(['compile', trajectory, ...tools, '--publish', '--store', store]);
    expect(compiled.stderr).toContain('published remember_weather@1 (verified)');
    expect(compiled.stdout).toContain('permissions: memory.create_entities, weather.get_structured_content');
    expect(compiled.status).toBe(0);

    const run = runCli([
      'run',
      'remember_weather@1',
      ...tools,
      '--input',
      '{"location":"Los Angeles"}',
      '--store',
      store,
    ]);
    expect(run.stderr).toContain('memory.create_entities(');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ remembered: 'Sunny / Clear' });
    const graph = await observer.callTool({ name: 'read_graph', arguments: {} });
    expect(graph.structuredContent).toMatchObject({
      entities: [{ name: 'Los Angeles', entityType: 'city', observations: ['Sunny / Clear'] }],
    });
  }, 120_000);

  it('fails in one line naming the spec and the reason when a server does not start', () => {
    const result = runCli([
      'run',
      'remember_weather@1',
      '--tools',
      'mcp+stdio:"knack-no-such-server --x"',
      '--store',
      store,
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'error MCP_SERVER_FAILED: mcp+stdio:"knack-no-such-server --x": the server did not start or answer: spawn knack-no-such-server ENOENT.\n',
    );
  });

  it('exits 2 naming a malformed spec or a tool name two specs give', () => {
    const malformed = runCli(['compile', trajectory, '--tools', 'mcp+stdio:"node \'x.js"']);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain('Unterminated');
    const everything = `mcp+stdio:"${process.execPath} ${EVERYTHING_SERVER_BIN} stdio"`;
    const twice = runCli(['compile', trajectory, '--tools', everything, '--tools', everything]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/`echo` comes from two specs; put one under a prefix \(NAME=SPEC\)/);
  }, 60_000);
});

describe('--tools mcp+http:', { timeout: 120_000 }, () => {
  let server: { url: string; stop: () => void };
  beforeAll(async () => {
    server = await startEverythingHttpServer();
  }, 60_000);
  afterAll(() => server?.stop());

  it('compiles against a server reached over Streamable HTTP, combined with a stdio one', () => {
    const result = runCli([
      'compile',
      trajectory,
      '--tools',
      `weather=mcp+${server.url}`,
      tools[2] as string,
      tools[3] as string,
    ]);
    expect(result.stdout).toContain('remember_weather  verified');
    expect(result.status).toBe(0);
  }, 60_000);
});
