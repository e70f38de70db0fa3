import { connectMcpClient } from './connect-mcp-client.js';
import { createMcpToolPack, type McpToolPack } from './mcp-tool-pack.js';
import { formatMcpServerTarget, type McpServerTarget } from './mcp-server-target.js';

/** Options of `connectMcpToolPack`. */
export interface ConnectMcpToolPackOptions {
  /** The server: `{ command, args?, env?, cwd? }` (stdio) or `{ url, headers? }` (Streamable HTTP). */
  server: McpServerTarget;
  /** Puts every tool under this name: `fs` gives `fs.read_file` (`tools.fs.read_file`). @default none */
  prefix?: string;
  /** Limit on starting the server, the `initialize` handshake and `tools/list`, in ms. @default 30000 */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Connects an MCP client to a server (started over stdio, or at a Streamable HTTP URL) and
 * returns its tools as a pack (see `createMcpToolPack`); `close()` ends the session and a stdio
 * server's process. The MCP SDK loads on first use.
 * @throws KnackError `MCP_SERVER_FAILED` naming the server and the reason when it does not start,
 *   answer or list its tools in time; `INVALID_MANIFEST` when a tool does not fit.
 * @example
 * const memory = await connectMcpToolPack({
 *   server: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
 *   prefix: 'memory',
 * });
 * try { console.log(memory.manifest.map((tool) => tool.name)); } finally { await memory.close(); }
 */
export async function connectMcpToolPack(options: ConnectMcpToolPackOptions): Promise<McpToolPack> {
  const label = formatMcpServerTarget(options.server);
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = await connectMcpClient({
    server: options.server,
    timeoutMs,
    ...(options.signal ? { signal: options.signal } : {}),
  });
  try {
    return await createMcpToolPack({
      client,
      label,
      timeoutMs,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    await client.close().catch(() => undefined); // the listing failure is the error worth reporting
    throw error;
  }
}
