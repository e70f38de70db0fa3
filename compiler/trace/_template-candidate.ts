import type { Expr, ExprRoot } from './_expr.js';
import { isTrivialValue, primitiveLeaves, type ValuePath } from './_values.js';
import { occursInText, type Instance, type ResolveContext } from './_draft-state.js';

// A number is spliced in only as a whole token: never `20` out of `2024-05-23`, nor `5` out of `15`.
function isWholeToken(text: string, index: number, piece: string): boolean {
  const end = index + piece.length;
  const digitAt = (at: number): boolean => /\d/.test(text[at] ?? '');
  if (/^\d/.test(piece) && (digitAt(index - 1) || (text[index - 1] === '.' && digitAt(index - 2))))
    return false;
  return !(/\d$/.test(piece) && (digitAt(end) || (text[end] === '.' && digitAt(end + 1))));
}

/** A template literal composing the string from earlier values, or undefined when none fits. */
export function templateCandidate(
  primary: Instance,
  context: ResolveContext,
  callerText: string,
): Expr | undefined {
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
    const piece = pieces.find(
      (candidate) => text.startsWith(candidate.text, index) && isWholeToken(text, index, candidate.text),
    );
    if (piece) parts.push(piece.expr);
    else if (typeof parts[parts.length - 1] === 'string')
      parts[parts.length - 1] = `${String(parts[parts.length - 1])}${text[index] ?? ''}`;
    else parts.push(text[index] ?? '');
    index += piece ? piece.text.length : 1;
  }
  // A single piece covering the whole string is a reference the ref search already refused.
  if (parts.every((part) => typeof part === 'string')) return undefined;
  return parts.length === 1 && typeof parts[0] !== 'string' ? undefined : { kind: 'template', parts };
}
