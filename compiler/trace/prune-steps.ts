import type { ToolManifestEntry } from '../../core/index.js';
import type { LeftOutStep } from '../check/index.js';
import type { Trajectory, TrajectoryStep } from '../import/index.js';
import { userText } from './_draft-state.js';

/** Options of `pruneSteps`. */
export interface PruneOptions {
  manifest: readonly ToolManifestEntry[];
  /**
   * Tools known to change nothing, beyond those whose manifest entry says `annotations.readOnlyHint`
   * (many real manifests carry no annotations). @default []
   */
  readOnly?: readonly string[];
}

/** A trajectory without its exploration and chatter, and the steps left out. */
export interface PruneResult {
  trajectory: Trajectory;
  leftOut: LeftOutStep[];
}

/** Tools that change nothing: `annotations.readOnlyHint` in the manifest, plus the overlay. */
export function readOnlyTools(
  manifest: readonly ToolManifestEntry[],
  readOnly: readonly string[] = [],
): Set<string> {
  const names = manifest
    .filter((entry) => entry.annotations?.readOnlyHint === true)
    .map((entry) => entry.name);
  return new Set([...names, ...readOnly]);
}

// Scalar leaves, typed so that the number 160 and the text "160" stay apart.
function leaves(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string' && value.length > 0) into.add(`s:${value}`);
  else if (typeof value === 'number') into.add(`n:${value}`);
  else if (Array.isArray(value)) for (const item of value) leaves(item, into);
  else if (typeof value === 'object' && value !== null)
    for (const item of Object.values(value)) leaves(item, into);
  return into;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Text the user typed: a value found there came from the user, whatever else also holds it.
function isTypedByUser(leaf: string, userText: string): boolean {
  return leaf.startsWith('s:') && new RegExp(`(^|\\W)${escapeRegExp(leaf.slice(2))}($|\\W)`).test(userText);
}

// Whether a result feeds a later value: an equal leaf, or a string long enough to be spliced
// into a later text. Coincidences only keep a step, so they err on the safe side; a value the
// user typed ("BOS -> SEA") is no evidence that a lookup holding it was read.
function feeds(result: unknown, later: ReadonlySet<string>, userText: string): boolean {
  const own = new Set([...leaves(result)].filter((leaf) => !isTypedByUser(leaf, userText)));
  for (const leaf of own) if (later.has(leaf)) return true;
  const texts = [...later].filter((leaf) => leaf.startsWith('s:'));
  for (const leaf of own) {
    const text = leaf.slice(2);
    if (text.length >= 4 && texts.some((other) => other.includes(text))) return true;
  }
  return false;
}

// A failed call changed nothing (the tool refused it), so a skill that made it would only repeat
// a call known to fail: it is left out whether or not the agent tried again.
function failedReason(
  steps: readonly TrajectoryStep[],
  index: number,
  readOnly: ReadonlySet<string>,
): LeftOutStep['reason'] {
  const step = steps[index] as TrajectoryStep;
  if (steps.slice(index + 1).some((later) => later.tool === step.tool)) return 'failed-retried';
  return readOnly.has(step.tool) ? 'failed-read-only' : 'failed-not-retried';
}

// Consecutive calls of one tool (`[start, end)`), e.g. reading each reservation to pick one.
function runsOf(steps: readonly TrajectoryStep[], kept: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const index of kept) {
    const last = runs[runs.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous !== undefined && steps[previous]?.tool === steps[index]?.tool) last.push(index);
    else runs.push([index]);
  }
  return runs;
}

// A read-only call made again with the same arguments, with nothing kept in between that may
// change state (a booking that failed changed nothing) or that read the first result, is read
// afresh: the later result is what the agent went on with (a second search after `Not enough
// seats`), and the earlier one is superseded.
function repeatedReads(
  steps: readonly TrajectoryStep[],
  reasons: ReadonlyMap<number, LeftOutStep['reason']>,
  readOnly: ReadonlySet<string>,
  userText: string,
): number[] {
  const superseded: number[] = [];
  steps.forEach((step, index) => {
    if (reasons.has(index) || !readOnly.has(step.tool)) return;
    const args = JSON.stringify(step.args);
    for (let later = index + 1; later < steps.length; later++) {
      const next = steps[later] as TrajectoryStep;
      if (reasons.has(later)) continue;
      if (next.tool === step.tool && JSON.stringify(next.args) === args) {
        superseded.push(index);
        return;
      }
      if (!readOnly.has(next.tool) || feeds(step.result, leaves(next.args), userText)) return;
    }
  });
  return superseded;
}

/**
 * Leaves out what an agent did that is not procedure: a failed call it followed with another call
 * of the same tool (exploration), a failed read-only call, a failed call that may change something
 * and was never retried (it changed nothing), a read-only call made again with the same arguments
 * before anything changed (the later one is read), and read-only calls whose results no
 * later kept call nor a structured answer uses (scratch `think`/`calculate`, lookups never read).
 * A run of read-only calls of one tool (a scan) stays whole when any of its results is used. Tools
 * not known to be read-only are always kept. Step numbers in `leftOut` are the recorded ones.
 */
export function pruneSteps(trajectory: Trajectory, options: PruneOptions): PruneResult {
  const readOnly = readOnlyTools(options.manifest, options.readOnly);
  const { steps } = trajectory;
  const reasons = new Map<number, LeftOutStep['reason']>();
  steps.forEach((step, index) => {
    const reason = step.error === undefined ? undefined : failedReason(steps, index, readOnly);
    if (reason) reasons.set(index, reason);
  });
  const text = userText(trajectory);
  for (const index of repeatedReads(steps, reasons, readOnly, text)) reasons.set(index, 'repeated-read-only');
  const candidates = steps.map((_, index) => index).filter((index) => !reasons.has(index));
  const later = typeof trajectory.answer === 'string' ? new Set<string>() : leaves(trajectory.answer);
  // A dropped call takes its arguments with it: a scratch call's free text (`think`'s thought,
  // `calculate`'s expression) differs between runs, and drafted it would become an input no caller
  // can fill. Whoever drafts these runs (the compiler, a live check binding requests) must draft the
  // pruned ones. Backwards, so each run is judged against the kept calls after it.
  for (const run of runsOf(steps, candidates).reverse()) {
    const tool = steps[run[0] as number]?.tool ?? '';
    const isUsed = run.some((index) => feeds(steps[index]?.result, later, text));
    if (readOnly.has(tool) && !isUsed) for (const index of run) reasons.set(index, 'unused-read-only');
    else for (const index of run) leaves(steps[index]?.args, later);
  }
  const leftOut = [...reasons.entries()]
    .sort(([a], [b]) => a - b)
    .map(([index, reason]) => {
      const step = steps[index] as TrajectoryStep;
      return {
        trajectoryId: trajectory.id,
        step: index + 1,
        tool: step.tool,
        reason,
        ...(step.error === undefined ? {} : { error: step.error }),
      };
    });
  if (leftOut.length === 0) return { trajectory, leftOut };
  const kept = steps.filter((_, index) => !reasons.has(index));
  // Nothing left (every call was scratch): keep the trajectory whole rather than compile nothing.
  if (kept.length === 0) return { trajectory, leftOut: [] };
  return { trajectory: { ...trajectory, steps: kept }, leftOut };
}
