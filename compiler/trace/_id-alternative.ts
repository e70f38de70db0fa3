import type { Trajectory } from '../import/index.js';
import { toCamelCase } from '../../core/index.js';
import { mapExpr, type Expr } from './_expr.js';
import type { DraftState } from './_draft-state.js';
import type { SkillBody } from './_render-skill.js';
import { elementNoun } from './_list-choice.js';

const inputOf = (expr: Expr | undefined): string | undefined =>
  expr?.kind === 'ref' &&
  expr.root.type === 'input' &&
  expr.path.length === 1 &&
  typeof expr.path[0] === 'string'
    ? expr.path[0]
    : undefined;

// Every expression of a body and its arms, each once: an arm repeats the enclosing body's segments
// and arguments before its `from`, and a body with branches takes its output from its first arm.
function eachExpr(body: SkillBody, visit: (expr: Expr) => void, from = 0): void {
  const end = body.branches?.[0]?.from ?? body.segments.length;
  body.args.slice(from, end).forEach(visit);
  for (const segment of body.segments.slice(from, end)) {
    if (segment.list) visit(segment.list);
    if (segment.scan?.equals) visit(segment.scan.equals);
    for (const option of segment.scan?.alternatives ?? []) visit(option.equals);
  }
  if (!body.branches && 'expr' in body.output) visit(body.output.expr);
  for (const arm of body.branches ?? []) {
    if (arm.condition?.kind === 'given')
      visit({ kind: 'ref', root: { type: 'input' }, path: [arm.condition.input] });
    else if (arm.condition) visit(arm.condition.kind === 'equals' ? arm.condition.value : arm.condition.list);
    eachExpr(arm, visit, arm.from);
  }
}

function inputUses(body: SkillBody): Map<string, number> {
  const uses = new Map<string, number>();
  const count = (expr: Expr): void => {
    mapExpr(expr, (inner) => {
      const name = inputOf(inner);
      if (name !== undefined) uses.set(name, (uses.get(name) ?? 0) + 1);
      return undefined;
    });
  };
  eachExpr(body, count);
  return uses;
}

// After a scan stopped at the element whose `destination` equals `input.destination`, later steps
// read the element's own property: the same value, and no longer tied to how the caller named it.
function readFromElement(body: SkillBody, index: number, name: string, element: Expr): void {
  const swap = (expr: Expr): Expr =>
    mapExpr(expr, (inner) => (inputOf(inner) === name ? element : undefined));
  const end = body.branches?.[0]?.from ?? body.segments.length;
  body.args = body.args.map((expr, at) => (at > index && at < end ? swap(expr) : expr));
  if (!body.branches && 'expr' in body.output) body.output = { ...body.output, expr: swap(body.output.expr) };
  for (const arm of body.branches ?? []) readFromElement(arm, index, name, element);
}

// The argument of the scan's call that takes the loop's element (`reservation_id: reservation`),
// when every looked-up result carries it back under the same key.
function lookupKey(body: SkillBody, index: number, trajectories: readonly Trajectory[]): string | undefined {
  const args = body.args[index];
  if (args?.kind !== 'object') return undefined;
  const key = args.entries.find(
    ([, expr]) => expr.kind === 'ref' && expr.root.type === 'item' && expr.path.length === 0,
  )?.[0];
  const lead = trajectories.find((trajectory) => trajectory.id === body.primaryId);
  const steps = (body.segments[index]?.steps ?? []).map((step) => lead?.steps[step]);
  const carries = steps.every((step) => {
    const sent = (step?.args as Record<string, unknown> | undefined)?.[key ?? ''];
    const result = step?.result;
    return (
      typeof sent === 'string' &&
      typeof result === 'object' &&
      result !== null &&
      (result as Record<string, unknown>)[key ?? ''] === sent
    );
  });
  return key !== undefined && steps.length > 0 && carries ? key : undefined;
}

/**
 * A scan that stops at the element the caller described (`destination`, or `destination | date`)
 * also takes the element's own id as one more way to name it (`reservationId`, tested last): a
 * caller who has the id need not describe the element. Only where the describing inputs serve the
 * scan alone (later steps read the element's own properties instead), and the lookup returns the
 * key it was called with.
 */
export function addIdAlternatives(
  body: SkillBody,
  state: DraftState,
  trajectories: readonly Trajectory[],
  root: SkillBody = body,
): void {
  const end = body.branches?.[0]?.from ?? body.segments.length;
  const start = 'from' in body && typeof body.from === 'number' ? body.from : 0;
  for (let index = start; index < end; index++) {
    const scan = body.segments[index]?.scan;
    const primary = inputOf(scan?.equals);
    if (!scan || primary === undefined) continue;
    const key = lookupKey(body, index, trajectories);
    const name = key === undefined ? undefined : toCamelCase(key);
    if (key === undefined || name === undefined || state.params.has(name)) continue;
    if (!scan.alternatives?.length)
      readFromElement(body, index, primary, {
        kind: 'ref',
        root: { type: 'segment', index },
        path: scan.path,
      });
    const describing = [primary, ...(scan.alternatives ?? []).map((option) => inputOf(option.equals))];
    const uses = inputUses(root);
    if (describing.some((input) => input === undefined || (uses.get(input) ?? 0) > 1)) continue;
    const names = [...(describing as string[]), name];
    const noun = elementNoun(body.segments[index]?.list);
    state.params.set(name, { tsType: 'string', isSecret: false });
    for (const input of names) {
      const spec = state.params.get(input);
      if (spec) spec.alternativeOf = { noun, names };
    }
    scan.alternatives = [
      ...(scan.alternatives ?? []),
      { path: [key], equals: { kind: 'ref', root: { type: 'input' }, path: [name] } },
    ];
  }
  for (const arm of body.branches ?? []) addIdAlternatives(arm, state, trajectories, root);
}
