import { evaluateExpr, type Expr, type PathStep } from './_expr.js';
import { findPaths, isSameValue } from './_values.js';
import { holdsEverywhere, occursInText, type DraftState, type Instance } from './_draft-state.js';
import { addParam } from './_params.js';

// When siblings chose a list element at different positions, name it by a property that singles it out.
export function findVariants(expr: Expr & { kind: 'ref' }, primary: Instance): Expr[] {
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

export function hasIndex(expr: Expr): boolean {
  return expr.kind === 'ref' && expr.path.some((key) => typeof key === 'number');
}

// A list element named in the task ("the team lead") is found by that property even in one example.
// A distinctive name the user typed ("Paper filters (100)") becomes a parameter of the find.
export function namedFindVariant(
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
