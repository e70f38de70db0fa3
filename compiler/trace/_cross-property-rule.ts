import type { Expr } from './_expr.js';
import { valueAtPath, type ValuePath } from './_values.js';
import { isUserWritten, type DraftState, type Instance } from './_draft-state.js';
import { addParam } from './_params.js';
import { choiceAt, propertyPaths, withFind, type RefExpr, elementNoun } from './_list-choice.js';
import { isSameWords } from './_same-words.js';

/** How one sibling named its element: the word-valued properties that single it out. */
interface Naming {
  element: unknown;
  list: unknown[];
  /** Properties whose value is one element's only, as words. */
  singling: ValuePath[];
  /** Of those, the ones whose value the user wrote. */
  written: ValuePath[];
}

const pathKey = (path: ValuePath): string => path.join('.');

// Words only (`mastercard`, `gift_card`): a kind or a name. Values with digits (dates, times, ids)
// are different information, not different words for one thing: they become alternative inputs.
export function isWordValue(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z][A-Za-z _-]{0,39}$/.test(value);
}

function naming(state: DraftState, candidate: RefExpr, instance: Instance): Naming | undefined {
  const choice = choiceAt(candidate, instance);
  if (!choice || typeof choice.element !== 'object' || choice.element === null) return undefined;
  const wordsAt = (element: unknown, path: ValuePath): unknown => valueAtPath(element, path);
  const singling = propertyPaths(choice.element).filter((path) => {
    const value = wordsAt(choice.element, path);
    return (
      isWordValue(value) &&
      choice.list.filter((other) => isSameWords(wordsAt(other, path), value)).length === 1
    );
  });
  const text = state.texts[instance.trajectory] ?? '';
  const written = singling.filter((path) => isUserWritten(wordsAt(choice.element, path), text));
  return { element: choice.element, list: choice.list, singling, written };
}

// Per sibling, the property that names its element: one the user wrote (the most-written first),
// else one the others wrote that still singles it out (the caller gives that value).
function pickProperties(namings: readonly Naming[]): ValuePath[] | undefined {
  const counts = new Map<string, { path: ValuePath; count: number }>();
  for (const found of namings)
    for (const path of found.written) {
      const entry = counts.get(pathKey(path)) ?? { path, count: 0 };
      entry.count += 1;
      counts.set(pathKey(path), entry);
    }
  const ordered = [...counts.values()].sort((a, b) => b.count - a.count).map((entry) => entry.path);
  const chosen: ValuePath[] = [];
  for (const found of namings) {
    const keys = (paths: ValuePath[]): Set<string> => new Set(paths.map(pathKey));
    const written = keys(found.written);
    const singling = keys(found.singling);
    const path =
      ordered.find((candidate) => written.has(pathKey(candidate))) ??
      ordered.find((candidate) => singling.has(pathKey(candidate)));
    if (!path) return undefined;
    chosen.push(path);
  }
  return chosen;
}

/**
 * One selection rule for siblings that named their element by different properties from one value
 * the user wrote each (`Mastercard` is a `brand`, `gift card` a `source`): the element whose
 * `brand` or `source` reads as the same words as one input (`isSameWords`: case, `_`, `-` and spaces
 * do not count). Undefined when the siblings used one property (the single-property rule serves),
 * when a sibling's element is not singled out that way, or when the combined rule would pick
 * another element in some sibling.
 */
export function crossPropertyRule(
  state: DraftState,
  candidate: RefExpr,
  instances: readonly Instance[],
): Expr | undefined {
  const namings: Naming[] = [];
  for (const instance of instances) {
    const found = naming(state, candidate, instance);
    if (!found) return undefined;
    namings.push(found);
  }
  const chosen = pickProperties(namings);
  if (!chosen) return undefined;
  const properties = [...new Map(chosen.map((path) => [pathKey(path), path])).values()];
  if (properties.length < 2) return undefined;
  const values = namings.map((found, index) => valueAtPath(found.element, chosen[index] as ValuePath));
  // The combined rule must still pick each sibling's own element: with `brand` or `source`
  // equal to its value, the first match is the chosen element, not an earlier one.
  const picksOwn = namings.every((found, index) => {
    const match = found.list.find((element) =>
      properties.some((path) => isSameWords(valueAtPath(element, path), values[index])),
    );
    return match === found.element;
  });
  if (!picksOwn || !isOnePerRun(instances, values)) return undefined;
  const equals = addParam(
    state,
    instances.map((instance, index) => ({ ...instance, value: values[index] })),
    { key: elementNoun(candidate), segment: 0 },
    false,
  );
  const rule = withFind(candidate, properties[0] as ValuePath, equals);
  const step = rule.path.find((part) => typeof part === 'object' && 'find' in part);
  if (step && typeof step === 'object' && 'find' in step) {
    step.orAt = properties.slice(1);
    step.isWords = true;
  }
  noteThinEvidence(state, equals, properties, chosen, elementNoun(candidate));
  return rule;
}

// Loop iterations of one run must agree on the value the caller gives once.
function isOnePerRun(instances: readonly Instance[], values: readonly unknown[]): boolean {
  const perRun = new Map<number, unknown>();
  return instances.every((instance, index) => {
    if (perRun.has(instance.trajectory)) return perRun.get(instance.trajectory) === values[index];
    perRun.set(instance.trajectory, values[index]);
    return true;
  });
}

// A property only one sibling named its element by is thin evidence: say so, with the counts.
function noteThinEvidence(
  state: DraftState,
  equals: Expr,
  properties: readonly ValuePath[],
  chosen: readonly ValuePath[],
  noun: string,
): void {
  const counts = properties.map(
    (path) => [pathKey(path), chosen.filter((other) => pathKey(other) === pathKey(path)).length] as const,
  );
  if (!counts.some(([, count]) => count === 1)) return;
  const subject = equals.kind === 'ref' ? String(equals.path[0]) : noun;
  state.assumptions.push({
    subject,
    value: state.inputs[0]?.[subject],
    reason: `names the ${noun} by ${counts.map(([key, count]) => `\`${key}\` (${count} run${count > 1 ? 's' : ''})`).join(' or ')}, compared as words; a property seen in one run only may not be how the next customer names it`,
  });
}
