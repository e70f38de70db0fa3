import { isSameValue, valueAtPath } from './_values.js';
import { isSameWords } from './_same-words.js';

/** Where a reference starts: the caller's input, the loop element, or the result of a segment. */
export type ExprRoot = { type: 'input' } | { type: 'item' } | { type: 'segment'; index: number };

/**
 * One step of a reference path; `find` picks the array element whose `find` key (or the value at
 * `at` inside it, such as `flights[0].date`) equals `equals`.
 */
export type PathStep =
  | string
  | number
  | {
      find: string;
      equals: Expr;
      at?: (string | number)[];
      /** Further properties that may name the element instead (`source` besides `brand`). */
      orAt?: (string | number)[][];
      /** Compare as words a customer types (`isSameWords`), not exactly. @default false */
      isWords?: boolean;
      /**
       * Other ways to name the element, each by its own optional input: the first whose `equals`
       * is given (not undefined), `equals` first, decides (`destination`, else `date`).
       */
      alternatives?: { at: (string | number)[]; equals: Expr }[];
    }
  /** A key read from a value: `prices[input.cabin]`. */
  | { key: Expr };

/** A value of the drafted skill, as code. */
export type Expr =
  | { kind: 'ref'; root: ExprRoot; path: PathStep[] }
  | { kind: 'literal'; value: unknown }
  | { kind: 'template'; parts: (string | Expr)[] }
  | { kind: 'object'; entries: [string, Expr][] }
  | { kind: 'array'; items: Expr[] }
  /** `list.map((element) => element.<path>)` */
  | { kind: 'map'; list: Expr; path: (string | number)[] }
  /** One arithmetic operation on two numbers: `reservation.total_baggages + input.totalBaggagesAdded`. */
  | { kind: 'binary'; op: '+' | '-' | '*'; left: Expr; right: Expr };

/** The values an expression can read in one trajectory (or one loop iteration of it). */
export interface Scope {
  input: Record<string, unknown>;
  /** Results by segment index; loops leave holes. */
  results: unknown[];
  item?: unknown;
}

const missing = Symbol('missing');

function rootValue(root: ExprRoot, scope: Scope): unknown {
  if (root.type === 'input') return scope.input;
  if (root.type === 'item') return scope.item;
  return scope.results[root.index];
}

function step(value: unknown, key: PathStep, scope: Scope): unknown {
  if (typeof value !== 'object' || value === null) return missing;
  if (typeof key !== 'object') return (value as Record<string | number, unknown>)[key] ?? missing;
  if ('key' in key) {
    const name = evaluateExpr(key.key, scope);
    if (typeof name !== 'string' && typeof name !== 'number') return missing;
    return (value as Record<string | number, unknown>)[name] ?? missing;
  }
  if (!Array.isArray(value)) return missing;
  if (key.alternatives) {
    const named = [{ at: key.at ?? [key.find], equals: key.equals }, ...key.alternatives]
      .map((option) => ({ at: option.at, wanted: evaluateExpr(option.equals, scope) }))
      .find((option) => option.wanted !== undefined);
    if (!named) return missing;
    return value.find((element) => isSameValue(valueAtPath(element, named.at), named.wanted)) ?? missing;
  }
  const wanted = evaluateExpr(key.equals, scope);
  const paths = [key.at ?? [key.find], ...(key.orAt ?? [])];
  const matches = (found: unknown): boolean =>
    key.isWords ? isSameWords(found, wanted) : isSameValue(found, wanted);
  return value.find((element) => paths.some((path) => matches(valueAtPath(element, path)))) ?? missing;
}

/** Evaluates `expr` against recorded values, as the skill would; undefined where a path leads nowhere. */
export function evaluateExpr(expr: Expr, scope: Scope): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'ref': {
      let value = rootValue(expr.root, scope);
      for (const key of expr.path) {
        value = step(value, key, scope);
        if (value === missing) return undefined;
      }
      return value;
    }
    case 'template':
      return expr.parts
        .map((part) => (typeof part === 'string' ? part : String(evaluateExpr(part, scope))))
        .join('');
    case 'object':
      return Object.fromEntries(expr.entries.map(([key, inner]) => [key, evaluateExpr(inner, scope)]));
    case 'array':
      return expr.items.map((inner) => evaluateExpr(inner, scope));
    case 'map': {
      const list = evaluateExpr(expr.list, scope);
      return Array.isArray(list) ? list.map((element) => valueAtPath(element, expr.path)) : undefined;
    }
    case 'binary': {
      const [left, right] = [evaluateExpr(expr.left, scope), evaluateExpr(expr.right, scope)];
      if (typeof left !== 'number' || typeof right !== 'number') return undefined;
      return expr.op === '+' ? left + right : expr.op === '-' ? left - right : left * right;
    }
  }
}

/** True when `expr` yields `expected` in `scope`. */
export function holdsIn(expr: Expr, scope: Scope, expected: unknown): boolean {
  return isSameValue(evaluateExpr(expr, scope), expected);
}

/**
 * `expr` with each part `replace` answers for replaced (the rest copied as is); `replace` sees every
 * expression inside, outermost first, so returning undefined from it also walks the whole tree.
 */
export function mapExpr(expr: Expr, replace: (expr: Expr) => Expr | undefined): Expr {
  const replaced = replace(expr);
  if (replaced) return replaced;
  const inner = (child: Expr): Expr => mapExpr(child, replace);
  switch (expr.kind) {
    case 'ref':
      return {
        ...expr,
        path: expr.path.map((step): PathStep => {
          if (typeof step !== 'object') return step;
          if ('key' in step) return { key: inner(step.key) };
          return {
            ...step,
            equals: inner(step.equals),
            ...(step.alternatives
              ? {
                  alternatives: step.alternatives.map((option) => ({
                    ...option,
                    equals: inner(option.equals),
                  })),
                }
              : {}),
          };
        }),
      };
    case 'template':
      return { ...expr, parts: expr.parts.map((part) => (typeof part === 'string' ? part : inner(part))) };
    case 'object':
      return { ...expr, entries: expr.entries.map(([key, value]) => [key, inner(value)]) };
    case 'array':
      return { ...expr, items: expr.items.map(inner) };
    case 'map':
      return { ...expr, list: inner(expr.list) };
    case 'binary':
      return { ...expr, left: inner(expr.left), right: inner(expr.right) };
    default:
      return expr;
  }
}
