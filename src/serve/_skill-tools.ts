import type { JsonSchema, ToolManifestEntry } from '../../core/index.js';
import type { SkillVersion } from '../store/index.js';
import { skillAnnotations } from './_tool-effects.js';

/** The names of the server's own tools; a skill of one of these names is not exposed as a tool. */
export const BUILT_IN_TOOLS = ['search_skills', 'get_skill', 'run_skill', 'report_outcome'] as const;

/** An MCP `tools/list` entry. */
export interface McpToolEntry {
  name: string;
  title?: string;
  description: string;
  inputSchema: { type: 'object'; [key: string]: unknown };
  outputSchema?: { type: 'object'; [key: string]: unknown };
  annotations?: Record<string, unknown>;
}

const skillRef = {
  type: 'string',
  description: '`name` (its active version) or `name@N`, as search_skills lists it.',
  minLength: 1,
  maxLength: 200,
};

/** The server's own tools: few, so a library of hundreds of skills does not flood the context. */
export const builtInTools: readonly McpToolEntry[] = [
  {
    name: 'search_skills',
    title: 'Search skills',
    description:
      'Finds stored skills (verified, reviewed procedures) that fit a request, best first, with their input schema and how reliable they have been. Search before planning a task step by step; an empty list means no skill fits.',
    inputSchema: {
      type: 'object',
      properties: {
        query: { type: 'string', description: 'What to do, in plain words.', minLength: 1, maxLength: 2000 },
        limit: { type: 'integer', minimum: 1, maximum: 20, description: 'Most skills returned (default 5).' },
      },
      required: ['query'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'get_skill',
    title: 'Read a skill',
    description:
      "A skill's TypeScript source, input and output schemas, the tools it may call, its status and review, where it came from (the trajectories it was compiled from and their replay) and its run figures: enough to decide whether to trust it.",
    inputSchema: {
      type: 'object',
      properties: { ref: skillRef },
      required: ['ref'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: true, openWorldHint: false },
  },
  {
    name: 'run_skill',
    title: 'Run a skill',
    description:
      "Runs a skill in knack's sandbox with its input (checked against its input schema). Returns the value and a runId; a failure starts with its code and lists the tool calls with effects that completed before it. Report afterwards with report_outcome whether the result was right.",
    inputSchema: {
      type: 'object',
      properties: {
        ref: skillRef,
        input: { type: 'object', description: "The skill's input, matching its input schema." },
      },
      required: ['ref'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
  },
  {
    name: 'report_outcome',
    title: 'Report whether a run did the right thing',
    description:
      "Records a verdict on a run (runId from run_skill): `correct` or `wrong`, with a note saying what went wrong. Verdicts count in the skill version's reliability, apart from errors.",
    inputSchema: {
      type: 'object',
      properties: {
        runId: { type: 'string', minLength: 8, maxLength: 64 },
        outcome: { enum: ['correct', 'wrong'] },
        note: { type: 'string', maxLength: 2000 },
      },
      required: ['runId', 'outcome'],
      additionalProperties: false,
    },
    annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  },
];

function isObjectSchema(schema: JsonSchema): schema is { type: 'object'; [key: string]: unknown } {
  return typeof schema === 'object' && schema !== null && (schema as { type?: unknown }).type === 'object';
}

/** Figures an agent weighs: how often a version ran, succeeded, and was reported right or wrong. */
export function reliabilityLine(skill: SkillVersion): string {
  const { runs, ok, outcomes } = skill.reliability;
  const reported = outcomes.correct + outcomes.wrong;
  return `${ok}/${runs} runs ok${reported > 0 ? `, ${outcomes.correct} reported correct, ${outcomes.wrong} wrong` : ''}`;
}

/**
 * A served skill as a tool of its own: Input as `inputSchema`, Output as `outputSchema` (when
 * an object, as MCP requires), annotations from its permissions. Undefined when it cannot be
 * one (its name is a built-in's, or its Input is not an object).
 */
export function skillTool(
  skill: SkillVersion,
  manifest: readonly ToolManifestEntry[],
): McpToolEntry | undefined {
  if ((BUILT_IN_TOOLS as readonly string[]).includes(skill.name) || !isObjectSchema(skill.inputSchema))
    return undefined;
  return {
    name: skill.name,
    description: `${skill.description} (knack skill ${skill.name}@${skill.version}; ${reliabilityLine(skill)})`,
    inputSchema: skill.inputSchema,
    ...(isObjectSchema(skill.outputSchema) ? { outputSchema: skill.outputSchema } : {}),
    annotations: { ...skillAnnotations(skill.permissions, manifest), openWorldHint: true },
  };
}
