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
  /**
   * For scans (`_scan-segments.ts`): the calls looked up the list's elements in order and stopped
   * at the first whose property at `path` equals `equals` (set by the drafter). The segment's
   * result is that element's. With `alternatives`, runs named the element by different properties
   * (a destination, a date): the test uses the first property whose input the caller gave.
   */
  scan?: { path: ValuePath; equals?: Expr; alternatives?: { path: ValuePath; equals: Expr }[] };
}

/** Where a scan may replace what `splitSegments` would make of a run of calls (a loop or one call). */
export type ScanHook = (
  trajectory: Trajectory,
  segments: readonly Segment[],
  start: number,
  count: number,
  loop: Expr | undefined,
) => Segment | undefined;

export function sameToolRun(trajectory: Trajectory, start: number): number {
  let end = start;
  while (trajectory.steps[end + 1]?.tool === trajectory.steps[start]?.tool) end++;
  return end - start + 1;
}

// Call m of the run must share a meaningful value with element m of the list.
export function isIteratedBy(trajectory: Trajectory, start: number, list: unknown[]): boolean {
  return list.every((element, offset) => {
    const args = trajectory.steps[start + offset]?.args;
    return primitiveLeaves(element).some(
      (leaf) => !isTrivialValue(leaf.value) && findPaths(args, leaf.value, 1).length > 0,
    );
  });
}

// Arrays of `length` elements, or with `isPrefix` of at least `length` elements.
function arrayPaths(root: unknown, length: number, isPrefix = false): ValuePath[] {
  const found: ValuePath[] = [];
  const visit = (value: unknown, path: ValuePath): void => {
    if (Array.isArray(value) && (isPrefix ? value.length >= length : value.length === length))
      found.push(path);
    if (typeof value !== 'object' || value === null || path.length > 6) return;
    for (const [key, child] of Object.entries(value))
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  visit(root, []);
  return found;
}

/**
 * The list whose elements the `count` calls from `start` iterate over: a list of exactly `count`
 * elements, or with `isPrefix` the first `count` elements of a longer list.
 */
export function findLoopList(
  trajectory: Trajectory,
  segments: readonly Segment[],
  start: number,
  count: number,
  isPrefix = false,
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
    for (const path of arrayPaths(source.value, count, isPrefix)) {
      const list = (valueAtPath(source.value, path) as unknown[]).slice(0, count);
      if (isIteratedBy(trajectory, start, list)) return source.expr(path);
    }
  }
  return undefined;
}

/**
 * Splits a trajectory into segments, turning runs of one tool over a list's elements into loops
 * (and, where `scanAt` says so, into scans that stop at a match).
 */
export function splitSegments(trajectory: Trajectory, scanAt?: ScanHook): Segment[] {
  const segments: Segment[] = [];
  let index = 0;
  while (index < trajectory.steps.length) {
    const tool = trajectory.steps[index]?.tool ?? '';
    const count = sameToolRun(trajectory, index);
    const list = count >= 2 ? findLoopList(trajectory, segments, index, count) : undefined;
    const scan = scanAt?.(trajectory, segments, index, count, list);
    if (scan) {
      segments.push(scan);
      index += scan.steps.length;
    } else if (list) {
      segments.push({ tool, steps: Array.from({ length: count }, (_, offset) => index + offset), list });
      index += count;
    } else {
      segments.push({ tool, steps: [index] });
      index += 1;
    }
  }
  return segments;
}

/** The task shape: the segment sequence, loops marked `*`, scans `?`. Siblings share it. */
export function shapeOf(segments: readonly Segment[]): string {
  return segments
    .map((segment) => `${segment.tool}${segment.scan ? '?' : segment.list ? '*' : ''}`)
    .join(' > ');
}
