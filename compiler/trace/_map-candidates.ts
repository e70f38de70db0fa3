import type { Expr } from './_expr.js';
import { findPaths, isSameValue, valueAtPath, type ValuePath } from './_values.js';
import type { Instance, ResolveContext } from './_draft-state.js';

function arraysIn(root: unknown, found: { path: ValuePath; list: unknown[] }[], path: ValuePath = []): void {
  if (Array.isArray(root)) found.push({ path, list: root });
  if (typeof root !== 'object' || root === null || path.length > 6) return;
  for (const [key, child] of Object.entries(root))
    arraysIn(child, found, [...path, Array.isArray(root) ? Number(key) : key]);
}

// An array whose elements are each a field of an earlier list's elements: `list.map((x) => x.field)`.
export function mapCandidates(primary: Instance, context: ResolveContext): Expr[] {
  if (!Array.isArray(primary.value) || primary.value.length === 0) return [];
  const value: unknown[] = primary.value;
  const candidates: Expr[] = [];
  for (let index = Math.min(context.segment, primary.scope.results.length) - 1; index >= 0; index--) {
    const arrays: { path: ValuePath; list: unknown[] }[] = [];
    arraysIn(primary.scope.results[index], arrays);
    for (const { path, list } of arrays.filter((candidate) => candidate.list.length === value.length)) {
      for (const inner of findPaths(list[0], value[0], 4).filter((found) => found.length > 0)) {
        if (value.every((element, position) => isSameValue(valueAtPath(list[position], inner), element))) {
          candidates.push({
            kind: 'map',
            list: { kind: 'ref', root: { type: 'segment', index }, path },
            path: inner,
          });
        }
      }
    }
  }
  return candidates;
}
