import { evaluateExpr, type Expr } from './_expr.js';
import { findPaths, valueAtPath, type ValuePath } from './_values.js';
import { propertyPaths, withFind } from './_list-choice.js';
import {
  holdsEverywhere,
  runCount,
  type DraftState,
  type Instance,
  type ResolveContext,
} from './_draft-state.js';
import { addParam } from './_params.js';
import { restoreDraft, saveDraft } from './_draft-snapshot.js';
import { isPositionalChoice } from './_selection-rule.js';

type Op = '+' | '-';

// Numbers standing alone in what the user wrote (`add 2 more bags`): never a piece of an id
// (`sofia_marin_4476`), a date (`2026-05-27`), a time (`13:00`) or a decimal's fraction.
function userNumbers(text: string): number[] {
  const found = text.match(/(?<![\w.:-])\d+(?:\.\d+)?(?![\w:]|-\d|\.\d)/g) ?? [];
  return [...new Set(found.map(Number))].filter((value) => value !== 0).slice(0, 6);
}

function operandOf(op: Op, value: number, userNumber: number): number {
  return op === '+' ? value - userNumber : value + userNumber;
}

const words = (key: string): string[] =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_\s-]+/)
    .filter(Boolean);

// `bags` is the quantity `total_bags` names: the operand's key is the argument's, or its last words.
function isSameQuantity(key: string, operandKey: unknown): boolean {
  if (typeof operandKey !== 'string') return false;
  const [whole, part] = [words(key), words(operandKey)];
  return part.length > 0 && part.every((word, index) => whole[whole.length - part.length + index] === word);
}

// Where the earlier quantity sits: a number under the argument's key or its last words (the
// reservation's `total_baggages` for the new `total_baggages`, a trip's `bags` for `total_bags`),
// in an earlier result or the loop element.
function operandCandidates(instance: Instance, context: ResolveContext, operand: number): Expr[] {
  const key = context.key ?? '';
  const sameKey = (path: ValuePath): boolean => isSameQuantity(key, path[path.length - 1]);
  const candidates: Expr[] = [];
  if (instance.scope.item !== undefined)
    for (const path of findPaths(instance.scope.item, operand, 24).filter(sameKey))
      candidates.push({ kind: 'ref', root: { type: 'item' }, path });
  for (let index = Math.min(context.segment, instance.scope.results.length) - 1; index >= 0; index--)
    for (const path of findPaths(instance.scope.results[index], operand, 24).filter(sameKey))
      candidates.push({ kind: 'ref', root: { type: 'segment', index }, path });
  return candidates;
}

// The list `candidate` indexes, in one sibling's scope, and the element at its index.
function listOf(candidate: Expr & { kind: 'ref' }, operand: Instance): unknown[] | undefined {
  const at = candidate.path.findIndex((key) => typeof key === 'number');
  const list =
    at < 0 ? undefined : evaluateExpr({ ...candidate, path: candidate.path.slice(0, at) }, operand.scope);
  return Array.isArray(list) ? list : undefined;
}

function elementOf(candidate: Expr & { kind: 'ref' }, operand: Instance): unknown {
  const index = candidate.path.find((key) => typeof key === 'number');
  return listOf(candidate, operand)?.[index as number];
}

// The element found by `equals` (`find((r) => r.<path> === equals)`), when that finds exactly one
// element in every sibling and yields every sibling's operand.
function findBy(
  candidate: Expr & { kind: 'ref' },
  path: ValuePath,
  equals: Expr,
  operands: readonly Instance[],
): Expr | undefined {
  // The property must single one element out in every sibling (`user_id` is every reservation's).
  const isSingling = operands.every((operand) => {
    const wanted = evaluateExpr(equals, operand.scope);
    const list = listOf(candidate, operand);
    return list !== undefined && list.filter((element) => valueAtPath(element, path) === wanted).length === 1;
  });
  const rule = withFind(candidate, path, equals);
  return isSingling && holdsEverywhere(rule, operands) ? rule : undefined;
}

// The element the run acted on is often named by an input already (`reservation_id ===
// input.reservationId`): small quantities such as `0` bags are in many elements, so the element is
// found by that input, and the candidate counts only if it yields every sibling's operand.
function findByInput(candidate: Expr, operands: readonly Instance[]): Expr | undefined {
  if (candidate.kind !== 'ref') return undefined;
  const primary = operands[0] as Instance;
  const element = elementOf(candidate, primary);
  for (const path of propertyPaths(element)) {
    const value = valueAtPath(element, path);
    if (typeof value !== 'string') continue;
    for (const field of findPaths(primary.scope.input, value, 2).filter((found) => found.length > 0)) {
      const rule = findBy(candidate, path, { kind: 'ref', root: { type: 'input' }, path: field }, operands);
      if (rule) return rule;
    }
  }
  return undefined;
}

// The element the call acts on: the one whose property (`reservation_id`) the same call already
// passes (`reservation_id: economyReservation.reservation_id`), however the draft found it. The
// earlier quantity is that element's, in every sibling.
function findByEarlierArgument(
  candidate: Expr,
  operands: readonly Instance[],
  earlier: readonly (readonly [string, Expr])[],
): Expr | undefined {
  if (candidate.kind !== 'ref') return undefined;
  const primary = operands[0] as Instance;
  const element = elementOf(candidate, primary);
  for (const [, argument] of earlier) {
    const wanted = evaluateExpr(argument, primary.scope);
    if (typeof wanted !== 'string' || wanted.length < 2) continue;
    for (const path of propertyPaths(element).filter((found) => valueAtPath(element, found) === wanted)) {
      const rule = findBy(candidate, path, argument, operands);
      if (!rule) continue;
      // The argument already reads that element (`economyReservation.reservation_id`): read the
      // quantity from it too, not by a second find of the same element.
      const tail = argument.kind === 'ref' ? argument.path.slice(-path.length) : [];
      const at = candidate.path.findIndex((key) => typeof key === 'number');
      const sameElement =
        argument.kind === 'ref' &&
        tail.length === path.length &&
        tail.every((key, index) => key === path[index])
          ? { ...argument, path: [...argument.path.slice(0, -path.length), ...candidate.path.slice(at + 1)] }
          : undefined;
      return sameElement && holdsEverywhere(sameElement, operands) ? sameElement : rule;
    }
  }
  return undefined;
}

// The operand as an expression that holds in every sibling: a plain path, or the element found by
// an input that singles it out, or the element the call acts on (never a bare position, never a
// rule guessed from a small number).
function resolveOperand(operands: readonly Instance[], context: ResolveContext): Expr | undefined {
  const candidates = operandCandidates(operands[0] as Instance, context, operands[0]?.value as number);
  for (const candidate of candidates) {
    if (isPositionalChoice(candidate, operands, context.parallel)) continue;
    if (holdsEverywhere(candidate, operands)) return candidate;
  }
  for (const candidate of candidates) {
    const rule =
      findByInput(candidate, operands) ?? findByEarlierArgument(candidate, operands, context.earlier ?? []);
    if (rule) return rule;
  }
  return undefined;
}

// Which user-written number each sibling added: the first that leaves an operand under the key.
function userOperands(
  op: Op,
  instances: readonly Instance[],
  state: DraftState,
  context: ResolveContext,
): number[] | undefined {
  const picked: number[] = [];
  for (const instance of instances) {
    const value = instance.value as number;
    const number = userNumbers(state.texts[instance.trajectory] ?? '').find((candidate) => {
      const operand = operandOf(op, value, candidate);
      return operandCandidates(instance, context, operand).length > 0;
    });
    if (number === undefined) return undefined;
    picked.push(number);
  }
  return picked;
}

/**
 * A number that is an earlier quantity changed by a number the user wrote: `total_baggages: 3`
 * after a reservation with 1 bag and "2 more bags" is `reservation.total_baggages +
 * input.totalBaggagesAdded`. Bounded to one `+` or `-` between an earlier value under the same key
 * and a user-written number, in every sibling. Safe against coincidences because both operands are
 * pinned: one is a number the customer typed (an input the next caller gives), the other is the
 * same quantity (same key) read from the element the run acted on, an earlier quantity that is zero
 * in every sibling (no evidence) is refused, and the relation must hold in every sibling; with one run it is listed as an
 * assumption naming the relation.
 */
export function derivedNumber(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr | undefined {
  if (context.isOutput || !context.key || !instances.every((instance) => typeof instance.value === 'number'))
    return undefined;
  for (const op of ['+', '-'] as const) {
    const added = userOperands(op, instances, state, context);
    if (!added) continue;
    const operands = instances.map((instance, index) => ({
      ...instance,
      value: operandOf(op, instance.value as number, added[index] as number),
    }));
    // A zero operand everywhere (`3 = 0 + 3`) is no evidence of a change to an earlier quantity.
    if (operands.every((operand) => operand.value === 0)) continue;
    const snapshot = saveDraft(state);
    const left = resolveOperand(operands, context);
    if (!left) continue;
    const change = op === '+' ? 'added' : 'removed';
    const right = addParam(
      state,
      instances.map((instance, index) => ({ ...instance, value: added[index] })),
      { ...context, key: `${context.key}_${change}`, schema: { type: 'number' } },
      false,
    );
    const expr: Expr = { kind: 'binary', op, left, right };
    if (!holdsEverywhere(expr, instances)) {
      restoreDraft(state, snapshot);
      continue;
    }
    const name = right.kind === 'ref' ? String(right.path[0]) : change;
    if (runCount(instances) < 2)
      state.assumptions.push({
        subject: context.key,
        value: instances[0]?.value,
        reason: `taken as the earlier \`${context.key}\` ${op} \`${name}\` (the number the user wrote) from the only recorded run`,
      });
    return expr;
  }
  return undefined;
}
