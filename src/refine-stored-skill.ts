import {
  checkSkill,
  draftSkill,
  loadTrajectories,
  refineSkill,
  resolveModel,
  toolsDeclarations,
  type AttemptRecord,
  type CompiledSkill,
  type LanguageModel,
  type Trajectory,
} from '../compiler/index.js';
import { KnackError, type ToolManifestEntry } from '../core/index.js';
import type { SkillStore } from './store/index.js';

/** Options of `refineStoredSkill`. */
export interface RefineStoredSkillOptions {
  store: SkillStore;
  /** The parent version: `name`, `name@3` or `name@latest`. */
  ref: string;
  /** The tool whitelist the skill is checked against. */
  manifest: readonly ToolManifestEntry[];
  /** Trajectory files: the parent's (by id, from its provenance) and the new cases. */
  files?: string[];
  /** Trajectories already in native form, same rule as `files`. */
  trajectories?: Trajectory[];
  /** @default env `KNACK_MODEL`; refinement needs a model */
  model?: string | LanguageModel;
  /** Model calls before giving up. @default 3 */
  maxAttempts?: number;
  signal?: AbortSignal;
}

/** A new version that replays the parent's cases and the new ones, or why there is none. */
export type RefineStoredSkillResult =
  | { ok: true; ref: string; parentRef: string; skill: CompiledSkill; attempts: AttemptRecord[] }
  | { ok: false; reason: string; parentRef: string; attempts: AttemptRecord[] };

/** Splits loaded cases into the parent's own and the new ones; every parent case must be there. */
function splitCases(
  all: Trajectory[],
  parentIds: readonly string[],
  parentRef: string,
): [Trajectory[], Trajectory[]] {
  const missing = parentIds.filter((id) => !all.some((trajectory) => trajectory.id === id));
  if (missing.length > 0) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${parentRef} was verified on ${missing.join(', ')}; pass those trajectories too, so the new version is checked against them.`,
      { where: { field: 'files' } },
    );
  }
  return [
    all.filter((trajectory) => parentIds.includes(trajectory.id)),
    all.filter((trajectory) => !parentIds.includes(trajectory.id)),
  ];
}

/**
 * Refines a stored skill with a model: the new version must replay the parent's trajectories and
 * the new ones (type-check, policy and sandbox replay, as every draft), and is published as a
 * `verified` version whose provenance names its parent, for a reviewer to diff and approve.
 * @throws KnackError `INVALID_ARGUMENT` (no model, no new case, a parent case missing), store errors.
 */
export async function refineStoredSkill(options: RefineStoredSkillOptions): Promise<RefineStoredSkillResult> {
  const model = resolveModel(options.model === undefined ? {} : { model: options.model });
  if (!model)
    throw new KnackError(
      'INVALID_ARGUMENT',
      'Refining needs a model: pass `model` (`--model SPEC`) or set KNACK_MODEL.',
      { where: { field: 'model' } },
    );
  const parent = await options.store.get(options.ref);
  const parentRef = `${parent.name}@${parent.version}`;
  const loaded = await loadTrajectories(options);
  if (loaded.errors.length > 0) {
    throw new KnackError(
      'INVALID_TRAJECTORY',
      loaded.errors.map((error) => error.message).join('\n'),
      loaded.errors[0]?.where ? { where: loaded.errors[0].where } : {},
    );
  }
  // Cases without `input` get the parameters the trace compiler reads from their task text.
  const inputs = draftSkill({ trajectories: loaded.trajectories, manifest: options.manifest }).inputs;
  const all = loaded.trajectories.map((trajectory) => ({
    ...trajectory,
    input: inputs.get(trajectory.id) ?? trajectory.input ?? {},
  }));
  const [old, fresh] = splitCases(all, parent.provenance.trajectoryIds, parentRef);
  const result = await refineSkill({
    model,
    parent: { name: parent.name, source: parent.source, version: parent.version, trajectories: old },
    newTrajectories: fresh,
    toolsDeclarations: await toolsDeclarations(options.manifest, loaded.inferredResultSchemas),
    check: (request) =>
      checkSkill({
        source: request.source,
        manifest: options.manifest,
        trajectories: request.trajectories,
        inferredResultSchemas: loaded.inferredResultSchemas,
        resolver: options.store,
        ...(request.signal ? { signal: request.signal } : {}),
      }),
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  if (!result.ok) return { ok: false, reason: result.reason, parentRef, attempts: result.attempts };
  if (loaded.leftOut.length > 0) result.skill.provenance.leftOut = loaded.leftOut;
  const published = await options.store.publish(result.skill, {
    by: 'knack refine',
    note: `refines ${parentRef} with ${fresh.map((trajectory) => trajectory.id).join(', ')}`,
  });
  return { ok: true, ref: published.ref, parentRef, skill: result.skill, attempts: result.attempts };
}
