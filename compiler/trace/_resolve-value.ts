import type { JsonSchema } from '../../core/index.js';
import type { Expr } from './_expr.js';
import { isSameValue } from './_values.js';
import { isSecretLike } from './detect-secrets.js';
import {
  holdsEverywhere,
  occursInText,
  type DraftState,
  type Instance,
  type ResolveContext,
} from './_draft-state.js';
import { addParam, isConsistentPerTrajectory } from './_params.js';
import { resolveRef } from './_find-source-expr.js';
import { templateCandidate } from './_template-candidate.js';

export type { DraftState, Instance, ParamSpec, ResolveContext } from './_draft-state.js';

function childSchema(schema: JsonSchema | undefined, key: string | number): JsonSchema | undefined {
  if (typeof schema !== 'object') return undefined;
  if (typeof key === 'number') return schema['items'] as JsonSchema | undefined;
  return (schema['properties'] as Record<string, JsonSchema> | undefined)?.[key];
}

/** Resolves every entry of an object (tool arguments, structured answers) across the instances. */
export function resolveEntries(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr {
  const primary = instances[0]?.value as Record<string, unknown>;
  const entries: [string, Expr][] = Object.keys(primary).map((key) => {
    const children = instances.map((instance) => ({
      ...instance,
      value: (instance.value as Record<string, unknown>)?.[key],
    }));
    return [
      key,
      resolveValue(state, children, { ...context, key, schema: childSchema(context.schema, key) }),
    ];
  });
  return { kind: 'object', entries };
}

/**
 * Finds the expression that yields the value in every instance: an input field, a path into an
 * earlier result (by index or by a singling-out property), a template, a parameter or a constant.
 */
export function resolveValue(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr {
  const primary = instances[0] as Instance;
  const value = primary.value;
  if (value === undefined) return { kind: 'literal', value };
  const ref = resolveRef(state, instances, context);
  if (ref) return ref;
  const isObject = typeof value === 'object' && value !== null;
  if (
    isObject &&
    instances.every((instance) => typeof instance.value === 'object' && instance.value !== null)
  ) {
    if (!Array.isArray(value) && Object.keys(value).length > 0)
      return resolveEntries(state, instances, context);
    if (
      Array.isArray(value) &&
      value.length > 0 &&
      instances.every((instance) => (instance.value as unknown[]).length === value.length)
    ) {
      const items = value.map((_, index) =>
        resolveValue(
          state,
          instances.map((instance) => ({ ...instance, value: (instance.value as unknown[])[index] })),
          {
            ...context,
            schema: childSchema(context.schema, index),
          },
        ),
      );
      return { kind: 'array', items };
    }
  }
  if (isSecretLike(context.key, value)) return addParam(state, instances, context, true);
  if (typeof value === 'string') {
    const template = templateCandidate(primary, context, state.texts[primary.trajectory] ?? '');
    if (template && holdsEverywhere(template, instances)) return template;
  }
  if (context.isOutput || !isConsistentPerTrajectory(instances)) return { kind: 'literal', value };
  const isSame = instances.every((instance) => isSameValue(instance.value, value));
  const isTyped = instances.every((instance) =>
    occursInText(instance.value, state.texts[instance.trajectory] ?? ''),
  );
  // Parameters are what the caller said: literals of the task text. Siblings that agree on one keep
  // it constant; a value that differs but that no user typed is left to replay (and the group splits).
  if (!isTyped || isObject || (isSame && state.inputs.length > 1)) return { kind: 'literal', value };
  return addParam(state, instances, context, false);
}
