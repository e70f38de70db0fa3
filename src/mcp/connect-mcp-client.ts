import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { KnackError } from '../../core/index.js';
import { formatMcpServerTarget, type McpServerTarget } from './mcp-server-target.js';
import { reasonOf } from './_reason-of.js';

/** Options of `connectMcpClient`. */
export interface ConnectMcpClientOptions {
  /** The server: `{ command, args?, env?, cwd? }` (stdio) or `{ url, headers? }` (Streamable HTTP). */
  server: McpServerTarget;
  /** Limit on starting the server and the `initialize` handshake, in ms. @default 30000 */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** How the client introduces itself. @default `{ name: 'knack', version: '1' }` */
  clientInfo?: { name: string; version: string };
}

const stderrTailBytes = 2048;

/** What a failed connect must clean up and report: the end of stderr, the child's pid. */
interface StdioTrail {
  tail: string;
  pid?: number;
}

async function createTransport(server: McpServerTarget, trail: StdioTrail): Promise<Transport> {
  if ('url' in server) {
    const { StreamableHTTPClientTransport } =
      await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    return new StreamableHTTPClientTransport(new URL(server.url), {
      ...(server.headers ? { requestInit: { headers: server.headers } } : {}),
    });
  }
  const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
  const transport = new StdioClientTransport({
    command: server.command,
    args: server.args ?? [],
    ...(server.env ? { env: server.env } : {}),
    ...(server.cwd ? { cwd: server.cwd } : {}),
    stderr: 'pipe',
  });
  // Keep the end of the server's stderr: when it dies on start, that is usually the reason.
  transport.stderr?.on('data', (chunk: Buffer) => {
    trail.tail = (trail.tail + chunk.toString('utf8')).slice(-stderrTailBytes);
  });
  // When initialize fails, the SDK closes the transport in the background and forgets the child;
  // one that ignores the end of stdin would outlive us. Note its pid to end it for sure.
  const start = transport.start.bind(transport);
  transport.start = async (): Promise<void> => {
    await start();
    trail.pid = transport.pid ?? undefined;
  };
  return transport;
}

function killProcess(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: it has already exited, which is all we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim().slice(0, 300);
}

/**
 * Connects an official SDK `Client` to an MCP server, started over stdio or reached at a
 * Streamable HTTP URL; closing the client ends a stdio server's process. The SDK loads on first use.
 * @throws KnackError `MCP_SERVER_FAILED` naming the server and the reason (with the last line the
 *   server wrote on stderr) when it does not start or answer in time.
 * @example
 * const client = await connectMcpClient({ server: { command: 'node', args: ['server.js'] } });
 * try { console.log(await client.listTools()); } finally { await client.close(); }
 */
export async function connectMcpClient(options: ConnectMcpClientOptions): Promise<Client> {
  const label = formatMcpServerTarget(options.server);
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
  const client: Client = new Client(options.clientInfo ?? { name: 'knack', version: '1' });
  const trail: StdioTrail = { tail: '' };
  try {
    const transport = await createTransport(options.server, trail);
    await client.connect(transport, {
      timeout: options.timeoutMs ?? 30_000,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    await client.close().catch(() => undefined); // the connect failure is the error worth reporting
    killProcess(trail.pid);
    const said = lastLine(trail.tail);
    throw new KnackError(
      'MCP_SERVER_FAILED',
      `${label}: the server did not start or answer: ${reasonOf(error)}${said ? `; it said: ${said}` : ''}.`,
      { cause: error },
    );
  }
  return client;
}
