import type { Trajectory } from '../import/index.js';
import { shapeOf, splitSegments } from './_segments.js';

/** Groups trajectories into siblings of one task shape (the same tool sequence, loops collapsed). */
export function groupTrajectories(trajectories: readonly Trajectory[]): Trajectory[][] {
  const groups = new Map<string, Trajectory[]>();
  for (const trajectory of trajectories) {
    const shape = shapeOf(splitSegments(trajectory));
    const group = groups.get(shape);
    if (group) group.push(trajectory);
    else groups.set(shape, [trajectory]);
  }
  return [...groups.values()];
}
