import type { JsonSchema } from '../sandbox/index.js';
import { evaluateExpr, holdsIn, type Expr, type ExprRoot, type PathStep, type Scope } from './_expr.js';
import {
  findPaths,
  isSameValue,
  isTrivialValue,
  primitiveLeaves,
  valueAtPath,
  type ValuePath,
} from './_values.js';
import { isSecretLike } from './detect-secrets.js';
import { toCamelCase, toolNoun, uniqueName } from './_naming.js';
import { schemaToTsType } from './_ts-type.js';

/** One occurrence of the value being resolved: in a sibling trajectory, or a loop iteration. */
export interface Instance {
  trajectory: number;
  scope: Scope;
  value: unknown;
}

/** A skill parameter found while drafting. */
export interface ParamSpec {
  tsType: string;
  isSecret: boolean;
}

/** What the drafter knows across the sibling group. */
export interface DraftState {
  /** Task text plus later user messages, per trajectory. */
  texts: string[];
  /** Caller input per trajectory; derived parameters are added here. */
  inputs: Record<string, unknown>[];
  params: Map<string, ParamSpec>;
}

/** Where the value sits: its key, the tool, its schema, and the segment (refs must come before it). */
export interface ResolveContext {
  key?: string;
  tool?: string;
  schema?: JsonSchema;
  segment: number;
  /** Values of the answer never become parameters. @default false */
  isOutput?: boolean;
}

function holdsEverywhere(expr: Expr, instances: readonly Instance[]): boolean {
  return instances.every((instance) => holdsIn(expr, instance.scope, instance.value));
}

// Siblings recorded without `input` lack the field a sibling with `input` names: fill it in from
// the value at the same place, when that is consistent, so the group shares one parameter.
function holdsWithFill(expr: Expr, instances: readonly Instance[]): boolean {
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

// When siblings chose a list element at different positions, name it by a property that singles it out.
function findVariants(expr: Expr & { kind: 'ref' }, primary: Instance): Expr[] {
  const at = expr.path.findIndex((key) => typeof key === 'number');
  if (at < 0) return [];
  const list = evaluateExpr({ ...expr, path: expr.path.slice(0, at) }, primary.scope);
  const element = Array.isArray(list) ? (list[expr.path[at] as number] as unknown) : undefined;
  if (typeof element !== 'object' || element === null || !Array.isArray(list)) return [];
  const variants: Expr[] = [];
  for (const [key, value] of Object.entries(element)) {
    if (
      typeof value === 'object' ||
      list.filter((other) => isSameValue((other as Record<string, unknown>)?.[key], value)).length !== 1
    ) {
      continue;
    }
    const fromInput = findPaths(primary.scope.input, value, 1)[0];
    const equals: Expr = fromInput?.length
      ? { kind: 'ref', root: { type: 'input' }, path: fromInput }
      : { kind: 'literal', value };
    const path: PathStep[] = [...expr.path.slice(0, at), { find: key, equals }, ...expr.path.slice(at + 1)];
    variants.push({ ...expr, path });
  }
  // Properties read from the input first: they generalize beyond the recorded lists.
  return variants.sort((a, b) => Number(isInputFind(b)) - Number(isInputFind(a)));
}

function isInputFind(expr: Expr): boolean {
  return expr.kind === 'ref' && expr.path.some((key) => typeof key === 'object' && key.equals.kind === 'ref');
}

function templateCandidate(primary: Instance, context: ResolveContext, callerText: string): Expr | undefined {
  const text = primary.value as string;
  const ref = (root: ExprRoot): Expr & { kind: 'ref' } => ({ kind: 'ref', root, path: [] });
  const roots: { root: Expr & { kind: 'ref' }; value: unknown }[] = [
    { root: ref({ type: 'input' }), value: primary.scope.input },
    ...(primary.scope.item === undefined ? [] : [{ root: ref({ type: 'item' }), value: primary.scope.item }]),
    ...primary.scope.results
      .slice(0, context.segment)
      .map((value, index) => ({ root: ref({ type: 'segment', index }), value }))
      .reverse(),
  ];
  const pieces = roots.flatMap(({ root, value }) =>
    primitiveLeaves(value)
      .filter(
        (leaf) =>
          (typeof leaf.value === 'string' && leaf.value.length >= 3) ||
          (typeof leaf.value === 'number' && !isTrivialValue(leaf.value)),
      )
      // As for whole values: what the user typed is theirs, not some list position's.
      .filter(
        (leaf) => !(leaf.path.some((key) => typeof key === 'number') && occursInText(leaf.value, callerText)),
      )
      .map((leaf) => ({ text: String(leaf.value), expr: { ...root, path: leaf.path as ValuePath } as Expr }))
      .filter((piece) => text.includes(piece.text)),
  );
  if (pieces.length === 0) return undefined;
  pieces.sort((a, b) => b.text.length - a.text.length);
  const parts: (string | Expr)[] = [];
  let index = 0;
  while (index < text.length) {
    const piece = pieces.find((candidate) => text.startsWith(candidate.text, index));
    if (piece) parts.push(piece.expr);
    else if (typeof parts[parts.length - 1] === 'string')
      parts[parts.length - 1] = `${String(parts[parts.length - 1])}${text[index] ?? ''}`;
    else parts.push(text[index] ?? '');
    index += piece ? piece.text.length : 1;
  }
  // A single piece covering the whole string is a reference the ref search already refused.
  return parts.length === 1 && typeof parts[0] !== 'string' ? undefined : { kind: 'template', parts };
}

function arraysIn(root: unknown, found: { path: ValuePath; list: unknown[] }[], path: ValuePath = []): void {
  if (Array.isArray(root)) found.push({ path, list: root });
  if (typeof root !== 'object' || root === null || path.length > 6) return;
  for (const [key, child] of Object.entries(root))
    arraysIn(child, found, [...path, Array.isArray(root) ? Number(key) : key]);
}

// An array whose elements are each a field of an earlier list's elements: `list.map((x) => x.field)`.
function mapCandidates(primary: Instance, context: ResolveContext): Expr[] {
  if (!Array.isArray(primary.value) || primary.value.length === 0) return [];
  const value: unknown[] = primary.value;
  const candidates: Expr[] = [];
  for (let index = Math.min(context.segment, primary.scope.results.length) - 1; index >= 0; index--) {
    const arrays: { path: ValuePath; list: unknown[] }[] = [];
    arraysIn(primary.scope.results[index], arrays);
    for (const { path, list } of arrays.filter((candidate) => candidate.list.length === value.length)) {
      for (const inner of findPaths(list[0], value[0], 4).filter((found) => found.length > 0)) {
        if (value.every((element, position) => isSameValue(valueAtPath(list[position], inner), element))) {
          candidates.push({
            kind: 'map',
            list: { kind: 'ref', root: { type: 'segment', index }, path },
            path: inner,
          });
        }
      }
    }
  }
  return candidates;
}

function occursInText(value: unknown, text: string): boolean {
  if (typeof value === 'number')
    return new RegExp(`(^|[^\\d.])${String(value).replace('.', '\\.')}($|[^\\d])`).test(text);
  return typeof value === 'string' && value.length >= 2 && text.includes(value);
}

function paramName(context: ResolveContext, state: DraftState): string {
  const key = context.key ?? 'value';
  const base =
    /^id$/i.test(key) && context.tool ? `${toolNoun(context.tool).replace(/s$/, '')}Id` : toCamelCase(key);
  return uniqueName(base, new Set(state.inputs.flatMap((input) => Object.keys(input))));
}

function addParam(
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

function isConsistentPerTrajectory(instances: readonly Instance[]): boolean {
  const seen = new Map<number, unknown>();
  return instances.every((instance) => {
    if (!seen.has(instance.trajectory)) seen.set(instance.trajectory, instance.value);
    return isSameValue(seen.get(instance.trajectory), instance.value);
  });
}

// An `input` field recorded as a plain string takes the tool's enum type when it feeds that argument.
function refineParamType(state: DraftState, expr: Expr, context: ResolveContext): void {
  const name =
    expr.kind === 'ref' && expr.root.type === 'input' && expr.path.length === 1 ? expr.path[0] : undefined;
  const param = typeof name === 'string' ? state.params.get(name) : undefined;
  const schemaType = schemaToTsType(context.schema);
  if (param && schemaType && (param.tsType === 'string' || param.tsType === 'number'))
    param.tsType = schemaType;
}

function hasIndex(expr: Expr): boolean {
  return expr.kind === 'ref' && expr.path.some((key) => typeof key === 'number');
}

// A list element named in the task ("the team lead") is found by that property even in one example.
// A distinctive name the user typed ("Paper filters (100)") becomes a parameter of the find.
function namedFindVariant(
  state: DraftState,
  candidate: Expr,
  instances: readonly Instance[],
): Expr | undefined {
  if (candidate.kind !== 'ref' || !hasIndex(candidate)) return undefined;
  const text = state.texts[(instances[0] as Instance).trajectory] ?? '';
  const found = findVariants(candidate, instances[0] as Instance)
    .filter(
      (variant) =>
        variant.kind === 'ref' &&
        variant.path.some(
          (key) =>
            typeof key === 'object' &&
            (key.equals.kind === 'ref' ||
              (key.equals.kind === 'literal' && occursInText(key.equals.value, text))),
        ),
    )
    .find((variant) => holdsEverywhere(variant, instances));
  return found?.kind === 'ref' ? parameterizeFind(state, found, instances) : found;
}

function parameterizeFind(
  state: DraftState,
  expr: Expr & { kind: 'ref' },
  instances: readonly Instance[],
): Expr {
  const at = expr.path.findIndex((key) => typeof key === 'object');
  const step = expr.path[at] as { find: string; equals: Expr };
  const value = step.equals.kind === 'literal' ? step.equals.value : undefined;
  if (typeof value !== 'string' || !/[\s\d]/.test(value)) return expr;
  const list = [...expr.path.slice(0, at)].reverse().find((key) => typeof key === 'string');
  const noun = typeof list === 'string' ? list.replace(/ies$/, 'y').replace(/([^s])s$/, '$1') : 'item';
  const key = `${noun}_${step.find}`;
  const equals = addParam(
    state,
    instances.map((instance) => ({ ...instance, value })),
    { key, segment: 0 },
    false,
  );
  const path = expr.path.map((part, index) => (index === at ? { find: step.find, equals } : part));
  return { ...expr, path };
}

function resolveRef(
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
