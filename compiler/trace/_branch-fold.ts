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
// is a scan or a retry, not a branch. `set` compares which new tools the runs call; `sequence`
// compares them in order, repeats merged (reading the reservation then the profile, or the other
// way round, is another path).
function repeatedSteps(
  group: SiblingGroup,
  groups: readonly number[][],
  at: number,
  compare: 'set' | 'sequence',
): { failure: string } | undefined {
  const before = new Set((group.segmentsOf[0] ?? []).slice(0, at).map((segment) => segment.tool));
  const newTools = (positions: readonly number[]): string => {
    const segments = group.segmentsOf[positions[0] ?? 0] ?? [];
    const tools = segments
      .slice(at)
      .map((segment) => segment.tool)
      .filter((tool) => !before.has(tool));
    if (compare === 'set') return [...new Set(tools)].sort().join(' ');
    return tools.filter((tool, index) => tool !== tools[index - 1]).join(' ');
  };
  const signatures = groups.map(newTools);
  const twin = signatures.findIndex((signature, index) => signatures.indexOf(signature) !== index);
  if (twin < 0) return undefined;
  const first = groups[signatures.indexOf(signatures[twin] as string)] ?? [];
  return {
    failure:
      `${idsOf(group, first)} and ${idsOf(group, groups[twin] ?? [])} call the same tools after call ${at}, ` +
      `only more or fewer times (a repeated call, not a branch)`,
  };
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
 * may branch again) behind a structural test on an earlier result that separates the runs, or,
 * with none, behind a test on an input only one path's runs gave (`foldByGivenInputs`).
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
  const byStep = new Map<string, number[]>();
  group.segmentsOf.forEach((segments, position) => {
    const key = keyOf(segments[at]);
    byStep.set(key, [...(byStep.get(key) ?? []), position]);
  });
  const groups = [...byStep.values()];
  const planned =
    at === 0
      ? { failure: 'the runs differ from their first call on: no earlier result to test' }
      : (repeatedSteps(group, groups, at, 'set') ?? armConditions(group, groups, at));
  if (!('failure' in planned)) return draftArms(group, planned, at, args, resolvers, lead);
  return foldByGivenInputs(group, groups, at, args, resolvers, lead, planned.failure);
}

function draftArms(
  group: SiblingGroup,
  planned: readonly { positions: number[]; condition?: BranchCondition }[],
  at: number,
  args: readonly Expr[],
  resolvers: BodyResolvers,
  lead: readonly Segment[],
): BranchFold {
  const arms: BranchArm[] = [];
  for (const { positions, condition } of planned) {
    const drafted = draftArm(group, positions, at, args, resolvers);
    if ('failure' in drafted) return drafted;
    arms.push({ ...drafted.arm, ...(condition ? { condition } : {}) });
  }
  return { body: bodyWithArms(group, lead, at, args, arms, resolvers) };
}

function draftArm(
  group: SiblingGroup,
  positions: readonly number[],
  at: number,
  args: readonly Expr[],
  resolvers: BodyResolvers,
): { arm: BranchArm } | { failure: string } {
  const sub = subGroup(group, positions);
  const drafted = draftBody(sub, at, args, resolvers);
  if ('failure' in drafted) return drafted;
  const trajectoryIds = sub.trajectories.map((trajectory) => trajectory.id);
  // What one path takes on trust is that path's: the reviewer reads which runs it rests on.
  if (positions.length < group.trajectories.length)
    for (const assumption of sub.state.assumptions)
      assumption.reason = `${assumption.reason} (on the path ${trajectoryIds.join(', ')} took)`;
  mergeState(group.state, sub.state);
  return { arm: { ...drafted.body, from: at, trajectoryIds, requiredInputs: [] } };
}

function bodyWithArms(
  group: SiblingGroup,
  lead: readonly Segment[],
  at: number,
  args: readonly Expr[],
  arms: BranchArm[],
  resolvers: BodyResolvers,
): SkillBody {
  const primaryId = group.trajectories[0]?.id ?? '';
  const segments = lead.slice(0, at);
  const output = (arms[0] as BranchArm).output;
  const untypedSegments = resolvers.untyped(segments);
  return { primaryId, segments, args: [...args], output, untypedSegments, branches: arms };
}

/**
 * Where no earlier result tells the runs apart (they differ from the first call, as when one
 * customer gave the reservation id and another described the trip), what the caller gave may:
 * each path is drafted from its own runs, and a path whose runs all gave an input that no other
 * run gave is taken when that input is given (`if (input.reservationId !== undefined)`); one path
 * at most may have no such input, and it comes last. Runs that only repeat a call (a second search
 * after a failed booking) are a retry, not another path, and do not fold.
 */
function foldByGivenInputs(
  group: SiblingGroup,
  groups: readonly number[][],
  at: number,
  args: readonly Expr[],
  resolvers: BodyResolvers,
  lead: readonly Segment[],
  structural: string,
): BranchFold {
  const repeat = repeatedSteps(group, groups, at, 'sequence');
  if (repeat) return repeat;
  const drafted: { positions: number[]; arm: BranchArm }[] = [];
  for (const positions of [...groups].sort((a, b) => a.length - b.length)) {
    const result = draftArm(group, positions, at, args, resolvers);
    if ('failure' in result) return result;
    drafted.push({ positions, arm: result.arm });
  }
  const inputs = group.state.inputs;
  // The input that sends a run down this path: given in each of its runs and in no other run, and
  // passed where the other paths pass a property of the element they chose.
  const testOf = ({ positions, arm }: { positions: number[]; arm: BranchArm }): string | undefined => {
    const others = drafted.filter((other) => other.arm !== arm).map((other) => other.arm);
    return Object.keys(inputs[positions[0] ?? 0] ?? {}).find(
      (name) =>
        inputs.every((input, position) => positions.includes(position) === (input[name] !== undefined)) &&
        namesSameTarget(arm, name, others),
    );
  };
  const tested = drafted.map((path) => ({ ...path, name: testOf(path) }));
  const untested = tested.filter(({ name }) => name === undefined);
  if (untested.length > 1)
    return {
      failure:
        `${structural}; nor does an input only one path gave, in place of the element the others ` +
        `chose (${untested.map(({ positions }) => idsOf(group, positions)).join(' and ')} may be other tasks)`,
    };
  const ordered = [...tested.filter(({ name }) => name !== undefined), ...untested];
  const arms = ordered.map(({ arm, name, positions }, position): BranchArm => {
    if (name === undefined || position === ordered.length - 1) return arm;
    widenAlternatives(group, name, positions);
    return { ...arm, condition: { kind: 'given', input: name } };
  });
  return { body: bodyWithArms(group, lead, at, args, arms, resolvers) };
}

// The last call of a path with no branches, and what it was called with.
function lastCall(arm: SkillBody): { tool: string; args: Expr } | undefined {
  const index = arm.segments.length - 1;
  const segment = arm.segments[index];
  const args = arm.args[index];
  return arm.branches || !segment || segment.list || !args ? undefined : { tool: segment.tool, args };
}

const isInputRef = (expr: Expr | undefined, name: string): boolean =>
  expr?.kind === 'ref' && expr.root.type === 'input' && expr.path.length === 1 && expr.path[0] === name;

// One task, named two ways: the path taken when `name` is given ends in the same call as the other
// paths, with `name` where they pass a property of an element they looked up (`reservation_id:
// input.reservationId` there, `reservation_id: reservationDetails.reservation_id` here).
function namesSameTarget(arm: SkillBody, name: string, others: readonly SkillBody[]): boolean {
  const own = lastCall(arm);
  if (own?.args.kind !== 'object') return false;
  const key = own.args.entries.find(([, expr]) => isInputRef(expr, name))?.[0];
  if (key === undefined) return false;
  return others.every((other) => {
    const call = lastCall(other);
    if (call?.tool !== own.tool || call.args.kind !== 'object') return false;
    const expr = call.args.entries.find(([entry]) => entry === key)?.[1];
    return expr?.kind === 'ref' && expr.root.type === 'segment';
  });
}

// The other paths' alternative inputs (`destination | date`) named the element some way; the input
// that sends a run down the path tested first (`reservationId`) is one more way, checked first.
function widenAlternatives(group: SiblingGroup, name: string, positions: readonly number[]): void {
  const own = positions.map((position) => group.state.inputs[position] ?? {});
  const spec = group.state.params.get(name);
  const alternatives = new Map<string, { noun: string; names: string[] }>();
  for (const other of group.state.params.values())
    if (other.alternativeOf && !other.alternativeOf.names.some((key) => own.some((input) => key in input)))
      alternatives.set(other.alternativeOf.names.join('|'), other.alternativeOf);
  const [only] = alternatives.values();
  if (!spec || alternatives.size !== 1 || !only) return;
  const names = [name, ...only.names];
  for (const other of [spec, ...group.state.params.values()])
    if (other === spec || other.alternativeOf?.names.join('|') === only.names.join('|'))
      other.alternativeOf = { noun: only.noun, names };
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
    const tested = arm.condition?.kind === 'given' ? arm.condition.input : undefined;
    arm.requiredInputs = [...optional].filter(
      (name) => !checked.has(name) && name !== tested && own.every((input) => name in input),
    );
    if (arm.branches)
      markRequiredInputs(
        arm.branches,
        inputs,
        optional,
        new Set([...checked, ...arm.requiredInputs, ...(tested === undefined ? [] : [tested])]),
      );
  }
}
