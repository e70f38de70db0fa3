import { createValidator, formatIssues } from '../../core/index.js';
import type { ToolDefinition, ToolHandler } from '../../sandbox/index.js';
import { createOrderHandlers } from './_order-handlers.js';
import { createTicketHandlers } from './_ticket-handlers.js';
import { createSeedData } from './create-seed-data.js';
import type { SupportDeskState } from './support-desk-state.js';
import { supportDeskManifest } from './support-desk-manifest.js';

/** A live support desk: tool definitions for `defineTools` and the state their handlers mutate. */
export interface SupportDesk {
  /** One definition per manifest entry, keyed by tool name (`kb.search`). */
  definitions: Record<string, ToolDefinition>;
  /** The in-memory desk; read it to check what the tools did (refunds, outbox, comments). */
  state: SupportDeskState;
}

/**
 * Creates an in-memory support desk seeded with customers, orders, shipments, tickets, teams and
 * articles. Results are deterministic: ids are sequential and time comes from a fixed clock that
 * moves one minute per mutation. Handlers check their arguments against the tool's `inputSchema`
 * themselves too, and throw an `Error` for bad arguments, unknown records, double refunds and
 * over-refunds.
 * @param seed Replaces parts of the default seed (for example `{ orders: [...] }`).
 * @example
 * const desk = createSupportDesk();
 * const tools = defineTools(desk.definitions);
 */
export function createSupportDesk(seed: Partial<SupportDeskState> = {}): SupportDesk {
  const state: SupportDeskState = { ...createSeedData(), ...structuredClone(seed) };
  const handlers = { ...createOrderHandlers(state), ...createTicketHandlers(state) };
  const definitions: Record<string, ToolDefinition> = {};
  for (const entry of supportDeskManifest) {
    const handler = handlers[entry.name];
    if (!handler) throw new Error(`support desk: no handler for tool ${entry.name}`);
    const definition: ToolDefinition = {
      ...(entry.description === undefined ? {} : { description: entry.description }),
      inputSchema: entry.inputSchema,
      ...(entry.outputSchema === undefined ? {} : { outputSchema: entry.outputSchema }),
      // Safe: checkedHandler only calls it with arguments its inputSchema accepted.
      handler: checkedHandler(entry.name, entry.inputSchema, handler as unknown as ToolHandler),
    };
    definitions[entry.name] = definition;
  }
  return { definitions, state };
}

function checkedHandler(
  name: string,
  schema: ToolDefinition['inputSchema'],
  handler: ToolHandler,
): ToolHandler {
  const validate = createValidator(schema);
  return (args, context) => {
    const checked = validate(args);
    if (!checked.ok) throw new Error(`${name}: invalid arguments: ${formatIssues(checked.issues)}`);
    // Handlers get a copy so a caller that keeps its args object cannot see them mutate.
    return handler(structuredClone(checked.value), context);
  };
}
