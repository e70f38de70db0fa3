import type { JsonSchema, ToolManifestEntry } from '../core/index.js';
import type { Trajectory } from './import/index.js';
import { toolsDeclarations, type SkillResolver } from './check/index.js';
import type { SkillDraft } from './trace/index.js';
import {
  compileWithModel,
  type CheckFunction,
  type CompileWithModelResult,
  type RelatedSkill,
} from './llm/index.js';
import type { LanguageModel } from './providers/index.js';
import { leaveOneOut } from './_gather-evidence.js';

/** What a model draft needs besides the group: the model and the compile's settings. */
export interface ModelDraftSettings {
  model: LanguageModel;
  manifest: readonly ToolManifestEntry[];
  inferredResultSchemas: Record<string, JsonSchema>;
  /** Model calls before falling back to the trace draft. @default 3 */
  maxAttempts?: number;
  relatedSkills?: RelatedSkill[];
  resolver?: SkillResolver;
  signal?: AbortSignal;
}

/** Leave-one-out needs this many siblings (as in `gatherEvidence`). */
const LEAVE_ONE_OUT_MIN = 3;

/**
 * Drafts a skill of `group` with the model: the prompt carries the trajectories (the users' turns
 * among them), the trace draft, its assumptions and, with three siblings or more, the siblings a
 * trace draft from the others did not reproduce. Every candidate goes through `check`.
 */
export async function draftWithModel(
  draft: SkillDraft,
  group: readonly Trajectory[],
  replayable: Trajectory[],
  check: CheckFunction,
  settings: ModelDraftSettings,
): Promise<CompileWithModelResult> {
  const held =
    group.length >= LEAVE_ONE_OUT_MIN
      ? await leaveOneOut(
          group,
          draft,
          { manifest: settings.manifest, name: draft.name },
          (source, replayed) => check({ source, trajectories: replayed }),
        )
      : undefined;
  return compileWithModel({
    model: settings.model,
    check,
    traceDraft: draft.source,
    context: {
      trajectories: replayable,
      toolsDeclarations: await toolsDeclarations(settings.manifest, settings.inferredResultSchemas),
      assumptions: draft.assumptions.map(
        (assumption) => `${assumption.subject} = ${JSON.stringify(assumption.value)}: ${assumption.reason}`,
      ),
      ...(held?.failures.length
        ? {
            leaveOneOutFailures: held.failures.map((failure) => `${failure.trajectoryId}: ${failure.reason}`),
          }
        : {}),
      ...(settings.relatedSkills ? { relatedSkills: settings.relatedSkills } : {}),
    },
    ...(settings.maxAttempts ? { maxAttempts: settings.maxAttempts } : {}),
    ...(settings.signal ? { signal: settings.signal } : {}),
  });
}
