import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { KnackError, safeParseJson } from '../../core/index.js';

/** Where and how the Streamable HTTP endpoint listens. */
export interface HttpEndpointOptions {
  port: number;
  host: string;
  /** When set, every request needs `Authorization: Bearer <token>`. */
  token?: string;
  /** A fresh MCP server for each new session. */
  createSession: () => Server;
}

export interface HttpEndpoint {
  url: string;
  close(): Promise<void>;
}

const mcpPath = '/mcp';
// Requests are JSON-RPC messages; a skill's input is the largest part.
const maxBodyBytes = 4 * 1024 * 1024;

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function isAuthorized(request: IncomingMessage, token: string | undefined): boolean {
  if (token === undefined) return true;
  const header = request.headers.authorization ?? '';
  const match = /^Bearer (.+)$/i.exec(header);
  // Equal-length digests: the comparison takes the same time whatever the guess.
  return match?.[1] !== undefined && timingSafeEqual(digest(match[1]), digest(token));
}

function reply(
  response: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes)
      throw new KnackError('INVALID_ARGUMENT', `Request body over ${maxBodyBytes} bytes.`);
    chunks.push(chunk as Buffer);
  }
  const parsed = safeParseJson(Buffer.concat(chunks).toString('utf8'));
  if (!parsed.ok) throw new KnackError('INVALID_ARGUMENT', `Request body is not JSON: ${parsed.message}`);
  return parsed.value;
}

function isInitialize(body: unknown): boolean {
  const messages = Array.isArray(body) ? body : [body];
  return messages.some(
    (message) =>
      typeof message === 'object' &&
      message !== null &&
      (message as { method?: unknown }).method === 'initialize',
  );
}

/** Serves MCP Streamable HTTP at `/mcp`, one SDK transport and server per session. */
export async function listenHttp(options: HttpEndpointOptions): Promise<HttpEndpoint> {
  const { StreamableHTTPServerTransport: Transport } =
    await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  const sessions = new Map<string, { transport: StreamableHTTPServerTransport; server: Server }>();
  let allowedHosts: string[] = [];

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (!isAuthorized(request, options.token))
      return reply(response, 401, 'Unauthorized: send `Authorization: Bearer <token>`.', {
        'www-authenticate': 'Bearer',
      });
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== mcpPath)
      return reply(response, 404, `Not found: the MCP endpoint is ${mcpPath}.`);
    const body = request.method === 'POST' ? await readBody(request) : undefined;
    const sessionId = request.headers['mcp-session-id'];
    const session = typeof sessionId === 'string' ? sessions.get(sessionId) : undefined;
    if (session) return session.transport.handleRequest(request, response, body);
    if (request.method !== 'POST' || !isInitialize(body))
      return reply(
        response,
        sessionId ? 404 : 400,
        sessionId ? 'Unknown session.' : 'Start with an initialize request.',
      );
    const server = options.createSession();
    const transport: StreamableHTTPServerTransport = new Transport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.set(id, { transport, server }),
      // A page in the user's browser must not reach a loopback server by DNS rebinding.
      ...(allowedHosts.length > 0 ? { enableDnsRebindingProtection: true, allowedHosts } : {}),
    });
    // Set before connect: the SDK chains its own close handling after this one.
    transport.onclose = () => {
      if (transport.sessionId) sessions.delete(transport.sessionId);
    };
    await server.connect(transport);
    await transport.handleRequest(request, response, body);
  };

  const http = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 400, error instanceof Error ? error.message : String(error));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', (error) =>
      reject(
        new KnackError(
          'INVALID_ARGUMENT',
          `Cannot listen on ${options.host}:${options.port}: ${error.message}`,
          { cause: error },
        ),
      ),
    );
    http.listen(options.port, options.host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  if (options.token === undefined) allowedHosts = [`${host}:${port}`, `localhost:${port}`];
  return {
    url: `http://${host}:${port}${mcpPath}`,
    async close() {
      await Promise.all([...sessions.values()].map(({ server }) => server.close()));
      sessions.clear();
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
    },
  };
}
