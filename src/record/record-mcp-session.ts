import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { KnackError, type ToolManifestEntry } from '../../core/index.js';
import type { TrajectoryStep } from '../../compiler/index.js';
import {
  connectMcpClient,
  createMcpToolPack,
  formatMcpServerTarget,
  readCallToolResult,
  toKnackToolName,
  type McpServerTarget,
} from '../mcp/index.js';
import { applyKnackTool, knackTools } from './_knack-tools.js';
import { createSecretRedactor, type SecretRedactor } from './_secret-redactor.js';
import { writeRecordedSession, type RecordedSession, type RecordingStatus } from './recorded-session.js';

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

interface ProxyContext {
  client: Client;
  session: RecordedSession;
  redactor: SecretRedactor;
  knackNames: Map<string, string>;
  save: () => Promise<void>;
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

// The upstream's JSON-RPC error goes back as it came: the SDK's McpError prefixes its message.
function passError(error: unknown): Error {
  const code = (error as { code?: unknown }).code;
  if (error instanceof Error && typeof code === 'number') {
    const message = error.message.replace(/^MCP error -?\d+: /, '');
    return Object.assign(new Error(message), { code, data: (error as { data?: unknown }).data });
  }
  return error instanceof Error ? error : new Error(String(error));
}

async function callUpstream(
  context: ProxyContext,
  params: { name: string; arguments?: Record<string, unknown> },
  signal: AbortSignal,
): Promise<Record<string, unknown>> {
  const { CallToolResultSchema } = await import('@modelcontextprotocol/sdk/types.js');
  const { session, redactor } = context;
  const args = params.arguments ?? {};
  const tool = context.knackNames.get(params.name) ?? toKnackToolName(params.name);
  // A call of a tool the server did not list (a typo, a hallucinated name) fails whatever the
  // server answers, and is no step of the task: recorded, it would make the session uncompilable.
  const isListed = context.knackNames.size === 0 || context.knackNames.has(params.name);
  let result: Record<string, unknown>;
  try {
    result = await context.client.request({ method: 'tools/call', params }, CallToolResultSchema, { signal });
  } catch (error) {
    if (isListed) {
      redactor.scanArgs(args);
      session.steps.push({ tool, args, error: passError(error).message });
      await context.save();
    }
    throw passError(error);
  }
  if (!isListed) return result;
  const step: TrajectoryStep = { tool, args };
  try {
    step.result = readCallToolResult(result, params.name);
  } catch (error) {
    step.error = (error as Error).message; // the result had isError: the step failed
  }
  redactor.scanArgs(args);
  session.steps.push(step);
  await context.save();
  return result;
}

function createSaver(
  file: string,
  session: RecordedSession,
  redactor: SecretRedactor,
  onError?: (error: KnackError) => void,
) {
  let chain = Promise.resolve();
  return (): Promise<void> => {
    // One write at a time, each of the whole session as it is now: the last one wins.
    chain = chain.then(async () => {
      session.recording.updatedAt = new Date().toISOString();
      session.recording.secrets = redactor.count;
      try {
        await writeRecordedSession(file, redactor.redact(session));
      } catch (error) {
        onError?.(error as KnackError);
      }
    });
    return chain;
  };
}

async function serveProxy(
  context: ProxyContext,
  transport: Transport,
): Promise<{ close: () => Promise<void>; closed: Promise<void> }> {
  const { Server } = await import('@modelcontextprotocol/sdk/server/index.js');
  const { CallToolRequestSchema, ListToolsRequestSchema } =
    await import('@modelcontextprotocol/sdk/types.js');
  const upstreamInfo = context.client.getServerVersion();
  const instructions = context.client.getInstructions();
  const server = new Server(
    { name: upstreamInfo?.name ?? 'knack-record', version: upstreamInfo?.version ?? '1' },
    { capabilities: { tools: {} }, ...(instructions ? { instructions } : {}) },
  );
  server.setRequestHandler(ListToolsRequestSchema, async (request, extra) => {
    const page = await context.client
      .listTools(request.params, { signal: extra.signal })
      .catch((error: unknown) => {
        throw passError(error);
      });
    return page.nextCursor === undefined ? { ...page, tools: [...page.tools, ...knackTools] } : page;
  });
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name } = request.params;
    const answer = applyKnackTool(context.session, name, request.params.arguments ?? {});
    if (answer === undefined) return callUpstream(context, request.params, extra.signal);
    if (answer.ok) {
      if (name === 'knack_task') {
        context.redactor.scanText(context.session.task ?? '');
        context.redactor.scanArgs(context.session.input ?? {});
      }
      if (name === 'knack_note') context.redactor.scanText(context.session.context?.at(-1) ?? '');
      await context.save();
    }
    return { content: [{ type: 'text', text: answer.text }], ...(answer.ok ? {} : { isError: true }) };
  });
  const closed = new Promise<void>((resolveClosed) => {
    server.onclose = () => resolveClosed();
  });
  await server.connect(transport);
  return { close: () => server.close(), closed };
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
    context = { client, session, redactor, knackNames, save };
    await save();
    proxy = await serveProxy(context, options.transport);
  } catch (error) {
    await client.close().catch(() => undefined); // the failure above is the one worth reporting
    throw error;
  }
  let isClosed = false;
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
