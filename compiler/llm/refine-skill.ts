import { KnackError } from '../../core/index.js';
import type { RunError } from '../../sandbox/index.js';
import { modelLabel, type LanguageModel, type ModelUsage } from '../providers/index.js';
import { compactJson } from './_compact-json.js';
import type { Trajectory } from '../import/index.js';
import type { CompiledSkill } from '../check/index.js';
import { runRepairLoop } from './_run-repair-loop.js';
import { withHonestVerification } from './_unverified.js';
import { describeEnvironment, describeTrajectories, systemPrompt, type Prompt } from './build-prompt.js';
import { totalUsage } from './compile-with-model.js';
import { describeCheckProblems, isCleanlyVerified } from './format-feedback.js';
import type { AttemptRecord, CheckFunction, RelatedSkill } from './llm-types.js';

/** A run of the stored skill that failed (from run history), shown to the model as a hint. */
export interface FailedRun {
  input?: unknown;
  error: RunError;
}

/** The stored version being refined. */
export interface ParentSkill {
  /** `meta.name`; the refined module must keep it. @default the name the check reads from `source` */
  name?: string;
  source: string;
  version: number;
  /** The cases the parent was verified on; the refined version must still replay them. */
  trajectories: Trajectory[];
}

/** Options of `refineSkill`. */
export interface RefineSkillOptions {
  model: LanguageModel;
  parent: ParentSkill;
  /** New cases the parent fails on (or should learn). */
  newTrajectories: Trajectory[];
  failedRuns?: FailedRun[];
  /** Given every case: the parent's and the new ones. */
  check: CheckFunction;
  toolsDeclarations: string;
  relatedSkills?: RelatedSkill[];
  /** @default 3 */
  maxAttempts?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** A refined, verified version, or why there is none (a failure is a result, not a pretence). */
export type RefineSkillResult =
  | { ok: true; skill: CompiledSkill; attempts: AttemptRecord[]; usage: ModelUsage }
  | { ok: false; reason: string; attempts: AttemptRecord[]; usage: ModelUsage; lastOutcome?: CompiledSkill };

function buildRefinePrompt(options: RefineSkillOptions, parentCheck: CompiledSkill, name: string): Prompt {
  const parent = { ...options.parent, name };
  const runs = options.failedRuns ?? [];
  const sections = [
    `## Task\nRefine the stored skill ${parent.name}@${parent.version} so it handles the new cases and still replays the old ones. Keep \`meta.name\` "${parent.name}" and keep the signature compatible (callers of version ${parent.version} must keep working).`,
    `## Current version (${parent.name}@${parent.version})\n\`\`\`ts\n${parent.source.trim()}\n\`\`\``,
    `## How the current version does on every case\n${describeCheckProblems(parentCheck) || 'It passes all of them.'}`,
    `## Cases it was verified on (JSON)\n${describeTrajectories(parent.trajectories) || 'None.'}`,
    `## New cases (JSON)\n${describeTrajectories(options.newTrajectories) || 'None.'}`,
    ...(runs.length > 0
      ? [`## Failed runs of the current version\n${runs.map((run) => compactJson(run)).join('\n')}`]
      : []),
    describeEnvironment({
      trajectories: [],
      toolsDeclarations: options.toolsDeclarations,
      ...(options.relatedSkills ? { relatedSkills: options.relatedSkills } : {}),
    }),
    'Write the refined skill module.',
  ];
  return { system: systemPrompt(), messages: [{ role: 'user', content: sections.join('\n\n') }] };
}

/**
 * Produces a new version of a stored skill that replays the parent's cases and the new ones,
 * with the same repair loop as `compileWithModel`. If no attempt verifies, the result says so.
 * @throws KnackError `INVALID_ARGUMENT`, and provider errors as `compileWithModel`.
 */
export async function refineSkill(options: RefineSkillOptions): Promise<RefineSkillResult> {
  const { parent } = options;
  if (options.newTrajectories.length === 0 && (options.failedRuns ?? []).length === 0) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `refineSkill(${parent.name ?? 'parent'}@${parent.version}) needs newTrajectories or failedRuns.`,
    );
  }
  const trajectories = [...parent.trajectories, ...options.newTrajectories];
  const signalOption = options.signal ? { signal: options.signal } : {};
  const parentCheck = withHonestVerification(
    await options.check({ source: parent.source, trajectories, ...signalOption }),
  );
  const name = parent.name ?? parentCheck.name;
  if (isCleanlyVerified(parentCheck) && (options.failedRuns ?? []).length === 0) {
    return {
      ok: false,
      reason: `${name}@${parent.version} already replays all ${trajectories.length} cases; there is nothing to refine.`,
      attempts: [],
      usage: { inputTokens: 0, outputTokens: 0 },
    };
  }
  const loop = await runRepairLoop({
    model: options.model,
    prompt: buildRefinePrompt(options, parentCheck, name),
    trajectories,
    check: options.check,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...signalOption,
    rule: (outcome) =>
      outcome.name === name ? undefined : `meta.name must stay "${name}", got "${outcome.name}".`,
  });
  const { attempts } = loop;
  const usage = totalUsage(attempts);
  if (!loop.verified) {
    return {
      ok: false,
      reason: `No refinement of ${name}@${parent.version} verified in ${attempts.length} attempts (last: ${loop.lastFailure?.message ?? 'unknown'}).`,
      attempts,
      usage,
      // Even a replay-verified candidate that broke a loop rule is no verified refinement.
      ...(loop.lastOutcome
        ? {
            lastOutcome: {
              ...loop.lastOutcome,
              verification: { ...loop.lastOutcome.verification, isVerified: false },
            },
          }
        : {}),
    };
  }
  const { outcome, promptHash } = loop.verified;
  const skill: CompiledSkill = {
    ...outcome,
    provenance: {
      ...outcome.provenance,
      trajectoryIds: trajectories.map((trajectory) => trajectory.id),
      compiler: 'llm',
      model: modelLabel(options.model),
      promptHash,
      parentVersion: parent.version,
      attempts,
    },
  };
  return { ok: true, skill, attempts, usage };
}
