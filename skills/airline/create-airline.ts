import { createValidator, formatIssues } from '../../core/index.js';
import type { ToolDefinition, ToolHandler } from '../../sandbox/index.js';
import { createReservationHandlers } from './_reservation-handlers.js';
import { createScratchHandlers } from './_scratch-handlers.js';
import { createSearchHandlers } from './_search-handlers.js';
import { airlineManifest } from './airline-manifest.js';
import type { AirlineState } from './airline-state.js';
import { createAirlineSeed } from './create-seed-data.js';

/** A live airline desk: tool definitions for `defineTools` and the state their handlers change. */
export interface Airline {
  /** One definition per manifest entry, keyed by tool name. */
  definitions: Record<string, ToolDefinition>;
  /** The in-memory airline; read it to check what the tools did. */
  state: AirlineState;
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
    return handler(structuredClone(checked.value), context);
  };
}

/**
 * Creates an in-memory airline customer-service desk seeded with users, reservations and flights.
 * Deterministic: new ids come from a counter and time from a fixed clock that moves one minute per
 * change. Handlers check their arguments against the tool's `inputSchema` and throw an `Error`
 * (the message a real API would answer) for bad arguments, unknown records, full cabins, payment
 * methods that are missing or short of balance.
 * @param state Replaces the seeded state (for example a copy of another airline's state).
 * @example
 * const airline = createAirline();
 * const tools = defineTools(airline.definitions);
 */
export function createAirline(state: AirlineState = createAirlineSeed()): Airline {
  const owned = structuredClone(state);
  const handlers: Record<string, unknown> = {
    ...createSearchHandlers(owned),
    ...createReservationHandlers(owned),
    ...createScratchHandlers(owned),
  };
  const definitions: Record<string, ToolDefinition> = {};
  for (const entry of airlineManifest) {
    const handler = handlers[entry.name];
    if (typeof handler !== 'function') throw new Error(`airline: no handler for tool ${entry.name}`);
    definitions[entry.name] = {
      ...(entry.description === undefined ? {} : { description: entry.description }),
      inputSchema: entry.inputSchema,
      ...(entry.outputSchema === undefined ? {} : { outputSchema: entry.outputSchema }),
      // Safe: checkedHandler only calls it with arguments its inputSchema accepted.
      handler: checkedHandler(entry.name, entry.inputSchema, handler as ToolHandler),
    };
  }
  return { definitions, state: owned };
}
