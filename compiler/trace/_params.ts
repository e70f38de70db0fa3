import type { Expr } from './_expr.js';
import { isSameValue } from './_values.js';
import { toolNoun, uniqueName } from './_naming.js';
import { toCamelCase } from '../../core/index.js';
import { schemaToTsType } from './_ts-type.js';
import { holdsEverywhere, type DraftState, type Instance, type ResolveContext } from './_draft-state.js';

// Siblings recorded without `input` lack the field a sibling with `input` names: fill it in from
// the value at the same place, when that is consistent, so the group shares one parameter.
export function holdsWithFill(expr: Expr, instances: readonly Instance[]): boolean {
  const key =
    expr.kind === 'ref' && expr.root.type === 'input' && expr.path.length === 1 ? expr.path[0] : undefined;
  if (typeof key !== 'string') return holdsEverywhere(expr, instances);
  const fills = new Map<Record<string, unknown>, unknown>();
  for (const instance of instances) {
    const input = instance.scope.input;
    if (key in input) {
      if (!isSameValue(input[key], instance.value)) return false;
    } else if (fills.has(input) && !isSameValue(fills.get(input), instance.value)) return false;
    else fills.set(input, instance.value);
  }
  for (const [input, value] of fills) input[key] = value;
  return true;
}

export function paramName(context: ResolveContext, state: DraftState): string {
  const key = context.key ?? 'value';
  const base =
    /^id$/i.test(key) && context.tool ? `${toolNoun(context.tool).replace(/s$/, '')}Id` : toCamelCase(key);
  return uniqueName(base, new Set(state.inputs.flatMap((input) => Object.keys(input))));
}

export function addParam(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
  isSecret: boolean,
): Expr {
  const name = paramName(context, state);
  for (const instance of instances)
    (state.inputs[instance.trajectory] as Record<string, unknown>)[name] = instance.value;
  const tsType =
    schemaToTsType(context.schema) ?? schemaToTsType({ type: typeof instances[0]?.value }) ?? 'unknown';
  state.params.set(name, { tsType, isSecret });
  return { kind: 'ref', root: { type: 'input' }, path: [name] };
}

export function isConsistentPerTrajectory(instances: readonly Instance[]): boolean {
  const seen = new Map<number, unknown>();
  return instances.every((instance) => {
    if (!seen.has(instance.trajectory)) seen.set(instance.trajectory, instance.value);
    return isSameValue(seen.get(instance.trajectory), instance.value);
  });
}

// An `input` field recorded as a plain string takes the tool's enum type when it feeds that argument.
export function refineParamType(state: DraftState, expr: Expr, context: ResolveContext): void {
  const name =
    expr.kind === 'ref' && expr.root.type === 'input' && expr.path.length === 1 ? expr.path[0] : undefined;
  const param = typeof name === 'string' ? state.params.get(name) : undefined;
  const schemaType = schemaToTsType(context.schema);
  if (param && schemaType && (param.tsType === 'string' || param.tsType === 'number'))
    param.tsType = schemaType;
}
