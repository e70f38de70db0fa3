import { KnackError } from '../../core/index.js';
import { modelLabel, type LanguageModel, type ModelUsage } from '../providers/index.js';
import type { CompiledSkill, Diagnostic } from '../check/index.js';
import { runRepairLoop } from './_run-repair-loop.js';
import { withHonestVerification } from './_unverified.js';
import { buildCompilePrompt } from './build-prompt.js';
import type { AttemptRecord, CheckFunction, LlmCompileContext } from './llm-types.js';

/** Options of `compileWithModel`. */
export interface CompileWithModelOptions {
  model: LanguageModel;
  context: LlmCompileContext;
  /** The trace compiler's draft: shown to the model, and the fallback when no attempt verifies. */
  traceDraft: string;
  /** The check pipeline every candidate (and the fallback) goes through. */
  check: CheckFunction;
  /** Model calls before falling back to the trace draft. @default 3 */
  maxAttempts?: number;
  /** Wall-clock limit of each model call, retries included, in ms. @default the model's (60000) */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** The compiled skill and how it was obtained. */
export interface CompileWithModelResult {
  /** Verified only if the check verified it; provenance lists every attempt. */
  skill: CompiledSkill;
  /** True when no model attempt verified and the trace draft was used instead. */
  usedFallback: boolean;
  /** Why the fallback was used (the last attempt's failure). */
  fallbackReason?: string;
  attempts: AttemptRecord[];
  /** Tokens of all attempts together. */
  usage: ModelUsage;
}

/** Sums the token usage of attempts. */
export function totalUsage(attempts: readonly AttemptRecord[]): ModelUsage {
  return attempts.reduce(
    (sum, attempt) => ({
      inputTokens: sum.inputTokens + attempt.usage.inputTokens,
      outputTokens: sum.outputTokens + attempt.usage.outputTokens,
    }),
    { inputTokens: 0, outputTokens: 0 },
  );
}

/**
 * Drafts a skill module with a model, checks it, and feeds diagnostics or replay mismatches back
 * for up to `maxAttempts` calls. If no attempt verifies, the trace draft is checked and returned
 * with `usedFallback: true`. An unverified module is never returned as verified.
 * @throws KnackError `INVALID_ARGUMENT`, and provider errors (`PROVIDER_AUTH_FAILED`,
 * `PROVIDER_MODEL_NOT_FOUND`, `PROVIDER_TIMEOUT`, `PROVIDER_FAILED`, `ABORTED`).
 * @example
 * const { skill, usedFallback } = await compileWithModel({ model, context, traceDraft, check });
 */
export async function compileWithModel(options: CompileWithModelOptions): Promise<CompileWithModelResult> {
  const { context } = options;
  if (context.trajectories.length === 0) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      'compileWithModel needs at least one trajectory in context.trajectories.',
    );
  }
  const label = modelLabel(options.model);
  const trajectoryIds = context.trajectories.map((trajectory) => trajectory.id);
  const loop = await runRepairLoop({
    model: options.model,
    prompt: buildCompilePrompt({ context, traceDraft: options.traceDraft }),
    trajectories: context.trajectories,
    check: options.check,
    maxAttempts: options.maxAttempts ?? 3,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const { attempts } = loop;
  if (loop.verified) {
    const { outcome, promptHash } = loop.verified;
    const skill: CompiledSkill = {
      ...outcome,
      provenance: {
        ...outcome.provenance,
        trajectoryIds,
        compiler: 'llm',
        model: label,
        promptHash,
        attempts,
      },
    };
    return { skill, usedFallback: false, attempts, usage: totalUsage(attempts) };
  }
  const fallbackReason = `No model attempt verified in ${attempts.length} (last: ${loop.lastFailure?.message ?? 'unknown'}); using the trace draft.`;
  const traced = withHonestVerification(
    await options.check({
      source: options.traceDraft,
      trajectories: context.trajectories,
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
  const notice: Diagnostic = { severity: 'warning', code: 'LLM_FALLBACK', message: fallbackReason };
  const skill: CompiledSkill = {
    ...traced,
    diagnostics: [...traced.diagnostics, notice],
    // The check names the trace compiler (e.g. `knack-trace@0.1.0`); the model's attempts stay on record.
    provenance: { ...traced.provenance, trajectoryIds, model: label, attempts },
  };
  return { skill, usedFallback: true, fallbackReason, attempts, usage: totalUsage(attempts) };
}
