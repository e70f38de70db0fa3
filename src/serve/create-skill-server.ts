import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { KnackError } from '../../core/index.js';
import { openServeContext, type CreateSkillServerOptions } from './_serve-context.js';
import { createSkillSession } from './_skill-session.js';

/** A knack MCP server for one client connection. */
export interface SkillServer {
  /** The MCP SDK's low-level `Server`, for anything this wrapper does not cover. */
  readonly server: Server;
  readonly isClosed: boolean;
  /** Connects a transport (`StdioServerTransport`, `StreamableHTTPServerTransport`, an in-memory pair). */
  connect(transport: Transport): Promise<void>;
  /** Closes the connection and stops watching the store (the store stays open). Idempotent. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/**
 * Creates an MCP server over a skill library: the tools `search_skills`, `get_skill`,
 * `run_skill` and `report_outcome`, plus each served skill as a tool of its own with `expose`.
 * Runs go through `callSkill` (checked, sandboxed, counted); a failed run is a tool result with
 * `isError`, never a crash. The tool list follows the store's change feed (`list_changed`).
 * @throws KnackError `INVALID_ARGUMENT` naming the bad option; store errors while loading.
 * @example
 * const served = await createSkillServer({ store, tools: createTools(), expose: 'all' });
 * await served.connect(new StdioServerTransport());
 */
export async function createSkillServer(options: CreateSkillServerOptions): Promise<SkillServer> {
  const context = await openServeContext(options);
  const server = createSkillSession(context);
  let isClosed = false;
  const close = async (): Promise<void> => {
    if (isClosed) return;
    isClosed = true;
    context.close();
    await server.close();
  };
  return {
    server,
    get isClosed() {
      return isClosed;
    },
    async connect(transport) {
      if (isClosed) throw new KnackError('CLOSED', 'This skill server is closed; create another.');
      await server.connect(transport);
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
