import type { Expr } from './_expr.js';
import { findPaths, isTrivialValue } from './_values.js';
import {
  holdsEverywhere,
  occursInText,
  type DraftState,
  type Instance,
  type ResolveContext,
} from './_draft-state.js';
import { holdsWithFill, refineParamType } from './_params.js';
import { findVariants, namedFindVariant } from './_find-variants.js';
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
  for (let index = Math.min(context.segment, scope.results.length) - 1; index >= 0; index--) {
    for (const path of findPaths(scope.results[index], value)) {
      // A value the user typed that also sits at some list position is the user's, not the list's.
      if (isFromCaller && path.some((key) => typeof key === 'number')) continue;
      candidates.push({ kind: 'ref', root: { type: 'segment', index }, path });
    }
  }
  return candidates;
}

/** The expression reading the value from the input, the loop element or an earlier result, if any holds everywhere. */
export function resolveRef(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr | undefined {
  const primary = instances[0] as Instance;
  const isFromCaller =
    !context.isOutput &&
    instances.every((instance) => occursInText(instance.value, state.texts[instance.trajectory] ?? ''));
  const candidates = refCandidates(instances, context, isFromCaller);
  for (const candidate of candidates) {
    const named = namedFindVariant(state, candidate, instances);
    if (named) return named;
    if (holdsWithFill(candidate, instances)) {
      refineParamType(state, candidate, context);
      return candidate;
    }
  }
  const mapped = mapCandidates(primary, context).find((candidate) => holdsEverywhere(candidate, instances));
  if (mapped) return mapped;
  for (const candidate of candidates) {
    if (candidate.kind !== 'ref') continue;
    const found = findVariants(candidate, primary).find((variant) => holdsEverywhere(variant, instances));
    if (found) return found;
  }
  return undefined;
}
