import { isDeepStrictEqual } from 'node:util';

/** A step into a JSON value: an object key or an array index. */
export type ValuePath = (string | number)[];

/** Deep equality of JSON values. */
export function isSameValue(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(a, b);
}

/** The value at `path`, or undefined when the path leads nowhere. */
export function valueAtPath(root: unknown, path: readonly (string | number)[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Every path inside `root` (shortest first, at most `limit`) whose value deep-equals `target`. */
export function findPaths(root: unknown, target: unknown, limit = 12): ValuePath[] {
  const found: ValuePath[] = [];
  const queue: { value: unknown; path: ValuePath }[] = [{ value: root, path: [] }];
  while (queue.length > 0 && found.length < limit) {
    const { value, path } = queue.shift() as { value: unknown; path: ValuePath };
    if (isSameValue(value, target)) {
      found.push(path);
      continue;
    }
    if (typeof value !== 'object' || value === null || path.length > 8) continue;
    const entries = Array.isArray(value)
      ? value.map((item, index) => [index, item] as const)
      : Object.entries(value);
    for (const [key, child] of entries) queue.push({ value: child, path: [...path, key] });
  }
  return found;
}

/** Every primitive leaf of `root` with its path. */
export function primitiveLeaves(root: unknown, path: ValuePath = []): { path: ValuePath; value: unknown }[] {
  if (typeof root !== 'object' || root === null) return [{ path, value: root }];
  if (path.length > 8) return [];
  const entries = Array.isArray(root)
    ? root.map((item, index) => [index, item] as const)
    : Object.entries(root);
  return entries.flatMap(([key, child]) => primitiveLeaves(child, [...path, key]));
}

/** Values too common to be evidence of data flow from a single example (flags, small counts). */
export function isTrivialValue(value: unknown): boolean {
  if (value === null || value === undefined || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 10;
  if (typeof value === 'string') return value.length < 2;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}
