import { readFile } from 'node:fs/promises';
import { isSkillName, KnackError, SKILL_NAME_RULE } from '../core/index.js';
import { type Trajectory, importTrajectory, assertCompilable, checkTrajectory } from './import/index.js';
import type { CompileError, CompileOptions, CompileResult } from './compile-options.js';
import { type CompiledSkill, type Diagnostic, checkSkill, toolsDeclarations } from './check/index.js';
import { groupByShape, groupTrajectories, draftSkill, taskKey } from './trace/index.js';
import { compileWithModel } from './llm/index.js';
import { gatherEvidence, leaveOneOut } from './_gather-evidence.js';
import { resolveModel, type LanguageModel } from './providers/index.js';

function toCompileError(error: unknown): CompileError {
  if (KnackError.isInstance(error))
    return { code: error.code, message: error.message, ...(error.where ? { where: error.where } : {}) };
  throw error;
}

/** What `loadTrajectories` read: the compilable trajectories, and the inputs it refused. */
export interface LoadTrajectoriesResult {
  trajectories: Trajectory[];
  errors: CompileError[];
}

/**
 * Imports and checks `files` (any format) and `trajectories` against the manifest, as
 * `compileTrajectories` does; refused inputs (bad files, failed outcomes) are listed, not thrown.
 */
export async function loadTrajectories(
  options: Pick<CompileOptions, 'files' | 'trajectories' | 'manifest' | 'format'>,
): Promise<LoadTrajectoriesResult> {
  const errors: CompileError[] = [];
  return { trajectories: await loadAll(options, errors), errors };
}

async function loadAll(
  options: Pick<CompileOptions, 'files' | 'trajectories' | 'manifest' | 'format'>,
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

async function compileGroup(
  group: Trajectory[],
  options: CompileOptions,
  name: string | undefined,
  model: LanguageModel | undefined,
): Promise<CompiledSkill> {
  const draft = draftSkill({ trajectories: group, manifest: options.manifest, ...(name ? { name } : {}) });
  const replayable = group.map((trajectory) => ({
    ...trajectory,
    input: draft.inputs.get(trajectory.id) ?? {},
  }));
  const check = (request: {
    source: string;
    trajectories: Trajectory[];
    signal?: AbortSignal;
  }): Promise<CompiledSkill> =>
    checkSkill({
      source: request.source,
      manifest: options.manifest,
      trajectories: request.trajectories,
      secretParameters: draft.secretParameters,
      ...(options.resolver ? { resolver: options.resolver } : {}),
      ...((request.signal ?? options.signal) ? { signal: request.signal ?? options.signal } : {}),
    });
  if (!model) return check({ source: draft.source, trajectories: replayable });
  // The model hears which siblings the trace compiler could not generalize to.
  const held =
    group.length >= 3
      ? await leaveOneOut(group, draft, options, (source, replayed) =>
          check({ source, trajectories: replayed }),
        )
      : undefined;
  const { skill } = await compileWithModel({
    model,
    check,
    traceDraft: draft.source,
    context: {
      trajectories: replayable,
      toolsDeclarations: await toolsDeclarations(options.manifest),
      assumptions: draft.assumptions.map(
        (assumption) => `${assumption.subject} = ${JSON.stringify(assumption.value)}: ${assumption.reason}`,
      ),
      ...(held?.failures.length
        ? {
            leaveOneOutFailures: held.failures.map((failure) => `${failure.trajectoryId}: ${failure.reason}`),
          }
        : {}),
      ...(options.relatedSkills ? { relatedSkills: options.relatedSkills } : {}),
    },
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  return skill;
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
async function compileWithSplit(
  group: Trajectory[],
  options: CompileOptions,
  name: string | undefined,
  model: LanguageModel | undefined,
): Promise<CompiledSkill[]> {
  const whole = await compileGroup(group, options, name, model);
  if (whole.verification.isVerified || group.length === 1) return [whole];
  const skills: CompiledSkill[] = [];
  let remaining = [...group];
  while (remaining.length > 0) {
    let cluster = remaining.slice(0, 1);
    let skill = await compileGroup(cluster, options, name, model);
    for (const candidate of remaining.slice(1)) {
      if (!skill.verification.isVerified) break;
      const grown = await compileGroup([...cluster, candidate], options, name, model);
      if (grown.verification.isVerified) [cluster, skill] = [[...cluster, candidate], grown];
    }
    skill.diagnostics.push(splitNote(group, whole));
    skills.push(skill);
    remaining = remaining.filter((trajectory) => !cluster.includes(trajectory));
  }
  return skills;
}

function taskSplitNote(group: readonly Trajectory[], shapes: number, folded: CompiledSkill): Diagnostic {
  const failed = folded.verification.reports.find((report) => !report.ok);
  const why = failed
    ? `${failed.trajectoryId}${failed.step === undefined ? '' : ` step ${failed.step}`}: ${failed.message ?? 'did not replay'}`
    : (folded.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'not verified');
  return {
    severity: 'warning',
    code: 'SPLIT',
    message:
      `${group.length} runs of one task (${taskKey(group[0] as Trajectory)}) took ${shapes} different step sequences ` +
      `and no one skill replays them all (${why.slice(0, 200)}); compiled one skill per step sequence.`,
  };
}

// Runs of one task fold into one skill when one skill replays them all; otherwise each step
// sequence is compiled on its own, and every resulting skill says why.
async function compileTask(
  group: Trajectory[],
  options: CompileOptions,
  model: LanguageModel | undefined,
): Promise<CompiledSkill[]> {
  const shapes = groupByShape(group);
  if (shapes.length === 1) return compileWithSplit(group, options, options.name, model);
  const folded = await compileGroup(group, options, options.name, undefined);
  if (folded.verification.isVerified) return [folded];
  const skills: CompiledSkill[] = [];
  for (const shape of shapes) skills.push(...(await compileWithSplit(shape, options, options.name, model)));
  const note = taskSplitNote(group, shapes.length, folded);
  for (const skill of skills) skill.diagnostics.push(note);
  return skills;
}

function uniqueSkillNames(skills: CompiledSkill[]): void {
  const seen = new Map<string, number>();
  for (const skill of skills) {
    const count = (seen.get(skill.name) ?? 0) + 1;
    seen.set(skill.name, count);
    if (count === 1) continue;
    const renamed = `${skill.name}_${count}`;
    skill.source = skill.source.replace(
      `name: ${JSON.stringify(skill.name)}`,
      `name: ${JSON.stringify(renamed)}`,
    );
    skill.bundle = skill.bundle.replace(
      `name: ${JSON.stringify(skill.name)}`,
      `name: ${JSON.stringify(renamed)}`,
    );
    skill.name = renamed;
  }
}

/**
 * Compiles trajectories into verified skills offline with the trace compiler: imports and checks
 * each file, groups siblings of one task shape, drafts one skill per group and runs it through
 * `checkSkill`. Refused inputs (bad files, failed outcomes) are listed in `errors`, not thrown.
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
  const trajectories = await loadAll(options, errors);
  const skills: CompiledSkill[] = [];
  for (const group of groupTrajectories(trajectories, { manifest: options.manifest })) {
    if (options.signal?.aborted)
      throw new KnackError('ABORTED', 'compileTrajectories was aborted.', { cause: options.signal.reason });
    options.onProgress?.(`compiling ${group.map((trajectory) => trajectory.id).join(', ')}`);
    for (const skill of await compileTask(group, options, model)) {
      const own = group.filter((trajectory) => skill.provenance.trajectoryIds.includes(trajectory.id));
      skill.evidence = await gatherEvidence(skill, own, options, (source, replayed) =>
        checkSkill({
          source,
          manifest: options.manifest,
          trajectories: replayed,
          ...(options.resolver ? { resolver: options.resolver } : {}),
          ...(options.signal ? { signal: options.signal } : {}),
        }),
      );
      skills.push(skill);
    }
  }
  uniqueSkillNames(skills);
  return { skills, errors };
}
