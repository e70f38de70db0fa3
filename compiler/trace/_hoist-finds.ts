import type { Expr } from './_expr.js';
import { elementNoun, renderExpr, rootCode, type RenderNames } from './_render-expr.js';
import { uniqueName } from './_naming.js';
import { toCamelCase } from '../../core/index.js';

type FindRef = Expr & { kind: 'ref' };

function collectFinds(expr: Expr, found: FindRef[]): void {
  if (expr.kind === 'ref') {
    expr.path.forEach((key, index) => {
      if (typeof key !== 'object') return;
      if ('key' in key) return collectFinds(key.key, found);
      collectFinds(key.equals, found);
      if (expr.root.type !== 'item') found.push({ ...expr, path: expr.path.slice(0, index + 1) });
    });
  }
  if (expr.kind === 'template')
    for (const part of expr.parts) if (typeof part !== 'string') collectFinds(part, found);
  if (expr.kind === 'object') for (const [, inner] of expr.entries) collectFinds(inner, found);
  if (expr.kind === 'array') for (const inner of expr.items) collectFinds(inner, found);
  if (expr.kind === 'map') collectFinds(expr.list, found);
  if (expr.kind === 'binary') for (const inner of [expr.left, expr.right]) collectFinds(inner, found);
}

// Backticks read better than escaped double quotes around a quoted value.
function quote(text: string): string {
  return /[`\\]|\$\{/.test(text) ? JSON.stringify(text) : `\`${text}\``;
}

function elementName(find: FindRef, noun: string, taken: ReadonlySet<string>): string {
  const step = find.path[find.path.length - 1];
  const equals =
    typeof step === 'object' && 'find' in step && step.equals.kind === 'literal'
      ? step.equals.value
      : undefined;
  const prefix =
    typeof equals === 'string' && /^[A-Za-z][\w -]{0,20}$/.test(equals) ? toCamelCase(equals) : 'found';
  return uniqueName(`${prefix}${noun[0]?.toUpperCase() ?? ''}${noun.slice(1)}`, taken);
}

/** With alternative inputs, none given is the caller's mistake: the guard that says which would do. */
export function alternativesGuard(
  step: { equals: Expr; alternatives?: { equals: Expr }[] },
  noun: string,
  names: RenderNames,
  indent: string,
): string[] {
  if (!step.alternatives) return [];
  const given = [step.equals, ...step.alternatives.map((option) => option.equals)].map((equals) =>
    renderExpr(equals, names),
  );
  const fields = given.map((code) => code.replace(/^input\./, ''));
  return [
    `${indent}if (${given.map((code) => `${code} === undefined`).join(' && ')})`,
    `${indent}  throw new Error(${JSON.stringify(`Say which ${noun}: give ${fields.join(' or ')}.`)});`,
  ];
}

/**
 * Declares each list element found by a property once, before the statement that needs it, with a
 * clear error when no element matches; later renders of the same `find` use the const.
 * @returns the declaration lines; `hoisted` and `taken` are updated.
 */
export function hoistFinds(
  exprs: readonly Expr[],
  names: RenderNames,
  hoisted: Map<string, string>,
  taken: Set<string>,
  indent: string,
): string[] {
  const finds: FindRef[] = [];
  for (const expr of exprs) collectFinds(expr, finds);
  const lines: string[] = [];
  for (const find of finds) {
    const code = renderExpr(find, { ...names, hoisted });
    if (hoisted.has(code) || [...hoisted.values()].includes(code)) continue;
    const noun = elementNoun(rootCode(find.root, names), find.path, find.path.length - 1);
    const name = elementName(find, noun, taken);
    taken.add(name);
    const step = find.path[find.path.length - 1] as {
      find: string;
      equals: Expr;
      orAt?: (string | number)[][];
      alternatives?: { at: (string | number)[]; equals: Expr }[];
    };
    // `with brand or source "gift card"` when the element may be named by several properties.
    const property = [step.find, ...(step.orAt ?? []).map((at) => at.join('.'))].join(' or ');
    const message = step.alternatives
      ? quote(
          `No ${noun} with the given ${[step.equals, ...step.alternatives.map((option) => option.equals)].map((equals) => renderExpr(equals, names).replace(/^input\./, '')).join(' or ')} was found.`,
        )
      : step.equals.kind === 'literal'
        ? quote(`No ${noun} with ${property} ${JSON.stringify(step.equals.value)} was found.`)
        : `\`No ${noun} with ${property} \${JSON.stringify(${renderExpr(step.equals, { ...names, hoisted })})} was found.\``;
    lines.push(...alternativesGuard(step, noun, { ...names, hoisted }, indent));
    lines.push(`${indent}const ${name} = ${code};`);
    lines.push(`${indent}if (!${name}) throw new Error(${message});`);
    hoisted.set(code, name);
  }
  return lines;
}
