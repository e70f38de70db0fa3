import type { ParamSpec } from './_resolve-value.js';
import type { TargetSelection } from './_target-selection.js';
import { cleanRequest, effectPhrase, isConversational } from './_request-text.js';

/** What `describeSkill` reads: the lead task, the skill's inputs, what it changes and how. */
export interface DescribeSkillOptions {
  task: string;
  params: ReadonlyMap<string, ParamSpec>;
  /** The lead trajectory's input: its values in the task become `<name>` placeholders. */
  input: Readonly<Record<string, unknown>>;
  /** The inputs the skill takes, in declaration order. */
  inputs: readonly string[];
  /** The last call that may change something, and how its target is chosen. */
  effect?: TargetSelection;
}

// The task with the values the caller supplies as `<name>` placeholders (secrets as `<secret>`).
function withPlaceholders(options: DescribeSkillOptions): string {
  let description = options.task;
  for (const [name, spec] of options.params) {
    const value = options.input[name];
    if ((typeof value === 'string' && value.length >= 2) || typeof value === 'number')
      description = description.split(String(value)).join(spec.isSecret ? '<secret>' : `<${name}>`);
  }
  return description;
}

function spaced(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function effectClause(effect: TargetSelection | undefined): string {
  if (effect === undefined) return 'changes nothing';
  const phrase = effectPhrase(effect.tool);
  if (effect.selectors.length > 0) return `${phrase} chosen by ${effect.selectors.map(spaced).join(' and ')}`;
  if (effect.direct !== undefined) return `${phrase} named by ${effect.direct}`;
  return phrase;
}

/**
 * The skill's description, one or two sentences. An instruction ("Refund order <orderId> in
 * full") already says what the skill does and is kept with its values as placeholders. A chat
 * opening ("Hi, I need to cancel a reservation.") is cleaned of greetings, politeness and personal
 * data and completed by what the skill changes and what it takes: "Cancel a reservation: cancels
 * the reservation chosen by destination; takes userId, destination."
 */
export function describeSkill(options: DescribeSkillOptions): string {
  const request = withPlaceholders(options);
  if (!isConversational(request)) return request;
  const cleaned = cleanRequest(request);
  const takes = options.inputs.length > 0 ? `takes ${options.inputs.join(', ')}` : 'takes no input';
  const clause = `${effectClause(options.effect)}; ${takes}.`;
  return cleaned.length > 0 ? `${cleaned}: ${clause}` : `${clause[0]?.toUpperCase()}${clause.slice(1)}`;
}
