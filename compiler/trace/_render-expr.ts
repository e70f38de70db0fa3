import type { Expr, ExprRoot, PathStep } from './_expr.js';
import { singular } from './_naming.js';
import { SAME_WORDS_HELPER } from './_same-words.js';

type FindStep = Extract<PathStep, { find: string }>;

/** Names the renderer gives to roots: the loop element and each segment's result variable. */
export interface RenderNames {
  item?: string;
  segment: (index: number) => string;
  /** Rendered `list.find(...)` code -> the const that already holds the element. */
  hoisted?: ReadonlyMap<string, string>;
  /** Segments whose tool declares no output schema: their results are `any`. */
  untypedSegments?: ReadonlySet<number>;
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Renders an object key: bare when it is an identifier, quoted otherwise. */
export function renderKey(key: string): string {
  return identifier.test(key) ? key : JSON.stringify(key);
}

function rootName(root: ExprRoot, names: RenderNames): string {
  if (root.type === 'input') return 'input';
  if (root.type === 'item') return names.item ?? 'item';
  return names.segment(root.index);
}

export function lastKey(path: readonly PathStep[], end: number): string {
  for (let index = end - 1; index >= 0; index--) {
    const key = path[index];
    if (typeof key === 'string') return key;
  }
  return 'items';
}

/** The singular noun for elements of the list a `find` at `path[index]` searches (`members` -> `member`). */
export function elementNoun(base: string, path: readonly PathStep[], index: number): string {
  return singular(index === 0 ? base : lastKey(path, index));
}

/** The root's variable name. */
export function rootCode(root: ExprRoot, names: RenderNames): string {
  return rootName(root, names);
}

// `isUntyped`: the base is `any`, so a `find` callback's element needs an explicit annotation
// (an implicit `any` parameter does not type-check under `strict`).
function renderPath(base: string, path: readonly PathStep[], names: RenderNames, isUntyped = false): string {
  let code = base;
  path.forEach((key, index) => {
    if (typeof key === 'number') code += `[${key}]`;
    else if (typeof key === 'string') code += identifier.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    else if ('key' in key) code += `[${renderExpr(key.key, names)}]`;
    else {
      const element = elementNoun(base, path, index);
      code += `.find((${element}${isUntyped ? ': any' : ''}) => ${renderMatch(element, key, names)})`;
      code = names.hoisted?.get(code) ?? code;
    }
  });
  return code;
}

/**
 * The test of the first alternative the caller gave: `a !== undefined ? testA : testB` (the last
 * test stands alone; a guard before it makes sure some input was given).
 */
export function renderFirstGiven(options: readonly { given: string; test: string }[]): string {
  return options
    .slice(0, -1)
    .reduceRight(
      (rest, option) => `${option.given} !== undefined ? ${option.test} : ${rest}`,
      options[options.length - 1]?.test ?? 'false',
    );
}

// `member.role === "oncall"`; with several properties or words, `sameWords(m.brand, x) || ...`.
function renderMatch(element: string, key: FindStep, names: RenderNames): string {
  const wanted = renderExpr(key.equals, names);
  // `input.destination !== undefined ? r.destination === input.destination : r.flights[0].date === input.date`
  if (key.alternatives) {
    const options = [{ at: key.at ?? [key.find], equals: key.equals }, ...key.alternatives];
    return renderFirstGiven(
      options.map((option) => ({
        given: renderExpr(option.equals, names),
        test: `${element}${renderPath('', option.at, names)} === ${renderExpr(option.equals, names)}`,
      })),
    );
  }
  return [key.at ?? [key.find], ...(key.orAt ?? [])]
    .map((at) => {
      const property = `${element}${renderPath('', at, names)}`;
      return key.isWords ? `${SAME_WORDS_HELPER}(${property}, ${wanted})` : `${property} === ${wanted}`;
    })
    .join(' || ');
}

// `{ sku: sku }` reads better as `{ sku }`.
function renderEntry(key: string, code: string): string {
  return code === key && identifier.test(key) ? key : `${renderKey(key)}: ${code}`;
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Renders an expression as TypeScript source. */
export function renderExpr(expr: Expr, names: RenderNames, indent = ''): string {
  switch (expr.kind) {
    case 'literal':
      return expr.value === undefined ? 'undefined' : JSON.stringify(expr.value);
    case 'ref':
      return renderPath(
        rootName(expr.root, names),
        expr.path,
        names,
        expr.root.type === 'segment' && (names.untypedSegments?.has(expr.root.index) ?? false),
      );
    case 'template':
      return `\`${expr.parts.map((part) => (typeof part === 'string' ? escapeTemplate(part) : `\${${renderExpr(part, names)}}`)).join('')}\``;
    case 'map': {
      const list = renderExpr(expr.list, names, indent);
      const element = singular(
        list
          .split(/[.[\]()]/)
          .filter((part) => /^[A-Za-z_$]/.test(part)) // `pairs[0]` names `pair`, not `0Item`
          .pop() ?? 'items',
      );
      return `${list}.map((${element}) => ${renderPath(element, expr.path, names)})`;
    }
    case 'binary':
      return `${renderExpr(expr.left, names, indent)} ${expr.op} ${renderExpr(expr.right, names, indent)}`;
    case 'array':
      return `[${expr.items.map((item) => renderExpr(item, names, indent)).join(', ')}]`;
    case 'object': {
      if (expr.entries.length === 0) return '{}';
      const flat = expr.entries.map(([key, value]) => renderEntry(key, renderExpr(value, names, indent)));
      const oneLine = `{ ${flat.join(', ')} }`;
      if (oneLine.length + indent.length < 90 && !oneLine.includes('\n')) return oneLine;
      const inner = `${indent}  `;
      const lines = expr.entries.map(
        ([key, value]) => `${inner}${renderEntry(key, renderExpr(value, names, inner))},`,
      );
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
  }
}
