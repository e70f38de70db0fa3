import type { ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { shapeOf } from './_segments.js';
import { splitGroupSegments } from './_scan-segments.js';
import { readOnlyTools } from './prune-steps.js';

/** Options of `groupTrajectories`. */
export interface GroupOptions {
  /** Tools whose MCP `annotations.readOnlyHint` is true change nothing and do not name a task. @default none */
  manifest?: readonly ToolManifestEntry[];
}

function groupBy(
  trajectories: readonly Trajectory[],
  key: (trajectory: Trajectory) => string,
): Trajectory[][] {
  const groups = new Map<string, Trajectory[]>();
  for (const trajectory of trajectories) {
    const found = key(trajectory);
    const group = groups.get(found);
    if (group) group.push(trajectory);
    else groups.set(found, [trajectory]);
  }
  return [...groups.values()];
}

/**
 * The task a run performed, by its effect: the last successful call of a tool not known to be
 * read-only (what the procedure changes), or the last call when every tool only reads.
 */
export function taskKey(trajectory: Trajectory, manifest: readonly ToolManifestEntry[] = []): string {
  const readOnly = new Set(
    manifest.filter((entry) => entry.annotations?.readOnlyHint === true).map((entry) => entry.name),
  );
  const succeeded = trajectory.steps.filter((step) => step.error === undefined);
  const effect = [...succeeded].reverse().find((step) => !readOnly.has(step.tool));
  return `${effect ? 'changes' : 'reads'} ${(effect ?? succeeded[succeeded.length - 1])?.tool ?? ''}`;
}

/**
 * Groups runs of one task (the same effect; see `taskKey`), whatever steps they took: whether
 * they fold into one skill is the compiler's decision, not the grouping's.
 */
export function groupTrajectories(
  trajectories: readonly Trajectory[],
  options: GroupOptions = {},
): Trajectory[][] {
  return groupBy(trajectories, (trajectory) => taskKey(trajectory, options.manifest));
}

/** Options of `groupByShape`. */
export interface ShapeOptions {
  /** Read-only tools (with the manifest's `readOnlyHint`) may scan a list until a match. @default none */
  manifest?: readonly ToolManifestEntry[];
  /** Tools known to change nothing, beyond the manifest's `readOnlyHint`. @default [] */
  readOnly?: readonly string[];
}

/**
 * Groups trajectories by task shape: the same tool sequence, loops collapsed, and scans until a
 * match collapsed alike in every run (see `trimScans`).
 */
export function groupByShape(
  trajectories: readonly Trajectory[],
  options: ShapeOptions = {},
): Trajectory[][] {
  const readOnly = readOnlyTools(options.manifest ?? [], options.readOnly);
  const segmentsOf = splitGroupSegments(trajectories, readOnly);
  const shapes = new Map(
    trajectories.map((trajectory, position) => [trajectory, shapeOf(segmentsOf[position] ?? [])]),
  );
  return groupBy(trajectories, (trajectory) => shapes.get(trajectory) ?? '');
}
