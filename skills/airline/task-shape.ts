import type { ConversationAgent } from './_conversation-runner.js';
import type { AirlineState } from './airline-state.js';

/** What a customer wants, as values (`user_id`, `destination`, `new_date`, ...): the ground truth of a run. */
export type Facts = Readonly<Record<string, string | number>>;

/** Which scripted agent serves the customer: each words, orders and checks things its own way. */
export type AgentStyle = 'a' | 'b' | 'c';

/** How the OpenAI export writes a failed tool call: `Error: <message>` text or `{"error": "<message>"}` JSON. */
export type OpenAiErrorStyle = 'prefix' | 'json';

/** One recorded conversation of a task shape. */
export interface AirlineRun {
  /** `<shape>-<customer>[-<variant>]`, the trajectory id and file name. */
  id: string;
  facts: Facts;
  agent: AgentStyle;
  /** Which of the customer wordings the user speaks with. */
  voice: number;
  /** @default 'prefix' */
  openAiErrors?: OpenAiErrorStyle;
  /** The quirks this run exercises; listed in the README catalogue. */
  exercises: string;
}

/** A kind of request (cancel, change flights, book, add bags) with its runs and held-out customers. */
export interface TaskShape {
  /** The trajectory id prefix, e.g. `cancel-reservation`. */
  name: string;
  description: string;
  /** The scripted conversation for `facts`: greetings, lookups, checks, the change, goodbyes. */
  converse(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number): void;
  runs: readonly AirlineRun[];
  /** Customers and requests no run had; a skill of this shape should serve them too. */
  heldOut: readonly Facts[];
  /**
   * What the policy makes the agent work out for a request before acting, from the customer's
   * profile and reservation in `state` (the bags beyond the free allowance): quantities the
   * customer never says. Never an id, a price found by a search or a choice among elements.
   */
  workedOut?(facts: Facts, state: AirlineState): Facts;
}

/** `facts[key]` as a string; throws when the shape's script needs a fact the run did not give. */
export function fact(facts: Facts, key: string): string {
  const value = facts[key];
  if (value === undefined) throw new Error(`missing fact ${key}`);
  return String(value);
}

/** `facts[key]` as a number. */
export function numberFact(facts: Facts, key: string): number {
  return Number(fact(facts, key));
}

/** One of `wordings`, by `voice` (wraps around). */
export function pick(voice: number, wordings: readonly string[]): string {
  return wordings[voice % wordings.length] ?? '';
}
