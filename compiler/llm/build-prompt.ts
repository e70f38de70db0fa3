import { createHash } from 'node:crypto';
import type { ModelMessage } from '../providers/index.js';
import { compactJson } from './_compact-json.js';
import type { Trajectory } from '../import/index.js';
import type { LlmCompileContext, RelatedSkill } from './llm-types.js';

/** A full prompt: the system prompt and the conversation so far. */
export interface Prompt {
  system: string;
  messages: ModelMessage[];
}

/** The skill module contract (DESIGN.md, "Skill module"), as the model is told it. */
export const SKILL_MODULE_CONTRACT = `A skill module looks exactly like this:
\`\`\`ts
import type { Tools } from "knack:tools";
export const meta = { name: "refund_order", description: "Refund a damaged order in full" } as const;
export interface Input { orderId: string }
export interface Output { refunded: number }
export default async function refundOrder(input: Input, tools: Tools): Promise<Output> { … }
\`\`\`
Rules:
- \`meta.name\` is snake_case and says what the skill does, verb and object (\`cancel_reservation\`), never a greeting, a politeness or a person's name; \`meta.description\` is one sentence saying what the skill does.
- \`Input\` holds what a caller varies (ids, amounts, queries), never constants of one run; \`Output\` is the final answer.
- Call tools only as \`await tools.<name>(args)\`; a dotted tool name is nested (\`tools.github.create_issue(args)\`). Only tools declared in \`Tools\` exist.
- The only other import allowed is a stored skill listed under "Stored skills": \`import lookup from "knack:skills/<name>@<version>"\`, called as \`await lookup(input, tools)\`.
- No eval, Function, dynamic import(), require, fetch, process, timers, network or file access: tools are the only way out.
- Keep the \`Input\` field names of the trace draft: replay calls the skill with each trajectory's \`input\` as shown.
- Replaying each trajectory must make the same tool calls, with the same arguments, in the same order, and return its answer.
- Generalize where the data says so (branch on values, loop over lists, handle the tool errors seen), and stay short and readable: a reviewer reads the diff.`;

const SYSTEM_PROMPT = `You are knack's skill compiler. You turn what an LLM agent did (trajectories of tool calls) into one reusable, typed TypeScript function: a skill module.

${SKILL_MODULE_CONTRACT}

Reply with the whole module in one \`\`\`ts code block.`;

// The agent's instructions go in a section of their own, once, not into every trajectory's JSON.
function describeTrajectory(trajectory: Trajectory): string {
  const { instructions: _instructions, ...rest } = trajectory;
  return compactJson(rest);
}

/** At most this many characters of the agents' instructions go into a prompt. */
const MAX_INSTRUCTIONS_CHARS = 8_000;

// What the agents were told (one policy is usually shared): the rules behind values the agent
// worked out, such as a fee or an allowance, which the trace draft can only take as inputs.
function describeInstructions(trajectories: readonly Trajectory[]): string[] {
  const distinct = [...new Set(trajectories.flatMap((trajectory) => trajectory.instructions ?? []))];
  if (distinct.length === 0) return [];
  const text = distinct.join('\n\n---\n\n');
  const shown =
    text.length > MAX_INSTRUCTIONS_CHARS
      ? `${text.slice(0, MAX_INSTRUCTIONS_CHARS)}\n[... ${text.length - MAX_INSTRUCTIONS_CHARS} more characters left out]`
      : text;
  return [
    `## The agent's instructions (its system prompt: rules the skill may need, such as fees or allowances a value follows)\n${shown}`,
  ];
}

function describeRelated(skills: readonly RelatedSkill[] | undefined): string {
  if (!skills || skills.length === 0) return 'None.';
  return skills
    .map((skill) => `- knack:skills/${skill.ref}: ${skill.description}\n  ${skill.signature}`)
    .join('\n');
}

/** The shared sections: tools, stored skills. */
export function describeEnvironment(context: LlmCompileContext): string {
  return [
    `## Tools (the only tools that exist)\n\`\`\`ts\n${context.toolsDeclarations.trim()}\n\`\`\``,
    `## Stored skills you may import instead of repeating their steps\n${describeRelated(context.relatedSkills)}`,
  ].join('\n\n');
}

/** Lists trajectories as compact JSON, one per line. */
export function describeTrajectories(trajectories: readonly Trajectory[]): string {
  return trajectories.map(describeTrajectory).join('\n');
}

/** Options of `buildCompilePrompt`. */
export interface BuildCompilePromptOptions {
  context: LlmCompileContext;
  /** The trace compiler's draft: correct for the recorded run, a starting point to generalize. */
  traceDraft: string;
}

// What the user said (the source of inputs), what the trace draft assumes and which siblings a
// draft from the others missed: the model's chance to name the rule instead of a position.
function generalizationNotes(context: LlmCompileContext): string[] {
  const said = [
    ...new Set(
      context.trajectories.flatMap((trajectory) => [trajectory.task, ...(trajectory.context ?? [])]),
    ),
  ];
  const list = (items: readonly string[]): string => items.map((item) => `- ${item}`).join('\n');
  return [
    ...(said.length > 1 ? [`## What the users said (values they wrote are inputs)\n${list(said)}`] : []),
    ...(context.assumptions?.length
      ? [
          `## Assumptions of the trace draft (explain each by a rule or make it an input)\n${list(context.assumptions)}`,
        ]
      : []),
    ...(context.leaveOneOutFailures?.length
      ? [
          `## Leave-one-out failures (a draft from the other siblings did not reproduce these)\n${list(context.leaveOneOutFailures)}`,
        ]
      : []),
  ];
}

/** The first prompt of a compilation: task, trajectories, trace draft, tools, stored skills. */
export function buildCompilePrompt(options: BuildCompilePromptOptions): Prompt {
  const { context } = options;
  const task = context.task ?? context.trajectories[0]?.task ?? '';
  const plural = context.trajectories.length > 1 ? 'Sibling trajectories of this task' : 'Trajectory';
  const content = [
    `## Task\n${task}`,
    `## ${plural} (JSON)\n${describeTrajectories(context.trajectories)}`,
    `## Trace draft (replays the recorded run; generalize it)\n\`\`\`ts\n${options.traceDraft.trim()}\n\`\`\``,
    ...describeInstructions(context.trajectories),
    ...generalizationNotes(context),
    describeEnvironment(context),
    'Write the skill module.',
  ].join('\n\n');
  return { system: SYSTEM_PROMPT, messages: [{ role: 'user', content }] };
}

/** The system prompt every compile and refine call uses. */
export function systemPrompt(): string {
  return SYSTEM_PROMPT;
}

/** sha256 (hex) of the full prompt: system prompt and every message, in order. */
export function hashPrompt(prompt: Prompt): string {
  return createHash('sha256')
    .update(JSON.stringify({ system: prompt.system, messages: prompt.messages }))
    .digest('hex');
}
