import type { Expr } from './_expr.js';
import { findPaths, isSameValue, valueAtPath, type ValuePath } from './_values.js';
import { choiceAt, propertyPaths, withFind, type RefExpr } from './_list-choice.js';
import {
  holdsEverywhere,
  isUserWritten,
  occursInText,
  runCount,
  type DraftState,
  type Instance,
} from './_draft-state.js';
import { addParam } from './_params.js';
import { crossPropertyRule, isWordValue } from './_cross-property-rule.js';
import { alternativeRule } from './_alternative-inputs.js';
import { isEnumLike, isIdentityKey } from './_branch-condition.js';

/**
 * True when `expr` picks a list element by position and the position is a choice: some instance's
 * list has more than one element.
 */
export function isPositionalChoice(
  expr: Expr,
  instances: readonly Instance[],
  parallel?: { position: number; length: number },
): boolean {
  if (expr.kind !== 'ref' || expr.root.type === 'item') return false;
  const at = expr.path.findIndex((key) => typeof key === 'number');
  if (at < 0) return false;
  const lengths = instances.map((instance) => choiceAt(expr, instance)?.list.length ?? 0);
  // `items[1]` taken from `list[1]` of a list as long as `items`: parallel, not a choice.
  if (
    parallel &&
    expr.path[at] === parallel.position &&
    lengths.every((length) => length === parallel.length)
  )
    return false;
  return lengths.some((length) => length > 1);
}

/** True when every instance's value is an element (or a field of one) of the same list. */
export function isChoiceInEvery(expr: Expr, instances: readonly Instance[]): boolean {
  return expr.kind === 'ref' && instances.every((instance) => choiceAt(expr, instance) !== undefined);
}

function isUnique(list: readonly unknown[], path: ValuePath, value: unknown): boolean {
  return list.filter((other) => isSameValue(valueAtPath(other, path), value)).length === 1;
}

/** One way of naming the element: the property path and each instance's value there. */
interface Rule {
  path: ValuePath;
  values: unknown[];
  /** Siblings whose user wrote the value. */
  writtenIn: number;
}

// Properties that single the chosen element out in every instance's list.
function singlingRules(state: DraftState, expr: RefExpr, instances: readonly Instance[]): Rule[] {
  const first = choiceAt(expr, instances[0] as Instance);
  if (!first || typeof first.element !== 'object' || first.element === null) return [];
  const rules: Rule[] = [];
  for (const path of propertyPaths(first.element)) {
    const values: unknown[] = [];
    const written = new Set<number>();
    const holds = instances.every((instance) => {
      const choice = choiceAt(expr, instance);
      const value = valueAtPath(choice?.element, path);
      if (!choice || value === undefined || typeof value === 'object' || !isUnique(choice.list, path, value))
        return false;
      values.push(value);
      if (isUserWritten(value, state.texts[instance.trajectory] ?? '')) written.add(instance.trajectory);
      return true;
    });
    if (holds) rules.push({ path, values, writtenIn: written.size });
  }
  return rules;
}

/**
 * The selection rule for a list element picked by position: a property equal to an input field or
 * to a value the user wrote (in at least one sibling; the others take the same property as input),
 * or, with two siblings or more, a property whose value they all share. The rule must pick the
 * right element in every instance. Undefined when no rule is found.
 */
export function selectionRule(
  state: DraftState,
  candidate: Expr,
  instances: readonly Instance[],
): Expr | undefined {
  if (candidate.kind !== 'ref' || !isPositionalChoice(candidate, instances)) return undefined;
  const rules = singlingRules(state, candidate, instances);
  for (const rule of rules) {
    const fromInput = findPaths((instances[0] as Instance).scope.input, rule.values[0], 1)[0];
    if (!fromInput?.length) continue;
    const variant = withFind(candidate, rule.path, { kind: 'ref', root: { type: 'input' }, path: fromInput });
    // Compared the way the input's first use compares it, so both uses find one element.
    if (holdsEverywhere(variant, instances))
      return coverElementsWithout(asWords(variant, rule, instances, state), candidate, rule.path, instances);
  }
  // Siblings named their element by different properties (`brand`, `source`): one rule over them.
  const crossProperty = crossPropertyRule(state, candidate, instances);
  if (crossProperty) return crossProperty;
  // Siblings named it by different information (destination, date): optional alternative inputs.
  const alternatives = alternativeRule(state, candidate, instances);
  if (alternatives) return alternatives;
  // What the user said names the element; the property becomes an input of the skill.
  const written = rules.filter((found) => found.writtenIn > 0).sort((a, b) => b.writtenIn - a.writtenIn);
  for (const rule of written) {
    const named = parameterize(state, candidate, rule, instances);
    if (named) return named;
  }
  if (runCount(instances) < 2) return undefined;
  for (const rule of rules) {
    if (!rule.values.every((value) => isSameValue(value, rule.values[0]))) continue;
    // A status or type every run shared may be the task's rule; one id, name, city or count every
    // run shared is those runs' own.
    const key = rule.path.at(-1);
    if (typeof key !== 'string' || isIdentityKey(key) || !isEnumLike(rule.values[0])) continue;
    const variant = withFind(candidate, rule.path, { kind: 'literal', value: rule.values[0] });
    if (!holdsEverywhere(variant, instances)) continue;
    // Shared by every run, asked for by no user: the task's rule, or a coincidence of these runs.
    state.assumptions.push({
      subject: rule.path.join('.'),
      value: rule.values[0],
      reason: `picks the element by \`${rule.path.join('.')}\` as all ${runCount(instances)} recorded runs did, though no user asked for it: the task's rule, or a coincidence of these runs`,
    });
    return variant;
  }
  return undefined;
}

function parameterize(
  state: DraftState,
  candidate: RefExpr,
  rule: Rule,
  instances: readonly Instance[],
): Expr | undefined {
  const property = [...rule.path].reverse().find((part) => typeof part === 'string') ?? 'value';
  const at = candidate.path.findIndex((part) => typeof part === 'number');
  const list = candidate.path
    .slice(0, at)
    .reverse()
    .find((part) => typeof part === 'string');
  const noun = typeof list === 'string' ? list.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : undefined;
  const key = noun ? `${noun}_${property}` : property;
  const perRun = new Map<number, unknown>();
  for (const [index, instance] of instances.entries()) {
    const value = rule.values[index];
    if (perRun.has(instance.trajectory) && !isSameValue(perRun.get(instance.trajectory), value))
      return undefined;
    perRun.set(instance.trajectory, value);
  }
  const equals = addParam(
    state,
    instances.map((instance) => ({ ...instance, value: perRun.get(instance.trajectory) })),
    { key, segment: 0 },
    false,
  );
  if (runCount(instances) < 2 && equals.kind === 'ref')
    state.assumptions.push({
      subject: String(equals.path[0]),
      value: rule.values[0],
      reason: `picks the element by \`${rule.path.join('.')}\` in the only recorded run; another customer may name it by something else`,
    });
  // Each instance's value singles its element out (checked in `singlingRules`), so the find holds.
  const found = asWords(withFind(candidate, rule.path, equals), rule, instances, state);
  return coverElementsWithout(found, candidate, rule.path, instances);
}

// Lists whose elements differ in shape (a gift card has a `source` and no `brand`, a credit card
// both): elements without the rule's property could never be picked by it, and a customer names a
// card by its `brand`, a gift card by its `source`. The words of the other word-valued properties
// that only some elements have name them too (`sameWords(m.brand, x) || sameWords(m.source, x)`),
// as long as every run still picks its own element.
function coverElementsWithout(
  rule: RefExpr,
  candidate: RefExpr,
  path: ValuePath,
  instances: readonly Instance[],
): RefExpr {
  const [own] = path;
  if (path.length !== 1 || typeof own !== 'string') return rule;
  const elements = instances
    .flatMap((instance) => choiceAt(candidate, instance)?.list ?? [])
    .filter((element): element is Record<string, unknown> => typeof element === 'object' && element !== null);
  // Own properties of the element only (`brand`, `source`), not what nested lists hold.
  const isPartial = (key: string): boolean => elements.some((element) => element[key] === undefined);
  const others = [
    ...new Set(
      elements.flatMap((element) => Object.keys(element).filter((key) => isWordValue(element[key]))),
    ),
  ].filter((key) => key !== own && (isPartial(own) || isPartial(key)));
  const isWords = elements.every((element) => element[own] === undefined || isWordValue(element[own]));
  if (!isWords || others.length === 0) return rule;
  const steps = rule.path.map((step) =>
    typeof step === 'object' && 'find' in step
      ? { ...step, orAt: others.map((key) => [key]), isWords: true }
      : step,
  );
  const variant: RefExpr = { ...rule, path: steps };
  return holdsEverywhere(variant, instances) ? variant : rule;
}

// A value the user wrote in other words (`gift card` for `gift_card`) is compared as words, so the
// next caller may pass what the customer typed; exact matches stay `===`.
function asWords(rule: RefExpr, found: Rule, instances: readonly Instance[], state: DraftState): RefExpr {
  const isReworded = found.values.some((value, index) => {
    const text = state.texts[(instances[index] as Instance).trajectory] ?? '';
    return typeof value === 'string' && isUserWritten(value, text) && !occursInText(value, text);
  });
  if (!isReworded || !found.values.every((value) => typeof value === 'string')) return rule;
  const path = rule.path.map((step) =>
    typeof step === 'object' && 'find' in step ? { ...step, isWords: true } : step,
  );
  const variant: RefExpr = { ...rule, path };
  // Compared as words, an earlier element could match too: keep `===` then.
  return holdsEverywhere(variant, instances) ? variant : rule;
}

export function hasIndex(expr: Expr): boolean {
  return expr.kind === 'ref' && expr.path.some((key) => typeof key === 'number');
}
