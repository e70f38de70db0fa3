import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { KnackError } from '../../core/index.js';
import type { TrajectoryStep } from '../../compiler/index.js';
import { readCallToolResult, toKnackToolName } from '../mcp/index.js';
import { applyKnackTool, knackTools } from './_knack-tools.js';
import type { SecretRedactor } from './_secret-redactor.js';
import { writeRecordedSession, type RecordedSession } from './recorded-session.js';

/** What the proxy's handlers share: the upstream client, the session being written, its saver. */
export interface ProxyContext {
  client: Client;
  session: RecordedSession;
  redactor: SecretRedactor;
  knackNames: Map<string, string>;
  save: () => Promise<void>;
  /** Limit on one upstream call, reset by each progress notification, in ms. */
  callTimeoutMs: number;
}

/** What a forwarded call needs of the agent's request: its abort signal and a way to report progress. */
interface CallExtra {
  signal: AbortSignal;
  sendNotification: (notification: {
    method: 'notifications/progress';
    params: { progressToken: string | number; progress: number; total?: number; message?: string };
  }) => Promise<void>;
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
  params: { name: string; arguments?: Record<string, unknown>; _meta?: { progressToken?: string | number } },
  extra: CallExtra,
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
    // The SDK gives the upstream request a progress token of its own; its progress goes back to
    // the agent under the agent's token.
    const progressToken = params._meta?.progressToken;
    const forwarded: Promise<void>[] = [];
    result = await context.client.request({ method: 'tools/call', params }, CallToolResultSchema, {
      signal: extra.signal,
      timeout: context.callTimeoutMs,
      resetTimeoutOnProgress: true,
      ...(progressToken === undefined
        ? {}
        : {
            onprogress: (progress: { progress: number; total?: number; message?: string }) => {
              const sent = extra.sendNotification({
                method: 'notifications/progress',
                params: { ...progress, progressToken },
              });
              forwarded.push(sent.catch(() => undefined)); // the agent may be gone; the result still counts
            },
          }),
    });
    // Progress sent before the result reaches the agent before the result, as it would directly.
    await Promise.all(forwarded);
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

export function createSaver(
  file: string,
  session: RecordedSession,
  redactor: SecretRedactor,
  onError?: (error: KnackError) => void,
): () => Promise<void> {
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

export async function serveProxy(
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
    if (answer === undefined) return callUpstream(context, request.params, extra as CallExtra);
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
