import { createAirline, type Airline } from './create-airline.js';

/** One tool call of a recorded conversation, with what the live airline answered. */
export interface RecordedCall {
  tool: string;
  args: Record<string, unknown>;
  result?: unknown;
  error?: string;
}

/** What happened in a conversation, in order. */
export type ConversationEvent =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string }
  | { kind: 'calls'; text?: string; calls: RecordedCall[] };

/** A call that may fail: the agent reads the error and tries again. */
export type Attempt<T> = { ok: true; result: T } | { ok: false; error: string };

/** How a scripted agent talks with the user and acts on the live airline. */
export interface ConversationAgent {
  /** The user writes a message (the first one is the task). */
  user(text: string): void;
  /** The assistant writes a message without calling a tool. */
  say(text: string): void;
  /** One tool call in its own assistant turn; a tool error is a bug of the script and throws. */
  call<T>(tool: string, args: Record<string, unknown>, text?: string): T;
  /** One tool call that may fail; its error is recorded and returned for the agent to recover. */
  attempt<T>(tool: string, args: Record<string, unknown>, text?: string): Attempt<T>;
  /** Several tool calls in one assistant turn (parallel tool calls). */
  callAll<T>(calls: [tool: string, args: Record<string, unknown>][], text?: string): T[];
}

/** A finished conversation: its events and the airline after it. */
export interface Conversation {
  events: ConversationEvent[];
  airline: Airline;
}

/** Plays `script` against `airline` (a fresh seeded one by default) and records every turn. */
export function playConversation(
  script: (agent: ConversationAgent) => void,
  airline: Airline = createAirline(),
): Conversation {
  const events: ConversationEvent[] = [];
  const context = { step: 0, signal: new AbortController().signal };
  const invoke = (tool: string, args: Record<string, unknown>): RecordedCall => {
    const definition = airline.definitions[tool];
    if (!definition) throw new Error(`the airline has no tool ${tool}`);
    context.step += 1;
    try {
      return { tool, args, result: definition.handler(structuredClone(args), context) };
    } catch (error) {
      return { tool, args, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const turn = (calls: RecordedCall[], text?: string): RecordedCall[] => {
    events.push(text === undefined ? { kind: 'calls', calls } : { kind: 'calls', text, calls });
    return calls;
  };
  const expectOk = (call: RecordedCall): unknown => {
    if (call.error !== undefined) throw new Error(`${call.tool} failed unexpectedly: ${call.error}`);
    return call.result;
  };
  const agent: ConversationAgent = {
    user: (text) => events.push({ kind: 'user', text }),
    say: (text) => events.push({ kind: 'assistant', text }),
    call: <T>(tool: string, args: Record<string, unknown>, text?: string) =>
      expectOk(turn([invoke(tool, args)], text)[0] as RecordedCall) as T,
    attempt: <T>(tool: string, args: Record<string, unknown>, text?: string): Attempt<T> => {
      const call = turn([invoke(tool, args)], text)[0] as RecordedCall;
      return call.error === undefined
        ? { ok: true, result: call.result as T }
        : { ok: false, error: call.error };
    },
    callAll: <T>(calls: [string, Record<string, unknown>][], text?: string) =>
      turn(
        calls.map(([tool, args]) => invoke(tool, args)),
        text,
      ).map(expectOk) as T[],
  };
  script(agent);
  return { events, airline };
}
