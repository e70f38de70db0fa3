import { resolve } from 'node:path';
import { KnackError, type ToolManifestEntry } from '../../core/index.js';
import {
  compileTrajectories,
  groupTrajectories,
  type CompiledSkill,
  type LanguageModel,
} from '../../compiler/index.js';
import type { SkillStore } from '../store/index.js';
import { writeRecordedSession } from './recorded-session.js';
import {
  importSessions,
  readSessions,
  toolsOf,
  type LoadedSession,
  type SkippedSession,
} from './load-recorded-sessions.js';

/**
 * Sessions a task shape needs before `proposeSkills` compiles it: one run says what an agent did
 * once; three with different inputs let the compiler tell the user's values from constants, and
 * each is replayed. More runs, more evidence.
 */
export const MIN_PROPOSAL_RUNS = 3;

/** Options of `proposeSkills`. */
export interface ProposeSkillsOptions {
  /** Where proposals are published (as `verified`, never active). */
  store: SkillStore;
  /** The folder of session files written by `knack record` (`*.json`). */
  dir: string;
  /** The tools to compile against. @default the tool lists the sessions recorded (`recording.tools`) */
  manifest?: readonly ToolManifestEntry[];
  /** Successful sessions of one task shape needed for a proposal. @default MIN_PROPOSAL_RUNS (3) */
  minRuns?: number;
  /** Who proposes, in the history and the provenance. @default `knack propose` */
  by?: string;
  /** Draft with a model, as `compileTrajectories` does. @default the offline trace compiler */
  model?: string | LanguageModel;
  /** Called with progress lines (for CLIs). */
  onProgress?: (message: string) => void;
  signal?: AbortSignal;
}

/** What became of one task shape's sessions. */
export interface ProposalOutcome {
  /**
   * `proposed` (a new version awaits review), `unchanged` (the same source was already stored),
   * `already-proposed` (every session was proposed before), `too-few-runs`, `not-verified`.
   */
  status: 'proposed' | 'unchanged' | 'already-proposed' | 'too-few-runs' | 'not-verified';
  /** Session ids, in file order. */
  sessions: string[];
  /** The first session's task. */
  task: string;
  /** The stored version (`proposed`, `unchanged`, `already-proposed`). */
  ref?: string;
  message: string;
}

/** The outcome of `proposeSkills`. */
export interface ProposeSkillsResult {
  /** One entry per task shape (or per skill, when one shape compiled into several). */
  outcomes: ProposalOutcome[];
  skipped: SkippedSession[];
  /** Refs of the versions this call stored anew (status `verified`, awaiting review). */
  published: string[];
}

async function isStored(store: SkillStore, ref: string): Promise<boolean> {
  try {
    await store.get(ref);
    return true;
  } catch (error) {
    if (KnackError.isInstance(error) && error.code === 'NOT_FOUND') return false;
    throw error;
  }
}

async function alreadyProposed(
  store: SkillStore,
  group: readonly LoadedSession[],
): Promise<string | undefined> {
  const refs = new Set(group.map(({ session }) => session.recording.proposed?.ref));
  if (refs.has(undefined)) return undefined;
  for (const ref of refs) if (!(await isStored(store, ref as string))) return undefined;
  return [...refs].join(', ');
}

function withProposal(
  skill: CompiledSkill,
  group: readonly LoadedSession[],
  options: ProposeSkillsOptions,
  minRuns: number,
) {
  const ids = new Set(skill.provenance.trajectoryIds);
  const covered = group.filter(({ trajectory }) => ids.has(trajectory.id));
  const tasks = [...new Set(covered.map(({ trajectory }) => trajectory.task))];
  const by = options.by ?? 'knack propose';
  const replayed = skill.verification.reports.filter((report) => report.ok).length;
  return {
    ...skill,
    provenance: {
      ...skill.provenance,
      proposal: {
        by,
        runs: covered.length,
        minRuns,
        distinctTasks: tasks.length,
        at: new Date().toISOString(),
      },
    },
    reviewNotes:
      `Proposed by ${by} from ${covered.length} recorded sessions of one task shape (${[...ids].join(', ')}); ` +
      `${replayed}/${skill.verification.reports.length} replayed in the sandbox; ${tasks.length} distinct task(s): ` +
      tasks.map((task) => JSON.stringify(task)).join('; ') +
      '. It becomes active only after a reviewer approves it.',
  };
}

async function markProposed(covered: readonly LoadedSession[], ref: string): Promise<void> {
  const at = new Date().toISOString();
  for (const { file, session } of covered) {
    session.recording.proposed = { ref, at };
    await writeRecordedSession(file, session);
  }
}

async function proposeGroup(
  group: LoadedSession[],
  manifest: readonly ToolManifestEntry[],
  options: ProposeSkillsOptions,
  minRuns: number,
  result: ProposeSkillsResult,
): Promise<void> {
  const sessions = group.map(({ trajectory }) => trajectory.id);
  const task = group[0]?.trajectory.task ?? '';
  const progress = options.onProgress ?? (() => undefined);
  if (group.length < minRuns) {
    const message = `${group.length} successful session(s) of this task shape; a proposal needs ${minRuns} (record more, or lower --min-runs).`;
    result.outcomes.push({ status: 'too-few-runs', sessions, task, message });
    return;
  }
  const previous = await alreadyProposed(options.store, group);
  if (previous !== undefined) {
    result.outcomes.push({
      status: 'already-proposed',
      sessions,
      task,
      ref: previous,
      message: `already proposed as ${previous}.`,
    });
    return;
  }
  progress(`compiling ${group.length} sessions: ${JSON.stringify(task)}`);
  const { skills } = await compileTrajectories({
    trajectories: group.map(({ trajectory }) => trajectory),
    manifest,
    ...(options.model === undefined ? {} : { model: options.model }),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  for (const skill of skills) {
    const ids = new Set(skill.provenance.trajectoryIds);
    const covered = group.filter(({ trajectory }) => ids.has(trajectory.id));
    const coveredIds = covered.map(({ trajectory }) => trajectory.id);
    if (!skill.verification.isVerified) {
      const failed = skill.verification.reports.find((report) => !report.ok);
      const message = `${skill.name} did not replay ${failed?.trajectoryId ?? 'its sessions'}${failed?.message ? `: ${failed.message}` : ''}; nothing proposed.`;
      result.outcomes.push({ status: 'not-verified', sessions: coveredIds, task, message });
      continue;
    }
    if (covered.length < minRuns) {
      const message = `${skill.name} replays only ${covered.length} of these sessions (the others need other steps); a proposal needs ${minRuns}.`;
      result.outcomes.push({ status: 'too-few-runs', sessions: coveredIds, task, message });
      continue;
    }
    const published = await options.store.publish(withProposal(skill, group, options, minRuns), {
      by: options.by ?? 'knack propose',
      note: `proposed from ${covered.length} recorded sessions`,
    });
    await markProposed(covered, published.ref);
    if (published.isNew) result.published.push(published.ref);
    const message = published.isNew
      ? `proposed ${published.ref} (${published.status}) from ${covered.length} sessions; awaiting review.`
      : `${published.ref} already holds this source; nothing new.`;
    progress(message);
    result.outcomes.push({
      status: published.isNew ? 'proposed' : 'unchanged',
      sessions: coveredIds,
      task,
      ref: published.ref,
      message,
    });
  }
}

/**
 * Proposes skills from sessions recorded by `knack record`: reads `dir`, keeps the successful
 * sessions that have a task and an outcome, groups them by task shape (the compiler's grouping),
 * compiles each group of at least `minRuns` and publishes each verified skill that replays at
 * least `minRuns` of them as a `verified` version awaiting review, with the sessions as
 * provenance (`provenance.proposal`, review notes). Proposed versions always need a reviewer's
 * approval before `promote`. Sessions are marked with the ref that covers them; a group whose
 * sessions are all proposed (and whose versions are still stored) is skipped, and identical
 * source publishes nothing new, so a second run proposes nothing new.
 * @throws KnackError INVALID_ARGUMENT (bad options), NOT_FOUND (no such folder); a store that is down throws its error.
 * @example
 * const { outcomes, published } = await proposeSkills({ store, dir: 'sessions' });
 */
export async function proposeSkills(options: ProposeSkillsOptions): Promise<ProposeSkillsResult> {
  if (typeof options?.dir !== 'string' || options.dir === '')
    throw new KnackError('INVALID_ARGUMENT', 'proposeSkills needs `dir`: the folder of recorded sessions.', {
      where: { field: 'dir' },
    });
  if (typeof options.store?.publish !== 'function')
    throw new KnackError('INVALID_ARGUMENT', 'proposeSkills needs `store`: an open skill store.', {
      where: { field: 'store' },
    });
  const minRuns = options.minRuns ?? MIN_PROPOSAL_RUNS;
  if (!Number.isInteger(minRuns) || minRuns < 1)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `\`minRuns\` must be a whole number of at least 1, got ${String(minRuns)}.`,
      {
        where: { field: 'minRuns' },
      },
    );
  const result: ProposeSkillsResult = { outcomes: [], skipped: [], published: [] };
  const dir = resolve(options.dir);
  const sessions = await readSessions(dir, result.skipped);
  const manifest = options.manifest ?? toolsOf(sessions);
  const loaded = importSessions(sessions, manifest, result.skipped);
  options.onProgress?.(
    `${loaded.length} successful session(s) of ${sessions.length} recorded in ${options.dir}`,
  );
  const byId = new Map(loaded.map((entry) => [entry.trajectory.id, entry]));
  for (const group of groupTrajectories(loaded.map(({ trajectory }) => trajectory))) {
    if (options.signal?.aborted)
      throw new KnackError('ABORTED', 'proposeSkills was aborted.', { cause: options.signal.reason });
    const entries = group.map((trajectory) => byId.get(trajectory.id) as LoadedSession);
    await proposeGroup(entries, manifest, options, minRuns, result);
  }
  return result;
}
