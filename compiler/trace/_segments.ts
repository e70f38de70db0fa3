import type { Trajectory } from '../import/index.js';
import type { Expr } from './_expr.js';
import { findPaths, isTrivialValue, primitiveLeaves, valueAtPath, type ValuePath } from './_values.js';

/** A run of the skill body: one tool call, or repeated calls over the elements of a list. */
export interface Segment {
  tool: string;
  /** 0-based trajectory step indexes covered. */
  steps: number[];
  /** For loops: the list the calls iterate over. */
  list?: Expr;
}

function sameToolRun(trajectory: Trajectory, start: number): number {
  let end = start;
  while (trajectory.steps[end + 1]?.tool === trajectory.steps[start]?.tool) end++;
  return end - start + 1;
}

// Call m of the run must share a meaningful value with element m of the list.
function isIteratedBy(trajectory: Trajectory, start: number, list: unknown[]): boolean {
  return list.every((element, offset) => {
    const args = trajectory.steps[start + offset]?.args;
    return primitiveLeaves(element).some(
      (leaf) => !isTrivialValue(leaf.value) && findPaths(args, leaf.value, 1).length > 0,
    );
  });
}

function arrayPaths(root: unknown, length: number): ValuePath[] {
  const found: ValuePath[] = [];
  const visit = (value: unknown, path: ValuePath): void => {
    if (Array.isArray(value) && value.length === length) found.push(path);
    if (typeof value !== 'object' || value === null || path.length > 6) return;
    for (const [key, child] of Object.entries(value))
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  visit(root, []);
  return found;
}

function findLoopList(
  trajectory: Trajectory,
  segments: Segment[],
  start: number,
  count: number,
): Expr | undefined {
  const sources: { expr: (path: ValuePath) => Expr; value: unknown }[] = [
    ...segments
      .map((segment, index) => ({ segment, index }))
      .filter(({ segment }) => !segment.list)
      .reverse()
      .map(({ segment, index }) => ({
        expr: (path: ValuePath): Expr => ({ kind: 'ref', root: { type: 'segment', index }, path }),
        value: trajectory.steps[segment.steps[0] ?? 0]?.result,
      })),
    { expr: (path) => ({ kind: 'ref', root: { type: 'input' }, path }), value: trajectory.input },
  ];
  for (const source of sources) {
    for (const path of arrayPaths(source.value, count)) {
      if (isIteratedBy(trajectory, start, valueAtPath(source.value, path) as unknown[]))
        return source.expr(path);
    }
  }
  return undefined;
}

/** Splits a trajectory into segments, turning runs of one tool over a list's elements into loops. */
export function splitSegments(trajectory: Trajectory): Segment[] {
  const segments: Segment[] = [];
  let index = 0;
  while (index < trajectory.steps.length) {
    const tool = trajectory.steps[index]?.tool ?? '';
    const count = sameToolRun(trajectory, index);
    const list = count >= 2 ? findLoopList(trajectory, segments, index, count) : undefined;
    if (list) {
      segments.push({ tool, steps: Array.from({ length: count }, (_, offset) => index + offset), list });
      index += count;
    } else {
      segments.push({ tool, steps: [index] });
      index += 1;
    }
  }
  return segments;
}

/** The task shape: the segment sequence, loops marked `*`. Siblings share it. */
export function shapeOf(segments: readonly Segment[]): string {
  return segments.map((segment) => `${segment.tool}${segment.list ? '*' : ''}`).join(' > ');
}
