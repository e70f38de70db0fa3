import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { KnackError, type ToolManifestEntry } from '../../core/index.js';
import {
  connectMcpClient,
  createMcpToolPack,
  formatMcpServerTarget,
  type McpServerTarget,
} from '../mcp/index.js';
import { createSaver, serveProxy, type ProxyContext } from './_proxy-server.js';
import { createSecretRedactor } from './_secret-redactor.js';
import type { RecordedSession, RecordingStatus } from './recorded-session.js';

/** Options of `recordMcpSession`. */
export interface RecordMcpSessionOptions {
  /** The agent's real MCP server: `{ command, args?, env?, cwd? }` (stdio) or `{ url, headers? }`. */
  upstream: McpServerTarget;
  /** Folder of the session files; created when missing. */
  outDir: string;
  /** The agent's side, not yet started: `StdioServerTransport` in `knack record`, any SDK server transport. */
  transport: Transport;
  /** The user's request, when known before the session (`--task`); `knack_task` replaces it. @default none */
  task?: string;
  /** Session id and file name (`<id>.json`). @default the start time plus 4 random bytes */
  id?: string;
  /** Limit on starting the upstream server and its handshake, in ms. @default 30000 */
  timeoutMs?: number;
  /**
   * Limit on one forwarded tool call, in ms; each progress notification of the server restarts
   * it (progress is passed on to the agent). @default 600000
   */
  callTimeoutMs?: number;
  /** Called when a write of the session file failed (the calls still pass through). @default none */
  onError?: (error: KnackError) => void;
}

/** How a recorded session ended. */
export interface RecordedSessionSummary {
  id: string;
  /** Absolute path of the session file. */
  file: string;
  status: RecordingStatus;
  /** Tool calls recorded (knack's own tools not counted). */
  steps: number;
  task?: string;
  outcome?: 'success' | 'failure';
}

/** A session being recorded: one agent connection in front of one upstream connection. */
export interface RecordingSession extends AsyncDisposable {
  readonly id: string;
  /** Absolute path of the session file (`<outDir>/<id>.json`), written after every call. */
  readonly file: string;
  /** The server's tools as its pack names them (what the file records as `recording.tools`). */
  readonly manifest: readonly ToolManifestEntry[] | undefined;
  /** Settles once the agent disconnected (or `close()` ran) and the file had its last write. */
  readonly ended: Promise<RecordedSessionSummary>;
  readonly isClosed: boolean;
  /** Ends the session: disconnects the agent and the upstream server, writes the file. Idempotent. */
  close(): Promise<RecordedSessionSummary>;
}

function sessionId(): string {
  return `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(4).toString('hex')}`;
}

function validate(options: RecordMcpSessionOptions): void {
  if (typeof options !== 'object' || options === null)
    throw new KnackError('INVALID_ARGUMENT', 'recordMcpSession needs an options object.');
  if (typeof options.outDir !== 'string' || options.outDir === '')
    throw new KnackError(
      'INVALID_ARGUMENT',
      'recordMcpSession needs `outDir`: the folder of session files.',
      {
        where: { field: 'outDir' },
      },
    );
  if (typeof options.transport?.start !== 'function')
    throw new KnackError('INVALID_ARGUMENT', 'recordMcpSession needs `transport`: an MCP server transport.', {
      where: { field: 'transport' },
    });
  if (options.id !== undefined && !/^[\w.-]{1,128}$/.test(options.id))
    throw new KnackError('INVALID_ARGUMENT', '`id` must be 1-128 of A-Za-z0-9_.-: it names the file.', {
      where: { field: 'id' },
    });
}

async function readManifest(
  client: Client,
  label: string,
): Promise<{
  manifest: ToolManifestEntry[] | undefined;
  knackNames: Map<string, string>;
}> {
  const knackNames = new Map<string, string>();
  try {
    // The pack's own reading of tools/list, so sessions name tools exactly as a pack of this server does.
    const pack = await createMcpToolPack({ client, ownsClient: false, label });
    for (const [knackName, mcpName] of pack.mcpNames) knackNames.set(mcpName, knackName);
    return { manifest: [...pack.manifest], knackNames };
  } catch (error) {
    // A server whose tools a pack cannot take is still proxied; its sessions just carry no manifest.
    if (KnackError.isInstance(error) && error.code === 'INVALID_MANIFEST')
      return { manifest: undefined, knackNames };
    throw error;
  }
}

/**
 * Serves one agent session as an MCP server in front of the agent's real one: `tools/list` is the
 * upstream's plus `knack_task`, `knack_note` and `knack_done`; every other call goes to the
 * upstream and its result (errors and `isError` too) back to the agent unchanged. The session is
 * written to `<outDir>/<id>.json` as a native trajectory after every call (atomically), tools named
 * as a pack of the same server names them, secrets in arguments replaced by `<secret-N>`. When the
 * agent disconnects, the file is marked `ended` (after `knack_done`) or `incomplete`.
 * @throws KnackError INVALID_ARGUMENT (bad options), MCP_SERVER_FAILED (the upstream did not start or answer).
 * @example
 * const session = await recordMcpSession({
 *   upstream: { command: 'npx', args: ['-y', '@modelcontextprotocol/server-memory'] },
 *   outDir: 'sessions', transport: new StdioServerTransport(),
 * });
 * const { file, status } = await session.ended;
 */
export async function recordMcpSession(options: RecordMcpSessionOptions): Promise<RecordingSession> {
  validate(options);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });
  const id = options.id ?? sessionId();
  const file = join(outDir, `${id}.json`);
  const label = formatMcpServerTarget(options.upstream);
  const client = await connectMcpClient({
    server: options.upstream,
    clientInfo: { name: 'knack-record', version: '1' },
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  const redactor = createSecretRedactor();
  redactor.scanText(label);
  let context: ProxyContext;
  let proxy: Awaited<ReturnType<typeof serveProxy>>;
  try {
    const { manifest, knackNames } = await readManifest(client, label);
    const now = new Date().toISOString();
    const session: RecordedSession = {
      id,
      ...(options.task === undefined ? {} : { task: options.task }),
      steps: [],
      recording: {
        by: 'knack record',
        status: 'recording',
        server: label,
        startedAt: now,
        updatedAt: now,
        ...(manifest ? { tools: manifest } : {}),
        ...(options.task === undefined ? {} : { taskFrom: 'flag' as const }),
      },
    };
    if (options.task !== undefined) redactor.scanText(options.task);
    const save = createSaver(file, session, redactor, options.onError);
    context = {
      client,
      session,
      redactor,
      knackNames,
      save,
      callTimeoutMs: options.callTimeoutMs ?? 600_000,
    };
    await save();
    proxy = await serveProxy(context, options.transport);
  } catch (error) {
    await client.close().catch(() => undefined); // the failure above is the one worth reporting
    throw error;
  }
  let isClosed = false;
  // A proxy without its server has nothing to offer: when the upstream goes away, so does the
  // agent's session (and the file says how far it got).
  client.onclose = () => {
    if (!isClosed) void proxy.close();
  };
  const ended = proxy.closed.then(async (): Promise<RecordedSessionSummary> => {
    isClosed = true;
    const { session } = context;
    session.recording.status = session.outcome === undefined ? 'incomplete' : 'ended';
    session.recording.endedAt = new Date().toISOString();
    await context.save();
    await client.close().catch(() => undefined); // the session is saved; a dying upstream changes nothing
    return {
      id,
      file,
      status: session.recording.status,
      steps: session.steps.length,
      ...(session.task === undefined ? {} : { task: redactor.redact(session.task) }),
      ...(session.outcome === undefined ? {} : { outcome: session.outcome }),
    };
  });
  const close = async (): Promise<RecordedSessionSummary> => {
    if (!isClosed) await proxy.close();
    return ended;
  };
  return {
    id,
    file,
    manifest: context.session.recording.tools,
    ended,
    get isClosed() {
      return isClosed;
    },
    close,
    [Symbol.asyncDispose]: async () => {
      await close();
    },
  };
}
