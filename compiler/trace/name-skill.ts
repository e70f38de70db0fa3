import { isSkillName, type ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { readOnlyTools } from './prune-steps.js';

/** Options of `nameSkill`. */
export interface NameSkillOptions {
  manifest: readonly ToolManifestEntry[];
  /** Tools known to change nothing beyond the manifest's `readOnlyHint`s. @default [] */
  readOnly?: readonly string[];
}

const greeting = /^\s*(hi|hello|hey|howdy|greetings|good (morning|afternoon|evening)|dear)\b/i;
const firstPersonRequest =
  /\b(i'?d like|i would like|i want|i need|i'?m looking|i am looking|can i|could i|could you|can you|would you|i wish|i'?m hoping)\b/i;

// Words that say how, not what: greetings, politeness, filler and request phrasing.
const fillerWords = new Set(
  (
    'a an the it its is are was were be to of on in for and or with from by this that my me i our your their ' +
    'please we you can could would should will just now which where what when who how still every each all ' +
    'tell give show let know some any wrote asking asked about her his them they she he ' +
    'hi hello hey howdy there greetings dear good morning afternoon evening thanks kindly sir madam ' +
    'like want wanted need needs looking hoping help im id ive ll so also maybe quick'
  ).split(' '),
);

function isConversational(task: string): boolean {
  return greeting.test(task) || firstPersonRequest.test(task);
}

// Personal data has no place in a name: emails, numbers and ids, and names of people (a
// capitalised word inside a sentence, "Refund order 8819 for Edsger").
function withoutPersonalData(task: string): string {
  return task
    .replace(/\S+@\S+/g, ' ')
    .replace(/\S*\d\S*/g, ' ')
    .replace(/(?<![.!?]\s*|^\s*)\b[A-Z][a-z]+\b/g, ' ');
}

function taskWords(task: string): string[] {
  return withoutPersonalData(task)
    .toLowerCase()
    .replace(/'/g, '')
    .replace(/([a-z])-([a-z])/g, '$1$2') // "on-call" is one word
    .split(/[^a-z]+/)
    .filter((word) => word.length > 1 && !fillerWords.has(word));
}

function snakeCase(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** The last call that may change something: its tool names what the procedure does. */
function lastEffect(trajectory: Trajectory, readOnly: ReadonlySet<string>): string | undefined {
  const effects = trajectory.steps.filter((step) => step.error === undefined && !readOnly.has(step.tool));
  const tool = effects[effects.length - 1]?.tool;
  return tool === undefined ? undefined : snakeCase(tool.split('.').pop() ?? tool);
}

/**
 * Names a skill offline, for what it does: from the task's words with greetings, politeness,
 * filler and personal data (emails, ids, people's names) removed; a conversational request
 * ("Hi, I'd like to ...") is named after the last call that may change something, the tool and
 * its object (`cancel_reservation`). Always a valid skill name; `skill` when nothing is left.
 */
export function nameSkill(trajectories: readonly Trajectory[], options: NameSkillOptions): string {
  const lead = trajectories[0];
  if (!lead) return 'skill';
  const effect = lastEffect(lead, readOnlyTools(options.manifest, options.readOnly));
  const words = taskWords(lead.task).slice(0, 3);
  const name =
    isConversational(lead.task) || words.length < 2 ? (effect ?? words.join('_')) : words.join('_');
  const valid = name.replace(/^[^a-z]+/, '').slice(0, 64);
  return isSkillName(valid) ? valid : 'skill';
}
