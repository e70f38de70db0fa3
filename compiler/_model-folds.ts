import { KnackError, type JsonSchema } from '../core/index.js';
import type { Trajectory } from './import/index.js';
import { checkSkill } from './check/index.js';
import { draftSkill } from './trace/index.js';
import type { CheckFunction } from './llm/index.js';
import { draftWithModel, type ModelDraftSettings } from './_draft-with-model.js';
import type { FoldCompiler, FoldDraft } from './_gather-evidence.js';

/** What model folds need: the settings of the skill's own model draft, its name, progress. */
export interface ModelFoldsOptions extends ModelDraftSettings {
  name: string;
  onProgress?: (message: string) => void;
}

/**
 * Model calls per fold: a draft and one repair (fewer when `maxAttempts` is 1). A fold that needs
 * more counts as a failure: the evidence errs on the side of "does not generalize", and the cost
 * stays at most 2 calls per sibling instead of `maxAttempts`.
 */
export const FOLD_MAX_ATTEMPTS = 2;

function requiredFields(schema: JsonSchema): string[] {
  const required = (schema as { required?: unknown }).required;
  return Array.isArray(required)
    ? required.filter((field): field is string => typeof field === 'string')
    : [];
}

async function compileModelFold(rest: Trajectory[], options: ModelFoldsOptions): Promise<FoldDraft> {
  const { manifest, inferredResultSchemas } = options;
  // The same prompt inputs as the skill's own draft, from the other siblings only.
  const draft = draftSkill({
    trajectories: rest,
    manifest,
    name: options.name,
    typedResultTools: Object.keys(inferredResultSchemas),
  });
  const replayable = rest.map((trajectory) => ({
    ...trajectory,
    input: draft.inputs.get(trajectory.id) ?? {},
  }));
  const check: CheckFunction = (request) =>
    checkSkill({
      source: request.source,
      manifest,
      trajectories: request.trajectories,
      secretParameters: draft.secretParameters,
      inferredResultSchemas,
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...((request.signal ?? options.signal) ? { signal: request.signal ?? options.signal } : {}),
    });
  const maxAttempts = Math.min(options.maxAttempts ?? 3, FOLD_MAX_ATTEMPTS);
  try {
    const result = await draftWithModel(draft, rest, replayable, check, { ...options, maxAttempts });
    if (result.usedFallback) {
      const last = result.attempts.at(-1)?.failure?.message ?? 'unknown';
      return {
        ok: false,
        reason: `no model draft from the other siblings verified in ${result.attempts.length} attempt(s) (last: ${last})`,
      };
    }
    return { ok: true, source: result.skill.source, required: requiredFields(result.skill.inputSchema) };
  } catch (error) {
    // A failed model call is a failed fold; an abort, or a bug of ours, is not evidence.
    if (!KnackError.isInstance(error) || error.code === 'ABORTED') throw error;
    return { ok: false, reason: `the model call failed (${error.code}: ${error.message})` };
  }
}

/**
 * Leave-one-out folds compiled by the model: per fold, the model drafts from the other siblings
 * with the same prompt inputs, check and repair loop (at most `FOLD_MAX_ATTEMPTS` calls) as the
 * skill's own draft, and never sees the sibling left out.
 */
export function modelFolds(options: ModelFoldsOptions): FoldCompiler {
  return {
    compiler: 'model',
    onFold: (index, total, leftOutId) =>
      options.onProgress?.(
        `leave-one-out with the model for ${options.name}: fold ${index}/${total} (${leftOutId} left out)`,
      ),
    compile: (rest) => compileModelFold(rest, options),
  };
}
