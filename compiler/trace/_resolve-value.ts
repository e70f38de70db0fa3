import type { JsonSchema } from '../../core/index.js';
import type { Expr } from './_expr.js';
import { findPaths, isSameValue, isTrivialValue } from './_values.js';
import { isSecretLike } from './detect-secrets.js';
import {
  holdsEverywhere,
  isUserWritten,
  runCount,
  type DraftState,
  type Instance,
  type ResolveContext,
} from './_draft-state.js';
import { addParam, isConsistentPerTrajectory } from './_params.js';
import { resolveRef } from './_find-source-expr.js';
import { isPositionalChoice } from './_selection-rule.js';
import { templateCandidate } from './_template-candidate.js';
import { derivedNumber } from './_derived-number.js';

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
  const entries: [string, Expr][] = [];
  for (const key of Object.keys(primary)) {
    const children = instances.map((instance) => ({
      ...instance,
      value: (instance.value as Record<string, unknown>)?.[key],
    }));
    const { earlier: _outer, ...outer } = context;
    const child = { ...outer, key, schema: childSchema(context.schema, key), earlier: [...entries] };
    entries.push([key, resolveValue(state, children, child)]);
  }
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
  const { expr: ref, choice } = resolveRef(state, instances, context);
  if (ref) return noteCoincidence(state, instances, context, ref);
  const isObject = typeof value === 'object' && value !== null;
  if (choice && !isObject) {
    if (context.isOutput) return holdsEverywhere(choice, instances) ? choice : { kind: 'literal', value };
    return unexplainedChoice(state, instances, context, choice);
  }
  const structured = isObject ? resolveStructured(state, instances, context) : undefined;
  if (structured) return structured;
  if (isSecretLike(context.key, value)) return addParam(state, instances, context, true);
  const template = typeof value === 'string' ? resolveTemplate(state, instances, context) : undefined;
  if (template) return template;
  return resolveScalar(state, instances, context);
}

// A small number equal to another input in the only run (`nonfree_baggages: input.totalBaggages`,
// both 0) may be a coincidence: the skill keeps the data flow and the evidence says so.
function noteCoincidence(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
  ref: Expr,
): Expr {
  const value = instances[0]?.value;
  const name = ref.kind === 'ref' && ref.root.type === 'input' ? ref.path.join('.') : undefined;
  if (context.isOutput || runCount(instances) > 1 || typeof value !== 'number' || !isTrivialValue(value))
    return ref;
  if (name === undefined || name.toLowerCase() === (context.key ?? '').replace(/_/g, '').toLowerCase())
    return ref;
  assume(state, context, value, `taken from \`input.${name}\`, equal (${value}) in the only recorded run`);
  return ref;
}

// Objects entry by entry; arrays of one length in every instance item by item.
function resolveStructured(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr | undefined {
  const value = (instances[0] as Instance).value as object;
  if (!instances.every((instance) => typeof instance.value === 'object' && instance.value !== null))
    return undefined;
  if (!Array.isArray(value))
    return Object.keys(value).length > 0 ? resolveEntries(state, instances, context) : undefined;
  if (
    value.length === 0 ||
    !instances.every((instance) => (instance.value as unknown[]).length === value.length)
  )
    return undefined;
  const items = value.map((_, index) =>
    resolveValue(
      state,
      instances.map((instance) => ({ ...instance, value: (instance.value as unknown[])[index] })),
      {
        ...context,
        schema: childSchema(context.schema, index),
        ...(value.length > 1 ? { parallel: { position: index, length: value.length } } : {}),
      },
    ),
  );
  // How many items (passengers, flights) is one run's choice: another customer may need another number.
  if (value.length > 1 && runCount(instances) < 2 && !context.isOutput)
    assume(
      state,
      context,
      value.length,
      `${value.length} items in the only recorded run; a request with another number is not served`,
    );
  return { kind: 'array', items };
}

function resolveTemplate(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
): Expr | undefined {
  const primary = instances[0] as Instance;
  const template = templateCandidate(primary, context, state.texts[primary.trajectory] ?? '');
  if (!template || !holdsEverywhere(template, instances)) return undefined;
  const picked =
    template.kind === 'template'
      ? template.parts.find((part) => typeof part !== 'string' && isPositionalChoice(part, instances))
      : undefined;
  if (picked && typeof picked !== 'string')
    state.assumptions.push({
      subject: context.key ?? 'value',
      value: primary.value,
      reason: `built from an element of ${describeList(picked)} picked by position`,
    });
  return template;
}

// A value no reference explains: an input, a constant, or (for a single run) an assumption.
function resolveScalar(state: DraftState, instances: readonly Instance[], context: ResolveContext): Expr {
  const value = (instances[0] as Instance).value;
  const isObject = typeof value === 'object' && value !== null;
  if (context.isOutput || !isConsistentPerTrajectory(instances)) return { kind: 'literal', value };
  const derived = derivedNumber(state, instances, context);
  if (derived) return derived;
  const isSame = instances.every((instance) => isSameValue(instance.value, value));
  // Verbatim: an argument the user typed as words (`works_at` for "works at") is the tool's
  // vocabulary; reading words is for choosing elements (`sameWords`), not for lifting inputs.
  const isTyped = instances.some((instance) =>
    isUserWritten(instance.value, state.texts[instance.trajectory] ?? '', { asWords: false }),
  );
  // What the user said is an input, even when every sibling said the same (else a skill folded
  // from two runs of one customer would act on that customer's account for everyone).
  if (isTyped && !isObject && !(isSame && runCount(instances) > 1 && isVocabulary(value, context)))
    return addParam(state, instances, context, false);
  if (isSame && runCount(instances) > 1) return { kind: 'literal', value };
  if (isSame || isObject) {
    assume(state, context, value, 'in the only recorded run');
    return { kind: 'literal', value };
  }
  // Siblings disagree on a value nobody typed. Derivable in some runs but not others, the runs do
  // different things (the group splits); derivable in none, the caller decides it.
  if (instances.some((instance) => isDerivable(instance, context))) return { kind: 'literal', value };
  return addParam(state, instances, context, false);
}

function isDerivable(instance: Instance, context: ResolveContext): boolean {
  if (isTrivialValue(instance.value)) return false;
  const results = instance.scope.results.slice(0, context.segment);
  return [instance.scope.item, ...results].some((root) => findPaths(root, instance.value, 1).length > 0);
}

// A word of the task's vocabulary (an enum member, a plain lower-case word such as `processing`)
// that every sibling used describes the task, not the customer: it stays a constant.
function isVocabulary(value: unknown, context: ResolveContext): boolean {
  const choices = typeof context.schema === 'object' ? context.schema['enum'] : undefined;
  if (Array.isArray(choices) && choices.includes(value)) return true;
  return typeof value === 'string' && /^[a-z]+( [a-z]+)*$/.test(value);
}

function assume(state: DraftState, context: ResolveContext, value: unknown, reason: string): void {
  state.assumptions.push({ subject: context.key ?? 'value', value, reason });
}

// A list element picked by position with no rule that explains it: the caller passes its value.
function unexplainedChoice(
  state: DraftState,
  instances: readonly Instance[],
  context: ResolveContext,
  choice: Expr,
): Expr {
  const param = addParam(state, instances, context, false);
  const name = param.kind === 'ref' ? String(param.path[0]) : (context.key ?? 'value');
  state.assumptions.push({
    subject: name,
    value: instances[0]?.value,
    reason: `no rule found for which element of ${describeList(choice)} the run${runCount(instances) > 1 ? 's' : ''} picked; the caller gives it as \`${name}\``,
  });
  return param;
}

function describeList(expr: Expr): string {
  if (expr.kind !== 'ref') return 'a list';
  const at = expr.path.findIndex((key) => typeof key === 'number');
  const root = expr.root.type === 'segment' ? `the result of call ${expr.root.index + 1}` : expr.root.type;
  const keys = expr.path.slice(0, at).filter((key) => typeof key === 'string');
  return keys.length > 0 ? `\`${keys.join('.')}\` (${root})` : root;
}
