import type { ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { evaluateExpr, type Expr, type Scope } from './_expr.js';
import type { Segment } from './_segments.js';
import { splitGroupSegments } from './_scan-segments.js';
import { resolveScan } from './_resolve-scan.js';
import { readOnlyTools } from './prune-steps.js';
import { resolveEntries, resolveValue, type DraftState, type Instance } from './_resolve-value.js';
import { userText, type DraftAssumption } from './_draft-state.js';
import { renderSkill, type SkillBody, type SkillParts } from './_render-skill.js';
import { divergence, draftBody, markRequiredInputs, type BranchFold } from './_branch-fold.js';
import { skillNameFromTask } from './_naming.js';
import { valueToTsType } from './_ts-type.js';
import { isSecretLike } from './detect-secrets.js';
import { describeSkill } from './_describe-skill.js';
import { targetSelections, type TargetSelection } from './_target-selection.js';
import { addIdAlternatives } from './_id-alternative.js';

/** Options of `draftSkill`. */
export interface DraftOptions {
  /** Successful trajectories of one task shape (siblings); the longest leads. */
  trajectories: Trajectory[];
  manifest: readonly ToolManifestEntry[];
  /** Skill name. @default snake_case words of the task */
  name?: string;
  /**
   * Tools without an `outputSchema` whose result types the compiler inferred from the recordings
   * (`inferResultSchemas`): their results are typed, so a `find` over them needs no `any`.
   */
  typedResultTools?: readonly string[];
  /** Tools known to change nothing, beyond the manifest's `readOnlyHint` (scans use only these, the description names the last other). @default [] */
  readOnly?: readonly string[];
}

/** A trace-compiled skill module, plus the caller input that replays each trajectory. */
export interface SkillDraft {
  name: string;
  description: string;
  source: string;
  /** Per trajectory id: the input the skill needs to replay it (given input plus derived parameters). */
  inputs: Map<string, Record<string, unknown>>;
  secretParameters: string[];
  /** Constants and unexplained choices the skill takes on trust (for its evidence). */
  assumptions: DraftAssumption[];
  /**
   * Why siblings that took different steps did not fold into one body with branches (no structural
   * test on an earlier result separates them); absent when they took the same steps or folded.
   */
  branchFailure?: string;
  /** Per segment (call or loop of calls), how the target of its call is chosen. */
  targets: TargetSelection[];
}

function segmentInstances(
  trajectories: readonly Trajectory[],
  segmentsOf: Segment[][],
  scopes: Scope[],
  index: number,
  primaryList?: Expr,
): Instance[] {
  return trajectories.flatMap((trajectory, position) => {
    const segment = segmentsOf[position]?.[index];
    const scope = scopes[position] as Scope;
    if (!segment) return [];
    const list = primaryList ? evaluateExpr(primaryList, scope) : undefined;
    return segment.steps.map((step, offset) => ({
      trajectory: position,
      scope: primaryList ? { ...scope, item: Array.isArray(list) ? list[offset] : undefined } : scope,
      value: trajectory.steps[step]?.args ?? {},
    }));
  });
}

function isStructured(answer: unknown): boolean {
  return answer !== undefined && typeof answer !== 'string';
}

function resolveOutput(
  state: DraftState,
  trajectories: readonly Trajectory[],
  scopes: Scope[],
  segments: Segment[],
): SkillParts['output'] {
  const primary = trajectories[0] as Trajectory;
  if (isStructured(primary.answer)) {
    const instances = trajectories.map((trajectory, position) => ({
      trajectory: position,
      scope: scopes[position] as Scope,
      value: trajectory.answer,
    }));
    const expr = resolveValue(state, instances, { segment: segments.length, isOutput: true });
    // An answer that is a whole tool result takes the tool's declared type, not the example's shape.
    if (expr.kind === 'ref' && expr.root.type === 'segment' && expr.path.length === 0)
      return { segment: expr.root.index };
    return { expr, tsType: valueToTsType(primary.answer) };
  }
  return { segment: segments.length - 1 };
}

/**
 * The trace compiler: writes a readable skill module from sibling trajectories of one task shape,
 * deterministically and without a model. Parameters come from `input` or task literals (or from
 * values that differ between siblings), data flow becomes expressions over earlier results, runs of
 * calls over a list become loops, composed strings become template literals, secrets become inputs.
 * Siblings that take different steps after common ones become branches behind a structural test on
 * an earlier result (`if (directFlight.length === 0) { ... } else { ... }`), or, with none found,
 * the draft follows the lead and `branchFailure` says why.
 */
export function draftSkill(options: DraftOptions): SkillDraft {
  // The lead is the longest trajectory, one with an explicit `input` on ties.
  const trajectories = [...options.trajectories].sort(
    (a, b) =>
      b.steps.length - a.steps.length || Number(b.input !== undefined) - Number(a.input !== undefined),
  );
  const primary = trajectories[0] as Trajectory;
  const declared = new Set([
    ...options.manifest.filter((entry) => entry.outputSchema).map((entry) => entry.name),
    ...(options.typedResultTools ?? []),
  ]);
  const untyped = (segments: readonly Segment[]): ReadonlySet<number> =>
    new Set(
      segments.flatMap((segment, index) =>
        (segment.list && !segment.scan) || declared.has(segment.tool) ? [] : [index],
      ),
    );
  const readOnly = readOnlyTools(options.manifest, options.readOnly);
  let { state, scopes } = startDraft(trajectories);
  const fold = foldBranches(state, trajectories, scopes, options, { untyped, readOnly });
  let body: SkillBody;
  if (fold && 'body' in fold) body = fold.body;
  else {
    // A failed fold may have added parameters: start again on the lead's steps (replay will fail).
    if (fold) ({ state, scopes } = startDraft(trajectories));
    const { segments, args } = resolveSegments(state, trajectories, scopes, options.manifest, { readOnly });
    const output = resolveOutput(state, trajectories, scopes, segments);
    body = { primaryId: primary.id, segments, args, output, untypedSegments: untyped(segments) };
  }
  addIdAlternatives(body, state, trajectories);
  const literals = [...state.params.keys()].map((name) => String(state.inputs[0]?.[name]));
  const name = options.name ?? skillNameFromTask(primary.task, literals);
  const trajectoryIds = trajectories.map((trajectory) => trajectory.id);
  const inputs = new Map(
    trajectories.map((trajectory, position) => [trajectory.id, state.inputs[position] ?? {}]),
  );
  // With branches, a parameter only some arms need is optional; each arm checks the ones it needs.
  // An alternative input the lead did not give (it named the element another way) is still one.
  const params = [...state.params.entries()].filter(
    ([key, spec]) =>
      spec.alternativeOf !== undefined ||
      (body.branches ? state.inputs.some((input) => key in input) : key in (state.inputs[0] ?? {})),
  );
  const optionalParams = new Set(
    params.filter(([key]) => !state.inputs.every((input) => key in input)).map(([key]) => key),
  );
  if (body.branches) markRequiredInputs(body.branches, inputs, optionalParams);
  const targets = bodyTargets(body);
  const description = describeSkill({
    task: primary.task,
    params: state.params,
    input: state.inputs[0] ?? {},
    inputs: params.map(([key]) => key),
    effect: targets.findLast((target) => !readOnly.has(target.tool)),
  });
  return {
    name,
    description,
    source: renderSkill({ ...body, name, description, trajectoryIds, params, optionalParams }),
    inputs,
    secretParameters: params.filter(([, spec]) => spec.isSecret).map(([key]) => key),
    assumptions: uniqueAssumptions(state),
    ...(fold && 'failure' in fold ? { branchFailure: fold.failure } : {}),
    targets,
  };
}

// How each call of the body picks its target: with branches, the common steps, then the first arm's.
function bodyTargets(body: SkillBody, from = 0): TargetSelection[] {
  const end = body.branches?.[0]?.from ?? body.segments.length;
  const own = targetSelections(body.segments.slice(0, end), body.args.slice(0, end)).slice(from);
  const arm = body.branches?.[0];
  return arm ? [...own, ...bodyTargets(arm, end)] : own;
}

function startDraft(trajectories: readonly Trajectory[]): { state: DraftState; scopes: Scope[] } {
  const primary = trajectories[0] as Trajectory;
  const state: DraftState = {
    texts: trajectories.map(userText),
    inputs: trajectories.map((trajectory) => ({ ...trajectory.input })),
    params: new Map(),
    assumptions: [],
  };
  for (const [name, value] of Object.entries(primary.input ?? {}))
    state.params.set(name, { tsType: valueToTsType(value), isSecret: isSecretLike(name, value) });
  return { state, scopes: state.inputs.map((input) => ({ input, results: [] })) };
}

// Repeats count once; the same value taken on trust for two reasons (a constant on one path,
// a coincidence on another) is two assumptions.
function uniqueAssumptions(state: DraftState): DraftAssumption[] {
  const seen = new Set<string>();
  return state.assumptions.filter((assumption) => {
    const key = JSON.stringify([assumption.subject, assumption.value, assumption.reason]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Resolves each segment's arguments in order (the lead's segments `from` to `to`); each segment's
// results join the scopes afterwards.
function resolveSegments(
  state: DraftState,
  trajectories: readonly Trajectory[],
  scopes: Scope[],
  manifest: readonly ToolManifestEntry[],
  span: { readOnly: ReadonlySet<string>; segmentsOf?: Segment[][]; from?: number; to?: number },
): { segments: Segment[]; args: Expr[] } {
  const segmentsOf = span.segmentsOf ?? splitGroupSegments(trajectories, span.readOnly);
  const segments = segmentsOf[0] as Segment[];
  const entries = new Map(manifest.map((entry) => [entry.name, entry]));
  const from = span.from ?? 0;
  const args = segments.slice(from, span.to).map((segment, offset) => {
    const index = from + offset;
    const instances = segmentInstances(trajectories, segmentsOf, scopes, index, segment.list);
    const schema = entries.get(segment.tool)?.inputSchema;
    const expr = resolveEntries(state, instances, { tool: segment.tool, schema, segment: index });
    if (segment.scan) resolveScan(state, trajectories, segmentsOf, scopes, index);
    scopes.forEach((scope, position) => {
      const own = segmentsOf[position]?.[index];
      const results = own?.steps.map((step) => trajectories[position]?.steps[step]?.result);
      // A scan's result is the element it stopped at. The skill loops where the lead loops: a
      // sibling's one call over a one-element list is a list of one result too, so
      // `results.find(...)` reads every sibling alike.
      scope.results[index] = own?.scan
        ? results?.at(-1)
        : own?.list || (segment.list && !segment.scan)
          ? results
          : results?.[0];
    });
    return expr;
  });
  return { segments, args };
}

// Siblings that take different steps: one body with a branch per next step, when a structural test
// on an earlier result separates them (`_branch-fold.ts`); otherwise why not.
function foldBranches(
  state: DraftState,
  trajectories: readonly Trajectory[],
  scopes: Scope[],
  options: DraftOptions,
  settings: {
    untyped: (segments: readonly Segment[]) => ReadonlySet<number>;
    readOnly: ReadonlySet<string>;
  },
): BranchFold | undefined {
  const { untyped, readOnly } = settings;
  const segmentsOf = splitGroupSegments(trajectories, readOnly);
  if (divergence(segmentsOf) === undefined) return undefined;
  return draftBody({ state, trajectories, scopes, segmentsOf }, 0, [], {
    segments: (group, from, to) =>
      resolveSegments(group.state, group.trajectories, group.scopes, options.manifest, {
        readOnly,
        segmentsOf: group.segmentsOf,
        from,
        to,
      }).args,
    output: (group, segments) => resolveOutput(group.state, group.trajectories, group.scopes, segments),
    untyped,
  });
}
