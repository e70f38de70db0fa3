// The real MCP servers from npm (devDependencies), started from node_modules with this Node:
// the network reaches only the registry, so nothing is fetched at test time (no `npx -y`).
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { McpStdioServer } from '../../src/mcp/index.js';

const require = createRequire(import.meta.url);

function binOf(name: string): string {
  const manifest = require.resolve(`${name}/package.json`);
  const { bin } = require(manifest) as { bin: Record<string, string> };
  const [entry] = Object.values(bin);
  if (!entry) throw new Error(`${name} has no bin entry`);
  return join(dirname(manifest), entry);
}

/** `dist/index.js` of `@modelcontextprotocol/server-everything`. */
export const EVERYTHING_SERVER_BIN: string = binOf('@modelcontextprotocol/server-everything');
/** `dist/index.js` of `@modelcontextprotocol/server-memory`. */
export const MEMORY_SERVER_BIN: string = binOf('@modelcontextprotocol/server-memory');

/** server-everything over stdio. */
export function everythingServer(): McpStdioServer {
  return { command: process.execPath, args: [EVERYTHING_SERVER_BIN, 'stdio'] };
}

/** server-memory over stdio, its knowledge graph in a fresh temp file (or `file`). */
export function memoryServer(
  file = join(mkdtempSync(join(tmpdir(), 'knack-memory-')), 'memory.jsonl'),
): McpStdioServer & { env: { MEMORY_FILE_PATH: string } } {
  return { command: process.execPath, args: [MEMORY_SERVER_BIN], env: { MEMORY_FILE_PATH: file } };
}

/** Connects a separate plain SDK client, to look at a server's state from outside a run. */
export async function connectClient(server: McpStdioServer): Promise<Client> {
  const client = new Client({ name: 'knack-test', version: '1' });
  await client.connect(
    new StdioClientTransport({
      command: server.command,
      args: server.args ?? [],
      ...(server.env ? { env: server.env } : {}),
      stderr: 'ignore',
    }),
  );
  return client;
}

/** A port nothing listens on right now (freed again before it is returned). */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** server-everything over Streamable HTTP on a free loopback port; `stop()` ends its process. */
export async function startEverythingHttpServer(): Promise<{ url: string; stop: () => void }> {
  const { spawn } = await import('node:child_process');
  const port = await freePort();
  const child = spawn(process.execPath, [EVERYTHING_SERVER_BIN, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let said = '';
    child.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString('utf8');
      if (said.includes('listening on port')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server-everything exited (${code}): ${said}`)));
  });
  return { url: `http://127.0.0.1:${port}/mcp`, stop: () => child.kill() };
}
