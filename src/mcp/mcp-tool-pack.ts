import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { KnackError, type ToolAnnotations, type ToolManifestEntry } from '../../core/index.js';
import { bindTools, type ToolCallContext, type ToolHandler, type ToolPack } from '../../sandbox/index.js';
import { readCallToolResult } from './_call-result.js';
import { reasonOf } from './_reason-of.js';
import { toKnackToolName } from './_tool-names.js';

/** A tool pack backed by a connected MCP client. Close it to close the client. */
export interface McpToolPack extends ToolPack, AsyncDisposable {
  /** Knack tool name -> the server's tool name (they differ when the server's has `-`: `get-sum` -> `get_sum`). */
  readonly mcpNames: ReadonlyMap<string, string>;
  /** How errors name the server (`mcp+stdio:"node server.js"`, or its `initialize` name). */
  readonly label: string;
  readonly isClosed: boolean;
  /** Closes the client (and so a stdio server's process) unless `ownsClient` was false. Idempotent. */
  close(): Promise<void>;
}

/** Options of `createMcpToolPack`. */
export interface CreateMcpToolPackOptions {
  /** A connected MCP client (`@modelcontextprotocol/sdk` `Client`). */
  client: Client;
  /** Puts every tool under this name: `fs` gives `fs.read_file` (`tools.fs.read_file`). @default none */
  prefix?: string;
  /** Close the client when the pack closes. @default true */
  ownsClient?: boolean;
  /** How errors name the server. @default `mcp:` plus the server's `initialize` name */
  label?: string;
  /** Limit on listing the tools, in ms. @default the SDK's request timeout (60000) */
  timeoutMs?: number;
  signal?: AbortSignal;
}

interface ListedTool {
  name: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  title?: string;
}

const hintKeys = ['readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'] as const;

function annotationsOf(tool: ListedTool): ToolAnnotations | undefined {
  const annotations: ToolAnnotations = {};
  const title = tool.annotations?.['title'] ?? tool.title;
  if (typeof title === 'string') annotations.title = title;
  for (const key of hintKeys) {
    const value = tool.annotations?.[key];
    if (typeof value === 'boolean') annotations[key] = value;
  }
  return Object.keys(annotations).length > 0 ? annotations : undefined;
}

async function listAllTools(options: CreateMcpToolPackOptions, label: string): Promise<ListedTool[]> {
  const tools: ListedTool[] = [];
  let cursor: string | undefined;
  try {
    do {
      const page = await options.client.listTools(cursor === undefined ? {} : { cursor }, {
        ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
        ...(options.signal ? { signal: options.signal } : {}),
      });
      tools.push(...(page.tools as ListedTool[]));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  } catch (error) {
    throw new KnackError('MCP_SERVER_FAILED', `${label}: tools/list failed: ${reasonOf(error)}.`, {
      cause: error,
    });
  }
  return tools;
}

function toEntry(tool: ListedTool, name: string): ToolManifestEntry {
  const annotations = annotationsOf(tool);
  return {
    name,
    ...(tool.description === undefined ? {} : { description: tool.description }),
    inputSchema: tool.inputSchema,
    ...(tool.outputSchema === undefined ? {} : { outputSchema: tool.outputSchema }),
    ...(annotations ? { annotations } : {}),
  };
}

/**
 * Makes a tool pack of an MCP server through a connected SDK client: its `tools/list` is the
 * manifest (names, schemas, annotations), and each call goes out as `tools/call`. A result with
 * `isError` fails the call (the run's `TOOL_FAILED`); the skill receives `structuredContent`
 * when given, else the text content (parsed as JSON when it is JSON). Tool names with `-` become
 * `_` (`get-sum` -> `tools.get_sum`); `mcpNames` maps them back.
 * @throws KnackError `MCP_SERVER_FAILED` when listing fails; `INVALID_MANIFEST` when a tool's
 *   name or schema does not fit (see `bindTools`).
 * @example
 * const tools = await createMcpToolPack({ client, prefix: 'memory' });
 * try { await runSkill({ source, tools }); } finally { await tools.close(); }
 */
export async function createMcpToolPack(options: CreateMcpToolPackOptions): Promise<McpToolPack> {
  const { client } = options;
  const label = options.label ?? `mcp:${client.getServerVersion()?.name ?? 'server'}`;
  const listed = await listAllTools(options, label);
  let isClosed = false;
  const mcpNames = new Map<string, string>();
  const manifest: ToolManifestEntry[] = [];
  const handlers: Record<string, ToolHandler> = {};
  for (const tool of listed) {
    const local = toKnackToolName(tool.name);
    const name = options.prefix === undefined ? local : `${options.prefix}.${local}`;
    const other = mcpNames.get(name);
    if (other !== undefined) {
      throw new KnackError(
        'INVALID_MANIFEST',
        `${label}: tools \`${other}\` and \`${tool.name}\` both become \`${name}\`; the pack cannot tell them apart.`,
        { where: { field: name } },
      );
    }
    mcpNames.set(name, tool.name);
    manifest.push(toEntry(tool, name));
    handlers[name] = async (args: unknown, context: ToolCallContext): Promise<unknown> => {
      if (isClosed) throw new KnackError('CLOSED', `${label} is closed; connect again.`);
      let result: unknown;
      try {
        result = await client.callTool(
          { name: tool.name, arguments: (args ?? {}) as Record<string, unknown> },
          undefined,
          { signal: context.signal },
        );
      } catch (error) {
        throw new KnackError('MCP_SERVER_FAILED', `${label}: ${reasonOf(error)}`, { cause: error });
      }
      return readCallToolResult(result, tool.name);
    };
  }
  const bound = bindTools(manifest, handlers);
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    if (options.ownsClient !== false) await client.close();
  };
  return Object.freeze({
    manifest: bound.manifest,
    handlers: bound.handlers,
    mcpNames,
    label,
    get isClosed() {
      return isClosed;
    },
    close,
    [Symbol.asyncDispose]: close,
  });
}
