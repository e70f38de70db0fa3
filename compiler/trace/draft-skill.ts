import type { ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import { evaluateExpr, type Expr, type Scope } from './_expr.js';
import { splitSegments, type Segment } from './_segments.js';
import { resolveEntries, resolveValue, type DraftState, type Instance } from './_resolve-value.js';
import type { DraftAssumption } from './_draft-state.js';
import { renderSkill, type SkillParts } from './_render-skill.js';
import { skillNameFromTask } from './_naming.js';
import { valueToTsType } from './_ts-type.js';
import { isSecretLike } from './detect-secrets.js';

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

function describe(task: string, state: DraftState): string {
  let description = task;
  const primaryInput = state.inputs[0] ?? {};
  for (const [name, spec] of state.params) {
    const value = primaryInput[name];
    if ((typeof value === 'string' && value.length >= 2) || typeof value === 'number') {
      description = description.split(String(value)).join(spec.isSecret ? '<secret>' : `<${name}>`);
    }
  }
  return description;
}

/**
 * The trace compiler: writes a readable skill module from sibling trajectories of one task shape,
 * deterministically and without a model. Parameters come from `input` or task literals (or from
 * values that differ between siblings), data flow becomes expressions over earlier results, runs of
 * calls over a list become loops, composed strings become template literals, secrets become inputs.
 */
export function draftSkill(options: DraftOptions): SkillDraft {
  // The lead is the longest trajectory, one with an explicit `input` on ties.
  const trajectories = [...options.trajectories].sort(
    (a, b) =>
      b.steps.length - a.steps.length || Number(b.input !== undefined) - Number(a.input !== undefined),
  );
  const primary = trajectories[0] as Trajectory;
  const state: DraftState = {
    texts: trajectories.map((trajectory) => [trajectory.task, ...(trajectory.context ?? [])].join('\n')),
    inputs: trajectories.map((trajectory) => ({ ...trajectory.input })),
    params: new Map(),
    assumptions: [],
  };
  for (const [name, value] of Object.entries(primary.input ?? {}))
    state.params.set(name, { tsType: valueToTsType(value), isSecret: isSecretLike(name, value) });
  const scopes: Scope[] = state.inputs.map((input) => ({ input, results: [] }));
  const { segments, args } = resolveSegments(state, trajectories, scopes, options.manifest);
  const output = resolveOutput(state, trajectories, scopes, segments);
  const literals = [...state.params.keys()].map((name) => String(state.inputs[0]?.[name]));
  const name = options.name ?? skillNameFromTask(primary.task, literals);
  const description = describe(primary.task, state);
  const trajectoryIds = trajectories.map((trajectory) => trajectory.id);
  // An alternative input the lead did not give (it named the element another way) is still one.
  const params = [...state.params.entries()].filter(
    ([key, spec]) => key in (state.inputs[0] ?? {}) || spec.alternativeOf !== undefined,
  );
  const primaryId = primary.id;
  const declared = new Set([
    ...options.manifest.filter((entry) => entry.outputSchema).map((entry) => entry.name),
    ...(options.typedResultTools ?? []),
  ]);
  const untypedSegments = new Set(
    segments.flatMap((segment, index) => (segment.list || declared.has(segment.tool) ? [] : [index])),
  );
  return {
    name,
    description,
    source: renderSkill({
      name,
      description,
      trajectoryIds,
      primaryId,
      segments,
      args,
      output,
      params,
      untypedSegments,
    }),
    inputs: new Map(
      trajectories.map((trajectory, position) => [trajectory.id, state.inputs[position] ?? {}]),
    ),
    secretParameters: params.filter(([, spec]) => spec.isSecret).map(([key]) => key),
    assumptions: uniqueAssumptions(state),
  };
}

// An input that replaced a constant in a later step is no assumption any more; repeats count once.
function uniqueAssumptions(state: DraftState): DraftAssumption[] {
  const seen = new Set<string>();
  return state.assumptions.filter((assumption) => {
    const key = JSON.stringify([assumption.subject, assumption.value]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// Resolves each segment's arguments in order; each segment's results join the scopes afterwards.
function resolveSegments(
  state: DraftState,
  trajectories: readonly Trajectory[],
  scopes: Scope[],
  manifest: readonly ToolManifestEntry[],
): { segments: Segment[]; args: Expr[] } {
  const segmentsOf = trajectories.map(splitSegments);
  const segments = segmentsOf[0] as Segment[];
  const entries = new Map(manifest.map((entry) => [entry.name, entry]));
  const args = segments.map((segment, index) => {
    const instances = segmentInstances(trajectories, segmentsOf, scopes, index, segment.list);
    const schema = entries.get(segment.tool)?.inputSchema;
    const expr = resolveEntries(state, instances, { tool: segment.tool, schema, segment: index });
    scopes.forEach((scope, position) => {
      const own = segmentsOf[position]?.[index];
      const results = own?.steps.map((step) => trajectories[position]?.steps[step]?.result);
      // The skill loops where the lead loops: a sibling's one call over a one-element list is a
      // list of one result too, so `results.find(...)` reads every sibling alike.
      scope.results[index] = own?.list || segment.list ? results : results?.[0];
    });
    return expr;
  });
  return { segments, args };
}
