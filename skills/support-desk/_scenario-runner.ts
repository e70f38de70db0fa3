import { createSupportDesk } from './create-support-desk.js';

/** One tool call of a recorded run, with what the live desk answered. */
export interface RecordedCall {
  tool: string;
  args: Record<string, unknown>;
  result?: unknown;
  error?: string;
}

/** What happened in a recorded run, in order: the agent's tool turns and the user's later messages. */
export type RecordedEvent =
  | { kind: 'calls'; text?: string; calls: RecordedCall[] }
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string };

/** How a scripted agent acts on the desk. Every call runs the real handler. */
export interface AgentContext {
  /** Calls one tool in its own turn; throws the tool's error after recording it. */
  call<T>(tool: string, args: Record<string, unknown>, text?: string): T;
  /** Calls several tools in one turn (parallel tool calls). */
  callAll<T>(calls: [tool: string, args: Record<string, unknown>][], text?: string): T[];
  /** The assistant says something without calling a tool (a question, in multi-turn runs). */
  say(text: string): void;
  /** The user adds a message later in the conversation. */
  user(text: string): void;
}

/** How the Anthropic export writes tool results: JSON strings, text-block arrays, or alternating. */
export type AnthropicResultStyle = 'string' | 'blocks' | 'mixed';

/** A scripted agent run: the task and the moves a successful (or failing) agent made. */
export interface Scenario {
  id: string;
  task: string;
  input?: Record<string, unknown>;
  /** Which compiler feature the run exercises; listed in the README catalogue. */
  exercises: string;
  anthropicResults?: AnthropicResultStyle;
  run(agent: AgentContext): { outcome?: 'success' | 'failure'; answer: unknown };
}

/** A finished run, ready to be written in every format. */
export interface Recording {
  scenario: Scenario;
  events: RecordedEvent[];
  outcome: 'success' | 'failure';
  answer: unknown;
}

/** Plays one scenario against a fresh seeded desk and records every call and answer. */
export function playScenario(scenario: Scenario): Recording {
  const desk = createSupportDesk();
  const events: RecordedEvent[] = [];
  const context = { step: 0, signal: new AbortController().signal };
  const invoke = (tool: string, args: Record<string, unknown>): RecordedCall => {
    const definition = desk.definitions[tool];
    if (!definition) throw new Error(`${scenario.id}: the desk has no tool ${tool}`);
    context.step += 1;
    try {
      return { tool, args, result: definition.handler(structuredClone(args), context) };
    } catch (error) {
      return { tool, args, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const turn = (calls: RecordedCall[], text?: string): unknown[] => {
    events.push(text === undefined ? { kind: 'calls', calls } : { kind: 'calls', text, calls });
    const failed = calls.find((call) => call.error !== undefined);
    if (failed) throw new Error(failed.error);
    return calls.map((call) => call.result);
  };
  const agent: AgentContext = {
    call: <T>(tool: string, args: Record<string, unknown>, text?: string) =>
      turn([invoke(tool, args)], text)[0] as T,
    callAll: <T>(calls: [string, Record<string, unknown>][], text?: string) =>
      turn(
        calls.map(([tool, args]) => invoke(tool, args)),
        text,
      ) as T[],
    say: (text) => events.push({ kind: 'assistant', text }),
    user: (text) => events.push({ kind: 'user', text }),
  };
  const { outcome = 'success', answer } = scenario.run(agent);
  return { scenario, events, outcome, answer };
}
