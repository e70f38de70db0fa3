import type { Trajectory } from '../import/index.js';
import type { Expr, Scope } from './_expr.js';
import type { Segment } from './_segments.js';
import type { DraftState } from './_draft-state.js';
import type { BranchArm, SkillBody } from './_render-skill.js';
import { findBranchCondition, type BranchCondition } from './_branch-condition.js';

/** Sibling runs drafted together: the draft state, scopes and segments, one entry per run. */
export interface SiblingGroup {
  state: DraftState;
  trajectories: readonly Trajectory[];
  scopes: Scope[];
  segmentsOf: Segment[][];
}

/** The drafter's own steps, passed in (the drafter calls this file; it cannot import it back). */
export interface BodyResolvers {
  /** Resolves the arguments of the lead's segments `from` to `to`; their results join the scopes. */
  segments: (group: SiblingGroup, from: number, to: number) => Expr[];
  /** Resolves what the skill returns after `segments` (the lead's, from the first). */
  output: (group: SiblingGroup, segments: Segment[]) => SkillBody['output'];
  /** Segments whose results are untyped. */
  untyped: (segments: readonly Segment[]) => ReadonlySet<number>;
}

/** A body with branches, or why the runs could not fold into one. */
export type BranchFold = { body: SkillBody } | { failure: string };

const keyOf = (segment: Segment | undefined): string =>
  segment ? `${segment.tool}${segment.list ? '*' : ''}` : '';

/** The first segment index, from `from` on, where the runs take different steps. */
export function divergence(segmentsOf: readonly Segment[][], from = 0): number | undefined {
  const longest = Math.max(...segmentsOf.map((segments) => segments.length));
  for (let index = from; index < longest; index++) {
    const key = keyOf(segmentsOf[0]?.[index]);
    if (segmentsOf.some((segments) => keyOf(segments[index]) !== key)) return index;
  }
  return undefined;
}

function subGroup(group: SiblingGroup, positions: readonly number[]): SiblingGroup {
  const pick = <T>(list: readonly T[]): T[] => positions.map((position) => list[position] as T);
  return {
    state: {
      texts: pick(group.state.texts),
      inputs: pick(group.state.inputs),
      params: new Map(group.state.params),
      assumptions: [],
    },
    trajectories: pick(group.trajectories),
    scopes: pick(group.scopes),
    segmentsOf: pick(group.segmentsOf),
  };
}

// Parameters an arm added are the whole skill's (optional where other arms lack them).
function mergeState(into: DraftState, from: DraftState): void {
  for (const [name, spec] of from.params) if (!into.params.has(name)) into.params.set(name, spec);
  into.assumptions.push(...from.assumptions);
}

const idsOf = (group: SiblingGroup, positions: readonly number[]): string =>
  positions.map((position) => group.trajectories[position]?.id).join(', ');

// Runs that, after the common steps, call no tool the others do not (only another count of a call
// made before: one more look-up, a search again) differ in repetition, not in what they do: that
// is a scan or a retry, not a branch.
function repeatedSteps(group: SiblingGroup, groups: number[][], at: number): string | undefined {
  const before = new Set((group.segmentsOf[0] ?? []).slice(0, at).map((segment) => segment.tool));
  const newTools = (positions: readonly number[]): string => {
    const segments = group.segmentsOf[positions[0] ?? 0] ?? [];
    const tools = segments.slice(at).map((segment) => segment.tool);
    return [...new Set(tools.filter((tool) => !before.has(tool)))].sort().join(' ');
  };
  const signatures = groups.map(newTools);
  const twin = signatures.findIndex((signature, index) => signatures.indexOf(signature) !== index);
  if (twin < 0) return undefined;
  const first = groups[signatures.indexOf(signatures[twin] as string)] ?? [];
  return (
    `${idsOf(group, first)} and ${idsOf(group, groups[twin] ?? [])} call the same tools after call ${at}, ` +
    `only more or fewer times (a repeated call, not a branch)`
  );
}

/** Orders the groups of runs into arms, each with the test that sends its runs there (the last: none). */
function armConditions(
  group: SiblingGroup,
  groups: number[][],
  at: number,
): { positions: number[]; condition?: BranchCondition }[] | { failure: string } {
  const prefix = (group.segmentsOf[0] ?? []).slice(0, at);
  const arms: { positions: number[]; condition?: BranchCondition }[] = [];
  let rest = [...groups].sort((a, b) => a.length - b.length);
  while (rest.length > 1) {
    const found = rest
      .map((positions) => {
        const outside = rest.filter((other) => other !== positions);
        const scopes = (list: readonly number[]): Scope[] => list.map((p) => group.scopes[p] as Scope);
        const condition = findBranchCondition({
          inside: scopes(positions),
          outside: outside.map(scopes),
          prefix,
          texts: group.state.texts,
        });
        return condition ? { positions, condition } : undefined;
      })
      .find((arm) => arm !== undefined);
    if (!found) {
      const [first, ...others] = rest;
      return {
        failure:
          `no structural test on the results before call ${at + 1} (a list empty or not, a count, a status or type field) ` +
          `tells ${idsOf(group, first ?? [])} from ${idsOf(group, others.flat())}`,
      };
    }
    arms.push(found);
    rest = rest.filter((positions) => positions !== found.positions);
  }
  arms.push({ positions: rest[0] ?? [] });
  return arms;
}

/**
 * Drafts the body of sibling runs that share segments before `from`: the common steps, then, where
 * the runs part ways, one arm per next step, each drafted from its own runs (recursively, so arms
 * may branch again) behind a structural test on an earlier result that separates the runs.
 */
export function draftBody(
  group: SiblingGroup,
  from: number,
  prefixArgs: readonly Expr[],
  resolvers: BodyResolvers,
): BranchFold {
  const lead = group.segmentsOf[0] ?? [];
  const primaryId = group.trajectories[0]?.id ?? '';
  const at = divergence(group.segmentsOf, from);
  const args = [...prefixArgs, ...resolvers.segments(group, from, at ?? lead.length)];
  if (at === undefined) {
    const output = resolvers.output(group, lead);
    return { body: { primaryId, segments: lead, args, output, untypedSegments: resolvers.untyped(lead) } };
  }
  if (at === 0) return { failure: 'the runs differ from their first call on: no earlier result to test' };
  const byStep = new Map<string, number[]>();
  group.segmentsOf.forEach((segments, position) => {
    const key = keyOf(segments[at]);
    byStep.set(key, [...(byStep.get(key) ?? []), position]);
  });
  const repeat = repeatedSteps(group, [...byStep.values()], at);
  if (repeat) return { failure: repeat };
  const planned = armConditions(group, [...byStep.values()], at);
  if ('failure' in planned) return planned;
  const arms: BranchArm[] = [];
  for (const { positions, condition } of planned) {
    const sub = subGroup(group, positions);
    const drafted = draftBody(sub, at, args, resolvers);
    if ('failure' in drafted) return drafted;
    mergeState(group.state, sub.state);
    const trajectoryIds = sub.trajectories.map((trajectory) => trajectory.id);
    arms.push({
      ...drafted.body,
      from: at,
      trajectoryIds,
      requiredInputs: [],
      ...(condition ? { condition } : {}),
    });
  }
  const segments = lead.slice(0, at);
  const output = (arms[0] as BranchArm).output;
  const untypedSegments = resolvers.untyped(segments);
  return { body: { primaryId, segments, args, output, untypedSegments, branches: arms } };
}

/**
 * Marks, on each arm, the optional inputs it needs: present in every run of the arm, absent in some
 * other run of the skill, and not already checked by an enclosing arm.
 */
export function markRequiredInputs(
  arms: readonly BranchArm[],
  inputs: ReadonlyMap<string, Record<string, unknown>>,
  optional: ReadonlySet<string>,
  checked: ReadonlySet<string> = new Set(),
): void {
  for (const arm of arms) {
    const own = arm.trajectoryIds.map((id) => inputs.get(id) ?? {});
    arm.requiredInputs = [...optional].filter(
      (name) => !checked.has(name) && own.every((input) => name in input),
    );
    if (arm.branches)
      markRequiredInputs(arm.branches, inputs, optional, new Set([...checked, ...arm.requiredInputs]));
  }
}
