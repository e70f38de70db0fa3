import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KnackError } from '../../core/index.js';
import { runSkill } from '../../sandbox/index.js';
import { connectMcpToolPack } from '../../src/mcp/index.js';
import { freePort, startEverythingHttpServer } from '../helpers/mcp-servers.js';

async function failure(promise: Promise<unknown>): Promise<KnackError> {
  try {
    await promise;
  } catch (error) {
    if (KnackError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected a KnackError');
}

describe('connectMcpToolPack over Streamable HTTP', () => {
  let server: { url: string; stop: () => void };
  beforeAll(async () => {
    server = await startEverythingHttpServer();
  }, 60_000);
  afterAll(() => server?.stop());

  it('lists and calls the tools of a server at a URL', async () => {
    const pack = await connectMcpToolPack({ server: { url: server.url } });
    try {
      expect(pack.label).toBe(`mcp+${server.url}`);
      const result = await runSkill({
        source: `export default async (input: unknown, tools: any) =>
          (await tools.get_structured_content({ location: 'Chicago' })).temperature;`,
        tools: pack,
      });
      expect(result).toMatchObject({ ok: true, value: 36 });
    } finally {
      await pack.close();
    }
  }, 60_000);
});

describe('connectMcpToolPack failures', () => {
  it('names the spec and the reason when the command does not exist', async () => {
    const error = await failure(connectMcpToolPack({ server: { command: 'knack-no-such-server' } }));
    expect(error.code).toBe('MCP_SERVER_FAILED');
    expect(error.message).toBe(
      'mcp+stdio:"knack-no-such-server": the server did not start or answer: spawn knack-no-such-server ENOENT.',
    );
  });

  it('quotes the last line the server wrote when it exits before answering', async () => {
    const script = 'console.error("config missing: set API_ROOT"); process.exit(3)';
    const error = await failure(
      connectMcpToolPack({ server: { command: process.execPath, args: ['-e', script] } }),
    );
    expect(error.code).toBe('MCP_SERVER_FAILED');
    expect(error.message).toMatch(
      /^mcp\+stdio:".*": the server did not start or answer: .*Connection closed; it said: config missing: set API_ROOT\.$/,
    );
  });

  it('gives up after timeoutMs when a process never answers initialize', async () => {
    const script = 'setInterval(() => {}, 1000)';
    const error = await failure(
      connectMcpToolPack({ server: { command: process.execPath, args: ['-e', script] }, timeoutMs: 500 }),
    );
    expect(error.code).toBe('MCP_SERVER_FAILED');
    expect(error.message).toMatch(/timed out/i);
  });

  it('names the URL when nothing listens there', async () => {
    const url = `http://127.0.0.1:${await freePort()}/mcp`;
    const error = await failure(connectMcpToolPack({ server: { url } }));
    expect(error.code).toBe('MCP_SERVER_FAILED');
    expect(error.message).toMatch(new RegExp(`^mcp\\+${url.replace(/[.]/g, '\\.')}: .*ECONNREFUSED`));
    expect(error.message).not.toContain('\n');
  });
});
