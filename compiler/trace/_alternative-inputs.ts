import type { Expr } from './_expr.js';
import { isSameValue, valueAtPath, type ValuePath } from './_values.js';
import { holdsEverywhere, isUserWritten, type DraftState, type Instance } from './_draft-state.js';
import { addParam } from './_params.js';
import { coveringKeys } from './_covering-keys.js';
import { restoreDraft, saveDraft } from './_draft-snapshot.js';
import { choiceAt, propertyPaths, withFind, type RefExpr, elementNoun } from './_list-choice.js';

const pathKey = (path: ValuePath): string => path.join('.');

// The properties the user wrote that single this sibling's element out of its list.
function writtenSingling(state: DraftState, candidate: RefExpr, instance: Instance): ValuePath[] | undefined {
  const choice = choiceAt(candidate, instance);
  if (!choice || typeof choice.element !== 'object' || choice.element === null) return undefined;
  const text = state.texts[instance.trajectory] ?? '';
  return propertyPaths(choice.element).filter((path) => {
    const value = valueAtPath(choice.element, path);
    return (
      typeof value !== 'boolean' &&
      isUserWritten(value, text) &&
      choice.list.filter((other) => isSameValue(valueAtPath(other, path), value)).length === 1
    );
  });
}

// Fewest properties, most-written first, such that every sibling wrote one of them.
function coveringProperties(written: readonly ValuePath[][]): ValuePath[] | undefined {
  if (written.some((paths) => paths.length === 0)) return undefined;
  const byKey = new Map(written.flat().map((path) => [pathKey(path), path]));
  return coveringKeys(written.map((paths) => new Set(paths.map(pathKey)))).map(
    (key) => byKey.get(key) as ValuePath,
  );
}

/**
 * Siblings that identified the same kind of element with different information (one customer gave
 * the destination, another the date): each property becomes an optional input, filled for the runs
 * that named the element that way, and the rule uses whichever the caller gave (`alternatives` of
 * the find; the input type says at least one is needed). Only when no single property was written
 * in every sibling, every sibling wrote one of the properties, and the rule picks each sibling's
 * own element.
 */
export function alternativeRule(
  state: DraftState,
  candidate: RefExpr,
  instances: readonly Instance[],
): Expr | undefined {
  const written: ValuePath[][] = [];
  for (const instance of instances) {
    const paths = writtenSingling(state, candidate, instance);
    if (!paths || paths.length === 0) return undefined;
    written.push(paths);
  }
  const chosen = coveringProperties(written);
  if (!chosen || chosen.length < 2) return undefined;
  // Each sibling gives the first chosen property it wrote, and only that one.
  const used = written.map((paths) =>
    chosen.find((path) => paths.some((own) => pathKey(own) === pathKey(path))),
  );
  const noun = elementNoun(candidate);
  const snapshot = saveDraft(state);
  const names: string[] = [];
  const options = chosen.map((path) => {
    const users = instances.flatMap((instance, index) =>
      used[index] === path
        ? [{ ...instance, value: valueAtPath(choiceAt(candidate, instance)?.element, path) }]
        : [],
    );
    const key = [...path].reverse().find((part): part is string => typeof part === 'string') ?? 'value';
    const equals = addParam(state, users, { key, segment: 0 }, false);
    names.push(equals.kind === 'ref' ? String(equals.path[0]) : key);
    return { at: path, equals };
  });
  const [first, ...rest] = options;
  if (!first) return undefined;
  const rule = withFind(candidate, first.at, first.equals);
  const step = rule.path.find((part) => typeof part === 'object' && 'find' in part);
  if (step && typeof step === 'object' && 'find' in step) step.alternatives = rest;
  if (!holdsEverywhere(rule, instances)) {
    restoreDraft(state, snapshot);
    return undefined;
  }
  for (const name of names) {
    const spec = state.params.get(name);
    if (spec) spec.alternativeOf = { noun, names };
  }
  return rule;
}
