import type { Expr, PathStep } from './_expr.js';
import { findPaths, isTrivialValue } from './_values.js';
import {
  holdsEverywhere,
  occursInText,
  type DraftState,
  type Instance,
  type ResolveContext,
} from './_draft-state.js';
import { holdsWithFill, refineParamType } from './_params.js';
import { hasIndex, isChoiceInEvery, isPositionalChoice, selectionRule } from './_selection-rule.js';
import { mapCandidates } from './_map-candidates.js';

function inputCandidates(instances: readonly Instance[]): Expr[] {
  const seen = new Map<string, Expr>();
  for (const instance of instances) {
    for (const path of findPaths(instance.scope.input, instance.value).filter((found) => found.length > 0)) {
      seen.set(JSON.stringify(path), { kind: 'ref', root: { type: 'input' }, path });
    }
  }
  return [...seen.values()];
}

// Of several earlier values equal to this one, the structurally parallel source comes first: the
// same key (`date` from a `date`), then the same position (`flights[1]` for the second flight).
function parallelScore(expr: Expr, context: ResolveContext): number {
  if (expr.kind !== 'ref') return 0;
  const keys = expr.path.filter((key): key is string => typeof key === 'string');
  const sameKey = context.key !== undefined && keys[keys.length - 1] === context.key ? 2 : 0;
  const samePosition =
    context.parallel !== undefined && expr.path.includes(context.parallel.position) ? 1 : 0;
  return sameKey + samePosition;
}

function refCandidates(
  instances: readonly Instance[],
  context: ResolveContext,
  isFromCaller: boolean,
): Expr[] {
  const { scope, value } = instances[0] as Instance;
  const candidates = inputCandidates(instances);
  if (scope.item !== undefined) {
    for (const path of findPaths(scope.item, value))
      candidates.push({ kind: 'ref', root: { type: 'item' }, path });
  }
  if (isTrivialValue(value) && instances.length === 1) return candidates;
  const fromResults: Expr[] = [];
  for (let index = Math.min(context.segment, scope.results.length) - 1; index >= 0; index--) {
    for (const path of findPaths(scope.results[index], value)) {
      // A value the user typed that also sits at some list position is the user's, not the list's.
      if (isFromCaller && path.some((key) => typeof key === 'number')) continue;
      fromResults.push({ kind: 'ref', root: { type: 'segment', index }, path });
    }
  }
  // `prices.economy` where the caller chose `economy`: `prices[input.cabin]`, not a constant key.
  const keyed = fromResults.flatMap((expr) => keyedVariant(expr, scope.input));
  fromResults.unshift(...keyed);
  // A stable sort keeps the latest, shortest source first among equally parallel ones.
  fromResults.sort((a, b) => parallelScore(b, context) - parallelScore(a, context));
  // A value reached through two list positions (`reservations[2].payment_history[0].payment_id`)
  // is a copy held elsewhere; the list that holds it once (`payment_methods[1].id`) names it.
  fromResults.sort((a, b) => Number(indexCount(a) > 1) - Number(indexCount(b) > 1));
  return [...candidates, ...fromResults];
}

function indexCount(expr: Expr): number {
  return expr.kind === 'ref' ? expr.path.filter((key) => typeof key === 'number').length : 0;
}

function keyedVariant(expr: Expr, input: Record<string, unknown>): Expr[] {
  if (expr.kind !== 'ref') return [];
  const names = Object.keys(input);
  let isKeyed = false;
  const path = expr.path.map((key) => {
    const name = typeof key === 'string' ? names.find((field) => input[field] === key) : undefined;
    if (name === undefined) return key;
    isKeyed = true;
    const step: PathStep = { key: { kind: 'ref', root: { type: 'input' }, path: [name] } };
    return step;
  });
  return isKeyed ? [{ ...expr, path }] : [];
}

/** What `resolveRef` found: an expression that holds everywhere, or a positional pick no rule explains. */
export interface RefResolution {
  expr?: Expr;
  /** A list element chosen by position for which no selection rule was found. */
  choice?: Expr;
}

/**
 * The expression reading the value from the input, the loop element or an earlier result, if any
 * holds everywhere. A list element picked by position is named by its selection rule; without
 * one, the pick is returned as `choice` (the caller makes it an input), never a silent index.
 */
export function resolveRef(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): RefResolution {
  const primary = instances[0] as Instance;
  const isFromCaller =
    !context.isOutput &&
    instances.every((instance) => occursInText(instance.value, state.texts[instance.trajectory] ?? ''));
  const candidates = refCandidates(instances, context, isFromCaller);
  let choice: Expr | undefined;
  let single: Expr | undefined;
  for (const candidate of candidates) {
    if (isPositionalChoice(candidate, instances, context.parallel)) {
      // Siblings that took the value from different places did different things.
      if (!isChoiceInEvery(candidate, instances)) continue;
      const rule = selectionRule(state, candidate, instances);
      if (rule) return { expr: rule };
      choice ??= candidate;
      continue;
    }
    // The only element of a one-element list may be a coincidence; a source found by what the
    // user said (a rule on a later candidate) is preferred over it.
    if (hasIndex(candidate) && candidate.kind === 'ref' && candidate.root.type !== 'item') {
      if (!single && holdsEverywhere(candidate, instances)) single = candidate;
      continue;
    }
    if (holdsWithFill(candidate, instances)) {
      refineParamType(state, candidate, context);
      return { expr: candidate };
    }
  }
  if (single) return { expr: single };
  const mapped = mapCandidates(primary, context).find((candidate) => holdsEverywhere(candidate, instances));
  if (mapped) return { expr: mapped };
  return choice ? { choice } : {};
}
