import { readFile } from 'node:fs/promises';
import { isSkillName, KnackError, SKILL_NAME_RULE, type JsonSchema } from '../core/index.js';
import { type Trajectory, importTrajectory, assertCompilable, checkTrajectory } from './import/index.js';
import type { CompileError, CompileOptions, CompileResult } from './compile-options.js';
import {
  type CompiledSkill,
  type Diagnostic,
  type GeneralizationEvidence,
  type LeftOutStep,
  checkSkill,
} from './check/index.js';
import {
  groupByShape,
  groupTrajectories,
  draftSkill,
  nameProfile,
  nameSkill,
  taskKey,
  toSkillName,
  type SkillDraft,
} from './trace/index.js';
import {
  createSkillNames,
  metaNameOf,
  prepareTrajectories,
  trimTaskScans,
  withMetaName,
  type PreparedTrajectories,
  type SkillNames,
} from './_prepare-trajectories.js';
import type { CheckFunction } from './llm/index.js';
import { annotateUntypedParameters, hasUntypedParameters } from './_annotate-untyped.js';
import { gatherEvidence, type EvidenceOptions } from './_gather-evidence.js';
import { draftWithModel, type ModelDraftSettings } from './_draft-with-model.js';
import { modelFolds } from './_model-folds.js';
import { resolveModel, type LanguageModel } from './providers/index.js';

function toCompileError(error: unknown): CompileError {
  if (KnackError.isInstance(error))
    return { code: error.code, message: error.message, ...(error.where ? { where: error.where } : {}) };
  throw error;
}

/**
 * What `loadTrajectories` read: the compilable trajectories (failed attempts and unused read-only
 * calls left out, as `compileTrajectories` does), the calls left out, result types inferred for
 * tools without an `outputSchema`, and the inputs it refused.
 */
export interface LoadTrajectoriesResult {
  trajectories: Trajectory[];
  errors: CompileError[];
  leftOut: LeftOutStep[];
  inferredResultSchemas: Record<string, JsonSchema>;
}

/**
 * Imports and checks `files` (any format) and `trajectories` against the manifest and prunes them,
 * as `compileTrajectories` does; refused inputs (bad files, failed outcomes) are listed, not thrown.
 */
export async function loadTrajectories(
  options: Pick<
    CompileOptions,
    'files' | 'trajectories' | 'manifest' | 'format' | 'readOnly' | 'toolErrorPattern'
  >,
): Promise<LoadTrajectoriesResult> {
  const errors: CompileError[] = [];
  const prepared = prepareTrajectories(await loadAll(options, errors), options.manifest, options.readOnly);
  return {
    trajectories: prepared.trajectories,
    errors,
    leftOut: [...prepared.leftOut.values()].flat(),
    inferredResultSchemas: prepared.inferredResultSchemas,
  };
}

async function loadAll(
  options: Pick<CompileOptions, 'files' | 'trajectories' | 'manifest' | 'format' | 'toolErrorPattern'>,
  errors: CompileError[],
): Promise<Trajectory[]> {
  const loaded: Trajectory[] = [];
  const accept = (trajectory: Trajectory, file?: string): void => {
    try {
      assertCompilable(trajectory, file);
      loaded.push(trajectory);
    } catch (error) {
      errors.push(toCompileError(error));
    }
  };
  for (const file of options.files ?? []) {
    try {
      const text = await readFile(file, 'utf8');
      accept(
        importTrajectory(text, {
          file,
          manifest: options.manifest,
          ...(options.format ? { format: options.format } : {}),
          ...(options.toolErrorPattern ? { toolErrorPattern: options.toolErrorPattern } : {}),
        }),
        file,
      );
    } catch (error) {
      const systemCode = (error as NodeJS.ErrnoException).code;
      if (systemCode === 'ENOENT')
        errors.push({ code: 'NOT_FOUND', message: `${file}: no such file.`, where: { file } });
      else if (systemCode) {
        const reason = error instanceof Error ? error.message : String(error);
        errors.push({
          code: 'INVALID_ARGUMENT',
          message: `${file}: cannot read it (${reason}).`,
          where: { file },
        });
      } else errors.push(toCompileError(error));
    }
  }
  for (const given of options.trajectories ?? []) {
    try {
      accept(checkTrajectory(structuredClone(given), options.manifest));
    } catch (error) {
      errors.push(toCompileError(error));
    }
  }
  return loaded;
}

/** What every group of one compile shares: the pre-pass's evidence and the names taken. */
interface CompileContext {
  options: CompileOptions;
  model: LanguageModel | undefined;
  prepared: PreparedTrajectories;
  names: SkillNames;
}

async function compileGroup(group: Trajectory[], context: CompileContext): Promise<CompiledSkill> {
  const { options, model, prepared, names } = context;
  const draft = draftNamed(group, context);
  const replayable = group.map((trajectory) => ({
    ...trajectory,
    input: draft.inputs.get(trajectory.id) ?? {},
  }));
  const inferredResultSchemas = prepared.inferredResultSchemas;
  const check = (request: {
    source: string;
    trajectories: Trajectory[];
    signal?: AbortSignal;
  }): Promise<CompiledSkill> => {
    // A model's name follows the offline rule (valid, unique in this compile) before the check.
    const written = metaNameOf(request.source);
    const modelName = written === undefined ? undefined : names.free(toSkillName(written) ?? written);
    const source =
      modelName !== undefined && modelName !== written
        ? withMetaName(request.source, modelName)
        : request.source;
    return checkSkill({
      source,
      manifest: options.manifest,
      trajectories: request.trajectories,
      secretParameters: draft.secretParameters,
      inferredResultSchemas,
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...((request.signal ?? options.signal) ? { signal: request.signal ?? options.signal } : {}),
    });
  };
  let skill = model
    ? await compileWithModelDraft(draft, group, replayable, check, context)
    : await check({ source: draft.source, trajectories: replayable });
  if (!model && hasUntypedParameters(skill.diagnostics)) {
    const source = annotateUntypedParameters(draft.source, skill.diagnostics);
    skill = await check({ source, trajectories: replayable });
  }
  const leftOut = group.flatMap((trajectory) => prepared.leftOut.get(trajectory.id) ?? []);
  if (leftOut.length > 0) skill.provenance.leftOut = leftOut;
  if (draft.branchFailure && !skill.verification.isVerified)
    skill.diagnostics.push({ severity: 'warning', code: 'SPLIT', message: draft.branchFailure });
  skill.diagnostics.push(
    ...leftOut.filter((call) => call.reason === 'failed-not-retried').map(failedAttemptNote),
  );
  return skill;
}

// A reviewer must hear that the run tried something the skill does not: the call failed, so it
// changed nothing, but the run may have meant it (and the task may not be done without it).
function failedAttemptNote(call: LeftOutStep): Diagnostic {
  return {
    severity: 'warning',
    code: 'FAILED_NOT_RETRIED',
    message:
      `${call.trajectoryId} step ${call.step}: the run's call of ${call.tool} failed${call.error ? ` (${call.error})` : ''} ` +
      'and was never retried; it changed nothing, so the skill does not make it. Check that the task is done without it.',
  };
}

// The name is decided before the check, so the bundle verified is the bundle stored. It is
// decided after a first draft: how the skill picks its target and what it takes tell it apart
// from the skills named before it in this compile (`cancel_reservation_by_destination`).
function draftNamed(group: Trajectory[], context: CompileContext): SkillDraft {
  const { options, prepared, names } = context;
  const readOnly = options.readOnly ?? [];
  const draftOptions = {
    trajectories: group,
    manifest: options.manifest,
    readOnly,
    typedResultTools: Object.keys(prepared.inferredResultSchemas),
  };
  if (options.name !== undefined) return draftSkill({ ...draftOptions, name: names.free(options.name) });
  const first = draftSkill({
    ...draftOptions,
    name: nameSkill(group, { manifest: options.manifest, readOnly }),
  });
  const inputs = Object.keys(first.inputs.get(group[0]?.id ?? '') ?? {});
  const named = nameSkill(group, {
    manifest: options.manifest,
    readOnly,
    draft: { inputs, targets: first.targets },
    taken: names,
  });
  const name = names.free(named);
  return name === first.name ? first : draftSkill({ ...draftOptions, name });
}

async function compileWithModelDraft(
  draft: SkillDraft,
  group: Trajectory[],
  replayable: Trajectory[],
  check: CheckFunction,
  context: CompileContext,
): Promise<CompiledSkill> {
  const { skill } = await draftWithModel(draft, group, replayable, check, modelSettings(context));
  return skill;
}

function modelSettings(context: CompileContext): ModelDraftSettings {
  const { options } = context;
  return {
    model: context.model as LanguageModel,
    manifest: options.manifest,
    inferredResultSchemas: context.prepared.inferredResultSchemas,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.relatedSkills ? { relatedSkills: options.relatedSkills } : {}),
    ...(options.resolver ? { resolver: options.resolver } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

// Takes the skill's name with what the skill does, so later skills can tell themselves apart.
function takeName(context: CompileContext, skill: CompiledSkill, group: readonly Trajectory[]): void {
  const properties = typeof skill.inputSchema === 'object' ? skill.inputSchema['properties'] : undefined;
  const inputs = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
  context.names.take(skill.name, nameProfile(group, inputs));
}

function splitNote(group: readonly Trajectory[], first: CompiledSkill): Diagnostic {
  const failed = first.verification.reports.filter((report) => !report.ok);
  return {
    severity: 'warning',
    code: 'SPLIT',
    message:
      `split from a group of ${group.length} siblings: one skill did not replay ${failed.map((report) => report.trajectoryId).join(', ')}` +
      ` (${failed[0]?.step === undefined ? '' : `step ${failed[0].step}: `}${failed[0]?.message ?? ''}); this skill covers only the siblings it replays.`,
  };
}

// A group becomes one skill only if that skill replays every sibling. Otherwise siblings are
// clustered greedily: a cluster takes the next sibling only while its skill still replays them all.
async function compileWithSplit(group: Trajectory[], context: CompileContext): Promise<CompiledSkill[]> {
  const whole = await compileGroup(group, context);
  if (whole.verification.isVerified || group.length === 1) {
    takeName(context, whole, group);
    return [whole];
  }
  const skills: CompiledSkill[] = [];
  let remaining = [...group];
  while (remaining.length > 0) {
    let cluster = remaining.slice(0, 1);
    let skill = await compileGroup(cluster, context);
    for (const candidate of remaining.slice(1)) {
      if (!skill.verification.isVerified) break;
      const grown = await compileGroup([...cluster, candidate], context);
      if (grown.verification.isVerified) [cluster, skill] = [[...cluster, candidate], grown];
    }
    skill.diagnostics.push(splitNote(group, whole));
    takeName(context, skill, cluster);
    skills.push(skill);
    remaining = remaining.filter((trajectory) => !cluster.includes(trajectory));
  }
  return skills;
}

// At most `length` characters, cut at a word with `…`, so a long reason still reads as one.
function clip(text: string, length: number): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[,;:(\s]+$/, '')}…`;
}

function taskSplitNote(group: readonly Trajectory[], shapes: number, folded: CompiledSkill): Diagnostic {
  const failed = folded.verification.reports.find((report) => !report.ok);
  const branch = folded.diagnostics.find((diagnostic) => diagnostic.code === 'SPLIT')?.message;
  const why =
    branch ??
    (failed
      ? `${failed.trajectoryId}${failed.step === undefined ? '' : ` step ${failed.step}`}: ${failed.message ?? 'did not replay'}`
      : (folded.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ??
        'not verified'));
  return {
    severity: 'warning',
    code: 'SPLIT',
    message:
      `${group.length} runs of one task (${taskKey(group[0] as Trajectory)}) took ${shapes} different step sequences ` +
      `and no one skill replays them all (${clip(why, 240)}); step sequences that fold (with branches) share ` +
      `a skill, the others have one each.`,
  };
}

// Greedily, in the order of the runs: a step sequence joins a fold when the skill drafted with branches still
// replays every run; a sequence nothing joined is compiled on its own.
async function foldShapes(
  shapes: readonly Trajectory[][],
  context: CompileContext,
): Promise<({ skill: CompiledSkill } | { shape: Trajectory[] })[]> {
  const clusters: ({ skill: CompiledSkill } | { shape: Trajectory[] })[] = [];
  let remaining = [...shapes];
  while (remaining.length > 0) {
    const joined = remaining.slice(0, 1);
    let skill: CompiledSkill | undefined;
    for (const shape of remaining.slice(1)) {
      const grown = await compileGroup([...joined.flat(), ...shape], { ...context, model: undefined });
      if (!grown.verification.isVerified) continue;
      joined.push(shape);
      skill = grown;
    }
    if (skill) takeName(context, skill, joined.flat());
    clusters.push(skill ? { skill } : { shape: remaining[0] as Trajectory[] });
    remaining = remaining.filter((shape) => !joined.includes(shape));
  }
  return clusters;
}

// Runs of one task fold into one skill when one skill replays them all (with branches where they
// took different steps); otherwise the step sequences that fold share a skill, the others are
// compiled on their own, and every resulting skill says why.
async function compileTask(group: Trajectory[], context: CompileContext): Promise<CompiledSkill[]> {
  const shapes = groupByShape(group, {
    manifest: context.options.manifest,
    ...(context.options.readOnly ? { readOnly: context.options.readOnly } : {}),
  });
  if (shapes.length === 1) return compileWithSplit(group, context);
  const folded = await compileGroup(group, { ...context, model: undefined });
  if (folded.verification.isVerified) {
    takeName(context, folded, group);
    return [folded];
  }
  const skills: CompiledSkill[] = [];
  for (const cluster of await foldShapes(shapes, context))
    skills.push(...('skill' in cluster ? [cluster.skill] : await compileWithSplit(cluster.shape, context)));
  const note = taskSplitNote(group, shapes.length, folded);
  for (const skill of skills) skill.diagnostics.push(note);
  return skills;
}

// A skill the model drafted is tested the way it was made: its leave-one-out folds are drafted by
// the model too (unless `leaveOneOut: 'trace'`), each without the sibling left out.
function evidenceOf(
  skill: CompiledSkill,
  own: readonly Trajectory[],
  context: CompileContext,
): Promise<GeneralizationEvidence> {
  const { options, prepared } = context;
  const byModel = context.model !== undefined && skill.provenance.compiler === 'llm';
  const evidenceOptions: EvidenceOptions = {
    manifest: options.manifest,
    name: skill.name,
    ...(options.leaveOneOut === undefined ? {} : { leaveOneOut: options.leaveOneOut }),
    ...(options.readOnly ? { readOnly: options.readOnly } : {}),
    typedResultTools: Object.keys(prepared.inferredResultSchemas),
    ...(byModel
      ? {
          modelFolds: modelFolds({
            ...modelSettings(context),
            name: skill.name,
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
          }),
        }
      : {}),
  };
  return gatherEvidence(skill, own, evidenceOptions, (source, replayed) =>
    checkSkill({
      source,
      manifest: options.manifest,
      trajectories: replayed,
      inferredResultSchemas: prepared.inferredResultSchemas,
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    }),
  );
}

/**
 * Compiles trajectories into verified skills offline with the trace compiler: imports and checks
 * each file, leaves out failed attempts and unused read-only calls (listed in
 * `provenance.leftOut`), infers result types of untyped tools from the recorded results, groups
 * siblings of one task shape, names each skill (unique in this compile) and drafts one skill per
 * group, run through `checkSkill`. Refused inputs (bad files, failed outcomes) are listed in `errors`, not thrown.
 * @throws KnackError INVALID_ARGUMENT without a manifest or trajectories, or with a bad `name`; ABORTED when `signal` aborts.
 * @example const { skills, errors } = await compileTrajectories({ files: ['t-001.json'], manifest });
 */
export async function compileTrajectories(options: CompileOptions): Promise<CompileResult> {
  if (!Array.isArray(options.manifest))
    throw new KnackError(
      'INVALID_ARGUMENT',
      'compileTrajectories needs `manifest`: an array of tool manifest entries.',
    );
  if (!options.files?.length && !options.trajectories?.length)
    throw new KnackError('INVALID_ARGUMENT', 'compileTrajectories needs `files` or `trajectories`.');
  if (options.name !== undefined && !isSkillName(options.name))
    throw new KnackError(
      'INVALID_ARGUMENT',
      `compileTrajectories: \`name\` ${JSON.stringify(options.name)} must be ${SKILL_NAME_RULE}.`,
      { where: { field: 'name' } },
    );
  const errors: CompileError[] = [];
  const model = resolveModel(options.model === undefined ? {} : { model: options.model });
  const prepared = prepareTrajectories(await loadAll(options, errors), options.manifest, options.readOnly);
  const context: CompileContext = { options, model, prepared, names: createSkillNames() };
  const skills: CompiledSkill[] = [];
  for (const task of groupTrajectories(prepared.trajectories, { manifest: options.manifest })) {
    const group = trimTaskScans(task, prepared, options);
    if (options.signal?.aborted)
      throw new KnackError('ABORTED', 'compileTrajectories was aborted.', { cause: options.signal.reason });
    options.onProgress?.(`compiling ${group.map((trajectory) => trajectory.id).join(', ')}`);
    for (const skill of await compileTask(group, context)) {
      const own = group.filter((trajectory) => skill.provenance.trajectoryIds.includes(trajectory.id));
      skill.evidence = await evidenceOf(skill, own, context);
      skills.push(skill);
    }
  }
  return { skills, errors };
}
