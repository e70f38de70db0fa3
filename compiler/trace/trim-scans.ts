import type { ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { splitSegments } from './_segments.js';
import { scanningTools, splitGroupSegments, usedResult } from './_scan-segments.js';
import { readOnlyTools } from './prune-steps.js';

/** Options of `trimScans`. */
export interface TrimScansOptions {
  manifest: readonly ToolManifestEntry[];
  /** Tools known to change nothing, beyond the manifest's `readOnlyHint`. @default [] */
  readOnly?: readonly string[];
}

/** A recorded call `trimScans` left out: a lookup after the element the scan was looking for. */
export interface TrimmedStep {
  trajectoryId: string;
  /** 0-based index in the trajectory as given. */
  index: number;
  tool: string;
}

/** The runs with lookups past their match left out, and those lookups. */
export interface TrimScansResult {
  trajectories: Trajectory[];
  trimmed: TrimmedStep[];
}

// The lookups of a whole-list loop after the one later calls read, when that is not the last.
function pastMatch(trajectory: Trajectory, tools: ReadonlySet<string>): number[] {
  const past: number[] = [];
  for (const segment of splitSegments(trajectory)) {
    if (!segment.list || !tools.has(segment.tool)) continue;
    const start = segment.steps[0] ?? 0;
    const used = usedResult(trajectory, start, segment.steps.length);
    if (used !== undefined) past.push(...segment.steps.slice(used + 1));
  }
  return past;
}

/**
 * Runs of one task by agents that scan differently: one looks reservations up one by one and stops
 * at the match, another looks every one up. When some run shows the scan-until-match shape for a
 * read-only tool, the lookups other runs made after their match (read-only, their results read by
 * nothing later) are left out, so the runs share one procedure and fold into one skill that
 * replays each trimmed run exactly. Nothing is trimmed unless every trimmed run then scans.
 */
export function trimScans(group: readonly Trajectory[], options: TrimScansOptions): TrimScansResult {
  const readOnly = readOnlyTools(options.manifest, options.readOnly);
  const tools = scanningTools(group, readOnly);
  const untouched = { trajectories: [...group], trimmed: [] };
  if (tools.size === 0) return untouched;
  const trimmed: TrimmedStep[] = [];
  const trajectories = group.map((trajectory) => {
    const past = new Set(pastMatch(trajectory, tools));
    if (past.size === 0) return trajectory;
    for (const index of past)
      trimmed.push({ trajectoryId: trajectory.id, index, tool: trajectory.steps[index]?.tool ?? '' });
    return { ...trajectory, steps: trajectory.steps.filter((_, index) => !past.has(index)) };
  });
  if (trimmed.length === 0) return untouched;
  const segmentsOf = splitGroupSegments(trajectories, readOnly);
  const isScanned = trajectories.every(
    (trajectory, position) =>
      trajectory === group[position] ||
      segmentsOf[position]?.some((segment) => segment.scan && tools.has(segment.tool)),
  );
  return isScanned ? { trajectories, trimmed } : untouched;
}
