import { isSkillName, type ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { readOnlyTools } from './prune-steps.js';
import type { TargetSelection } from './_target-selection.js';
import { isConversational, lastEffectTool, snakeCase, taskWords, toolWords } from './_request-text.js';

/** What a named skill does, to tell it apart from another skill that wants the same name. */
export interface NameProfile {
  /** Tools its trajectories call (after pruning). */
  tools: string[];
  /** Its inputs. */
  inputs: string[];
  /** The words of its task, without filler and personal data. */
  words: string[];
}

/** The names given so far in one compile, with what each named skill does. */
export interface TakenNames {
  has(name: string): boolean;
  profileOf(name: string): NameProfile | undefined;
}

/** Options of `nameSkill`. */
export interface NameSkillOptions {
  manifest: readonly ToolManifestEntry[];
  /** Tools known to change nothing beyond the manifest's `readOnlyHint`s. @default [] */
  readOnly?: readonly string[];
  /** The skill's draft: its inputs, and how the target of each call is chosen. @default none */
  draft?: { inputs: readonly string[]; targets: readonly TargetSelection[] };
  /** Names taken in this compile: a taken name is avoided with words that tell the skills apart. @default none */
  taken?: TakenNames;
}

/**
 * `text` as a valid skill name (core's `isSkillName`: snake_case, a letter first, at most 64
 * characters), or undefined when nothing valid is left. The one rule for offline and model names.
 */
export function toSkillName(text: string): string | undefined {
  const name = snakeCase(text)
    .replace(/^[^a-z]+/, '')
    .slice(0, 64)
    .replace(/_+$/, '');
  return isSkillName(name) ? name : undefined;
}

/** What a group of trajectories does, for `TakenNames.profileOf`. */
export function nameProfile(trajectories: readonly Trajectory[], inputs: readonly string[]): NameProfile {
  const tools = [...new Set(trajectories.flatMap((trajectory) => trajectory.steps.map((step) => step.tool)))];
  return { tools, inputs: [...inputs], words: taskWords(trajectories[0]?.task ?? '') };
}

// The object of a read call, for "with_...": `search_onestop_flight` -> `onestop_flight`.
function toolObject(tool: string): string {
  return toolWords(tool).replace(/^(get|fetch|read|lookup|find|list|search|query|check)_/, '');
}

function inputWords(input: string): string {
  return /^[a-z]+Id$|^id$/.test(input) ? 'id' : snakeCase(input);
}

function missing<T>(own: readonly T[], other: readonly T[]): T[] {
  return own.filter((item) => !other.includes(item));
}

// Names that tell this skill apart from `holder`, the skill that took `primary`: by how it picks
// its target, what it calls or takes that the other does not, the words of its task, or what it
// does without. Each is evidence about the procedure; `_2` stays the last resort (SkillNames.free).
function distinguishingNames(
  primary: string,
  own: NameProfile,
  holder: NameProfile | undefined,
  target: TargetSelection | undefined,
): string[] {
  const names: string[] = [];
  if (target?.direct !== undefined && !primary.includes('_by_'))
    names.push(`${primary}_by_${inputWords(target.direct)}`);
  if (!holder) return names;
  const tools = missing(own.tools, holder.tools).map(toolObject);
  if (tools.length > 0) names.push(`${primary}_with_${tools.slice(0, 2).join('_and_')}`);
  // The shortest input the other skill lacks: `insurance` over `payment_method_amount`.
  const [input] = missing(own.inputs, holder.inputs)
    .map(snakeCase)
    .sort((a, b) => a.length - b.length || a.localeCompare(b));
  if (input !== undefined) names.push(`${primary}_with_${input}`);
  // A call the other skill makes and this one never does says more about the procedure than how
  // its request was worded.
  const lacks = missing(holder.tools, own.tools).map(toolObject);
  if (lacks.length > 0) names.push(`${primary}_without_${lacks[0]}`);
  const words = missing(own.words, [...holder.words, ...primary.split('_')]);
  if (words.length > 0) names.push(`${primary}_${words.slice(0, 2).join('_')}`);
  const lacksInputs = missing(holder.inputs, own.inputs).map(snakeCase);
  if (lacksInputs.length > 0) names.push(`${primary}_without_${lacksInputs[0]}`);
  return names;
}

/**
 * Names a skill offline, for what it does. A conversational request ("Hi, I'd like to ...") is
 * named after the last call that may change something (`cancel_reservation`); an instruction
 * after its words, without greetings, politeness, filler and personal data (emails, ids, people's
 * names). With the draft, a target the skill picks by a rule adds it (`cancel_reservation_by_destination`).
 * When another skill of the compile took that name, words that tell the two apart are added
 * (`book_reservation_with_onestop_flight`, `cancel_reservation_by_id`); when no evidence tells
 * them apart the name is returned as is, and the registry adds `_2`. Always a valid skill name;
 * `skill` when nothing is left.
 */
export function nameSkill(trajectories: readonly Trajectory[], options: NameSkillOptions): string {
  const lead = trajectories[0];
  if (!lead) return 'skill';
  const effect = lastEffectTool(lead, readOnlyTools(options.manifest, options.readOnly));
  const words = taskWords(lead.task).slice(0, 3);
  const base =
    toSkillName(
      isConversational(lead.task) || words.length < 2
        ? effect === undefined
          ? words.join('_')
          : toolWords(effect)
        : words.join('_'),
    ) ?? 'skill';
  const target = options.draft?.targets.findLast((selection) => selection.tool === effect);
  const selectors = target?.selectors ?? [];
  const primary =
    (selectors.length > 0 ? toSkillName(`${base}_by_${selectors.map(snakeCase).join('_and_')}`) : base) ??
    base;
  const taken = options.taken;
  if (!taken?.has(primary)) return primary;
  const own = nameProfile(trajectories, options.draft?.inputs ?? []);
  const candidates = distinguishingNames(primary, own, taken.profileOf(primary), target);
  for (const candidate of candidates.map(toSkillName))
    if (candidate !== undefined && !taken.has(candidate)) return candidate;
  return primary;
}
