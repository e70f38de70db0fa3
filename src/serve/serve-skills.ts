import { KnackError } from '../../core/index.js';
import { listenHttp } from './_http-endpoint.js';
import { openServeContext, type CreateSkillServerOptions } from './_serve-context.js';
import { createSkillSession } from './_skill-session.js';

/** Options of `serveSkills`: a server's options plus where it listens. */
export interface ServeSkillsOptions extends CreateSkillServerOptions {
  /**
   * Serve Streamable HTTP at `http://HOST:PORT/mcp` instead of stdio. A host other than a loopback
   * address needs `token`. @default stdio (the process's stdin and stdout carry only the protocol)
   */
  http?: {
    /** 0 picks a free port (read it from `url`). */
    port: number;
    /** @default '127.0.0.1' */
    host?: string;
    /** Required off loopback: every request must send `Authorization: Bearer <token>`, else 401. */
    token?: string;
  };
}

/** A running `serveSkills`. */
export interface ServedSkills {
  /** The Streamable HTTP endpoint, or undefined on stdio. */
  readonly url?: string;
  readonly isClosed: boolean;
  /** Resolves when the server stops: `close()`, or the stdio client hanging up. */
  readonly closed: Promise<void>;
  /** Stops serving (sessions end, the store watcher stops; the store stays open). Idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** True for 127.0.0.0/8, ::1 and `localhost`: only this machine can connect. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

function checkHttp(http: NonNullable<ServeSkillsOptions['http']>): {
  port: number;
  host: string;
  token?: string;
} {
  const { port, host = '127.0.0.1', token } = http;
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `serveSkills: \`http.port\` must be 0-65535, got ${String(port)}.`,
      {
        where: { field: 'http.port' },
      },
    );
  if (token !== undefined && (typeof token !== 'string' || token.length < 16))
    throw new KnackError(
      'INVALID_ARGUMENT',
      'serveSkills: `http.token` must be a string of 16 characters or more.',
      {
        where: { field: 'http.token' },
      },
    );
  if (!isLoopbackHost(host) && token === undefined)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `serveSkills: listening on ${host} lets other machines run skills; pass a \`token\` (--token) that clients send as a Bearer header, or bind 127.0.0.1.`,
      { where: { field: 'http.token' } },
    );
  return { port, host, ...(token === undefined ? {} : { token }) };
}

/**
 * Serves a skill library over MCP: stdio by default (logs belong on stderr), or Streamable HTTP
 * with `http` (loopback by default; a token required elsewhere). See `createSkillServer` for tools.
 * @throws KnackError `INVALID_ARGUMENT` (bad option, a non-loopback host without token, a port in use).
 * @example
 * const served = await serveSkills({ store, tools, http: { port: 8787 } });
 * console.error(`MCP endpoint: ${served.url}`);
 */
export async function serveSkills(options: ServeSkillsOptions): Promise<ServedSkills> {
  const http = options.http === undefined ? undefined : checkHttp(options.http);
  const context = await openServeContext(options);
  let isClosed = false;
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  let stop: () => Promise<void>;
  let url: string | undefined;
  try {
    if (http) {
      const endpoint = await listenHttp({ ...http, createSession: () => createSkillSession(context) });
      url = endpoint.url;
      stop = () => endpoint.close();
    } else {
      const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
      const server = createSkillSession(context);
      const transport = new StdioServerTransport();
      await server.connect(transport);
      // The client closing stdin ends the session, and with it the server.
      process.stdin.once('end', () => void close());
      stop = () => server.close();
    }
  } catch (error) {
    context.close();
    throw error;
  }
  async function close(): Promise<void> {
    if (isClosed) return;
    isClosed = true;
    context.close();
    await stop();
    markClosed();
  }
  return {
    ...(url === undefined ? {} : { url }),
    get isClosed() {
      return isClosed;
    },
    closed,
    close,
    [Symbol.asyncDispose]: close,
  };
}
