import type { Trajectory } from '../import/index.js';
import { findLoopList, splitSegments, type ScanHook, type Segment } from './_segments.js';
import { explainedScanRule, scanEvidence, scanRules } from './_scan-rule.js';
import { isUserWritten, userText } from './_draft-state.js';
import { isTrivialValue, primitiveLeaves } from './_values.js';

/** A run of lookups that may be a scan; `isLoop` when it covers the whole list (a loop today). */
interface ScanCandidate {
  segment: Segment;
  isLoop: boolean;
}

// Distinctive leaf values by a key that keeps the number 160 and the text "160" apart.
function leafKeys(value: unknown): Map<string, unknown> {
  return new Map(
    primitiveLeaves(value)
      .filter((leaf) => !isTrivialValue(leaf.value))
      .map((leaf) => [JSON.stringify(leaf.value), leaf.value]),
  );
}

/**
 * Of the results of the `count` calls from `start`, the one later calls (or a structured answer)
 * read: the only one with a value of its own (in no other of these results, not typed by the
 * user) that a later call's arguments hold. Undefined when none or several are read.
 */
export function usedResult(trajectory: Trajectory, start: number, count: number): number | undefined {
  const later = new Set<string>();
  for (const step of trajectory.steps.slice(start + count))
    for (const key of leafKeys(step.args).keys()) later.add(key);
  if (typeof trajectory.answer === 'object')
    for (const key of leafKeys(trajectory.answer).keys()) later.add(key);
  const text = userText(trajectory);
  const results = trajectory.steps.slice(start, start + count).map((step) => leafKeys(step.result));
  const used = results.flatMap((own, index) => {
    const others = results.filter((_, other) => other !== index);
    const isRead = [...own].some(
      ([key, value]) =>
        later.has(key) && !others.some((other) => other.has(key)) && !isUserWritten(value, text),
    );
    return isRead ? [index] : [];
  });
  return used.length === 1 ? used[0] : undefined;
}

function scanCandidate(
  readOnly: ReadonlySet<string>,
  ...[trajectory, segments, start, count, loop]: Parameters<ScanHook>
): ScanCandidate | undefined {
  const tool = trajectory.steps[start]?.tool ?? '';
  if (!readOnly.has(tool)) return undefined;
  const list = loop ?? findLoopList(trajectory, segments, start, count, true);
  if (!list || usedResult(trajectory, start, count) !== count - 1) return undefined;
  const steps = Array.from({ length: count }, (_, offset) => start + offset);
  return { segment: { tool, steps, list, scan: { path: [] } }, isLoop: loop !== undefined };
}

/**
 * Tools some run scans: it looked up elements of a list in order from the first and stopped at the
 * one it used before the list's end, or looked up the only element of a one-element list.
 */
export function scanningTools(
  trajectories: readonly Trajectory[],
  readOnly: ReadonlySet<string>,
): Set<string> {
  const tools = new Set<string>();
  for (const trajectory of trajectories)
    splitSegments(trajectory, (...args) => {
      const found = scanCandidate(readOnly, ...args);
      if (found && !found.isLoop) tools.add(found.segment.tool);
      return undefined;
    });
  return tools;
}

// Scans of one tool line up across runs by their order among that tool's scans.
function scanGroups(segmentsOf: Segment[][]): Map<string, [number, Segment][]> {
  const groups = new Map<string, [number, Segment][]>();
  segmentsOf.forEach((segments, position) => {
    const seen = new Map<string, number>();
    for (const segment of segments.filter((found) => found.scan)) {
      const ordinal = seen.get(segment.tool) ?? 0;
      seen.set(segment.tool, ordinal + 1);
      const key = `${segment.tool}#${ordinal}`;
      groups.set(key, [...(groups.get(key) ?? []), [position, segment]]);
    }
  });
  return groups;
}

// A one-call scan stands only on a rule the caller's value explains (its user wrote it, or it is
// an input; alone or with the runs it lines up with); otherwise a lookup of a one-element list's
// element is ordinary data flow. Returns the runs whose one-call scans stand.
function explainedSingleScans(trajectories: readonly Trajectory[], segmentsOf: Segment[][]): Set<number> {
  const allowed = new Set<number>(trajectories.keys());
  for (const members of scanGroups(segmentsOf).values()) {
    const evidence = members.map(([position, segment]) =>
      scanEvidence(trajectories[position] as Trajectory, position, segment.steps),
    );
    const isGroupExplained = explainedScanRule(scanRules(evidence), evidence) !== undefined;
    members.forEach(([position, segment], index) => {
      if (segment.steps.length > 1 || isGroupExplained) return;
      const own = evidence.slice(index, index + 1);
      if (!explainedScanRule(scanRules(own), own)) allowed.delete(position);
    });
  }
  return allowed;
}

/**
 * Splits sibling runs into segments, the same way for all: when some run scans a list with a
 * read-only tool (looks elements up in order and stops at the one it uses), every run's lookups of
 * that tool over a list prefix ending at the used element become scans, whole lists included.
 */
export function splitGroupSegments(
  trajectories: readonly Trajectory[],
  readOnly: ReadonlySet<string>,
): Segment[][] {
  const tools = scanningTools(trajectories, readOnly);
  if (tools.size === 0) return trajectories.map((trajectory) => splitSegments(trajectory));
  const split = (isSingleAllowed: (position: number) => boolean): Segment[][] =>
    trajectories.map((trajectory, position) =>
      splitSegments(trajectory, (...args) => {
        const found = scanCandidate(readOnly, ...args)?.segment;
        if (!found || !tools.has(found.tool)) return undefined;
        return found.steps.length > 1 || isSingleAllowed(position) ? found : undefined;
      }),
    );
  const segmentsOf = split(() => true);
  const allowed = explainedSingleScans(trajectories, segmentsOf);
  return allowed.size === trajectories.length ? segmentsOf : split((position) => allowed.has(position));
}
