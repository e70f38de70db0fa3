import { evaluateExpr, type Expr, type PathStep } from './_expr.js';
import { isSameValue, primitiveLeaves, valueAtPath, type ValuePath } from './_values.js';
import type { Instance } from './_draft-state.js';

/** A reference into a recorded value. */
export type RefExpr = Expr & { kind: 'ref' };

/** The list a positional ref indexes into and the element that yields the instance's value. */
export function choiceAt(
  expr: RefExpr,
  instance: Instance,
): { list: unknown[]; element: unknown } | undefined {
  const at = expr.path.findIndex((key) => typeof key === 'number');
  if (at < 0) return undefined;
  const list = evaluateExpr({ ...expr, path: expr.path.slice(0, at) }, instance.scope);
  if (!Array.isArray(list)) return undefined;
  const rest = expr.path.slice(at + 1);
  if (rest.some((key) => typeof key === 'object')) return { list, element: list[expr.path[at] as number] };
  // Siblings may have chosen their element at another position: find the one yielding their value.
  const element = list.find((candidate) =>
    isSameValue(valueAtPath(candidate, rest as ValuePath), instance.value),
  );
  return element === undefined ? undefined : { list, element };
}

// The primitive properties of an element that could name it: top-level fields, and fields one
// level down (`flights[0].date`), never free text.
export function propertyPaths(element: unknown): ValuePath[] {
  return primitiveLeaves(element)
    .filter((leaf) => leaf.path.length > 0 && leaf.path.length <= 3 && leaf.value !== null)
    .filter((leaf) => typeof leaf.value !== 'string' || leaf.value.length <= 40)
    .map((leaf) => leaf.path);
}

/** `expr` with its index replaced by a `find` of the element whose `path` equals `equals`. */
export function withFind(expr: RefExpr, path: ValuePath, equals: Expr): RefExpr {
  const at = expr.path.findIndex((key) => typeof key === 'number');
  const name = [...path].reverse().find((key) => typeof key === 'string') ?? 'value';
  const step: PathStep = path.length === 1 ? { find: name, equals } : { find: name, equals, at: path };
  return { ...expr, path: [...expr.path.slice(0, at), step, ...expr.path.slice(at + 1)] };
}

/** What one element of a list is called: `reservation` for `...reservations[0]` or a loop over `reservations`. */
export function elementNoun(list: Expr | undefined): string {
  if (list?.kind !== 'ref') return 'element';
  const at = list.path.findIndex((key) => typeof key === 'number');
  const name = (at < 0 ? list.path : list.path.slice(0, at))
    .filter((key): key is string => typeof key === 'string')
    .at(-1);
  return name ? name.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : 'element';
}
