import { stableJson, type ToolManifestEntry } from '../core/index.js';
import type { Trajectory } from './import/index.js';
import type { CompiledSkill, GeneralizationEvidence, LeaveOneOutEvidence } from './check/index.js';
import { draftSkill, givenInput, type SkillDraft } from './trace/index.js';

/** Checks a skill source against trajectories that carry their replay input (`checkSkill`, bound). */
export type CheckSource = (source: string, trajectories: Trajectory[]) => Promise<CompiledSkill>;

/**
 * A fold's skill compiled from the other siblings: its source, the input fields it needs and (for
 * a trace fold) the input it lifted for each of those siblings; or why there is none.
 */
export type FoldDraft =
  | { ok: true; source: string; required: string[]; inputs?: ReadonlyMap<string, Record<string, unknown>> }
  | { ok: false; reason: string };

/** Compiles one fold from `rest` (never shown the sibling left out). */
export type CompileFold = (rest: Trajectory[]) => Promise<FoldDraft>;

/** Who compiles the folds, and how they report progress. */
export interface FoldCompiler {
  compiler: LeaveOneOutEvidence['compiler'];
  compile: CompileFold;
  /** Called before each fold with `(index, total, leftOutId)`, 1-based. @default none */
  onFold?: (index: number, total: number, leftOutId: string) => void;
}

/** What drafting needs besides the trajectories. */
export interface EvidenceOptions {
  manifest: readonly ToolManifestEntry[];
  name?: string;
  /** `false`: no leave-one-out; `'trace'`: trace folds even when `modelFolds` is given. @default true */
  leaveOneOut?: boolean | 'trace';
  /** Folds compiled by the model (for a skill the model drafted); without it, trace folds. */
  modelFolds?: FoldCompiler;
  /** Tools known to change nothing, beyond the manifest's `readOnlyHint`. @default [] */
  readOnly?: readonly string[];
  /** Untyped tools whose result types were inferred from the recordings, as the skill was drafted. @default [] */
  typedResultTools?: readonly string[];
}

// The draft options every trace draft of the evidence shares with the skill's own draft.
function draftSettings(
  options: Pick<EvidenceOptions, 'manifest' | 'name' | 'readOnly' | 'typedResultTools'>,
) {
  return {
    manifest: options.manifest,
    ...(options.name ? { name: options.name } : {}),
    ...(options.readOnly ? { readOnly: options.readOnly } : {}),
    ...(options.typedResultTools ? { typedResultTools: options.typedResultTools } : {}),
  };
}

/** Leave-one-out needs this many siblings: with two, each fold is a single run. */
const LEAVE_ONE_OUT_MIN = 3;
const MAX_REASON_CHARS = 300;

function distinctInputs(skill: CompiledSkill, draft: SkillDraft): number {
  const passed = skill.verification.reports.filter((report) => report.ok);
  return new Set(passed.map((report) => stableJson(draft.inputs.get(report.trajectoryId) ?? {}))).size;
}

/** Trace folds: the trace compiler's draft of the other siblings. */
export function traceFolds(
  options: Pick<EvidenceOptions, 'manifest' | 'name' | 'readOnly' | 'typedResultTools'>,
): FoldCompiler {
  return {
    compiler: 'trace',
    compile: (rest) => {
      const fold = draftSkill({ trajectories: rest, ...draftSettings(options) });
      // Required are the inputs every sibling has (an input only one branch needs is optional).
      const others = rest.map((trajectory) => fold.inputs.get(trajectory.id) ?? {});
      const required = Object.keys(others[0] ?? {}).filter((key) => others.every((other) => key in other));
      return Promise.resolve({ ok: true, source: fold.source, required, inputs: fold.inputs });
    },
  };
}

// The left-out run's input as the fold names it: the group's draft lifted `own`; an input the fold
// needs that the group's draft took from elsewhere on that run's path (Priya's user id, read from
// her reservation) is what the run's customer gave where the fold's runs gave theirs.
function foldInput(
  left: Trajectory,
  own: Record<string, unknown>,
  fold: FoldDraft & { ok: true },
  rest: readonly Trajectory[],
): Record<string, unknown> {
  const { inputs } = fold;
  if (!inputs) return own;
  const others = rest.map((trajectory) => ({ trajectory, input: inputs.get(trajectory.id) ?? {} }));
  const input = { ...own };
  for (const key of fold.required.filter((name) => !(name in own))) {
    const given = givenInput(left, others, key);
    if (given !== undefined) input[key] = given;
  }
  return input;
}

async function replayFold(
  left: Trajectory,
  own: Record<string, unknown>,
  fold: FoldDraft,
  rest: readonly Trajectory[],
  check: CheckSource,
): Promise<string | undefined> {
  if (!fold.ok) return fold.reason;
  const input = foldInput(left, own, fold, rest);
  const missing = fold.required.filter((key) => !(key in input));
  if (missing.length > 0) return `its request does not give ${missing.join(', ')}`;
  const replayed = await check(fold.source, [{ ...left, input }]);
  const report = replayed.verification.reports[0];
  if (report?.ok) return undefined;
  // No report: the check stopped before replay (a type or policy error); say which.
  if (!report)
    return (
      replayed.diagnostics.find((diagnostic) => diagnostic.severity === 'error')?.message ?? 'not replayed'
    );
  return `${report.step === undefined ? '' : `step ${report.step}: `}${report.message ?? 'not replayed'}`;
}

/**
 * Compiles from all but one sibling (with `folds`: trace drafts by default, or the model) and
 * replays the one left out with its own input (from `draft`, the whole group's trace draft).
 */
export async function leaveOneOut(
  group: readonly Trajectory[],
  draft: SkillDraft,
  options: EvidenceOptions,
  check: CheckSource,
  folds: FoldCompiler = traceFolds(options),
): Promise<LeaveOneOutEvidence> {
  const failures: LeaveOneOutEvidence['failures'] = [];
  for (const [index, left] of group.entries()) {
    folds.onFold?.(index + 1, group.length, left.id);
    const rest = group.filter((trajectory) => trajectory !== left);
    const own = draft.inputs.get(left.id) ?? {};
    const reason = await replayFold(left, own, await folds.compile(rest), rest, check);
    if (reason !== undefined)
      failures.push({ trajectoryId: left.id, reason: reason.slice(0, MAX_REASON_CHARS) });
  }
  return {
    reproduced: group.length - failures.length,
    total: group.length,
    failures,
    compiler: folds.compiler,
  };
}

/**
 * The generalization evidence of a skill compiled from `group`: distinct inputs it was verified
 * on, the trace draft's assumptions, and with three siblings or more a leave-one-out check whose
 * folds come from the model when `modelFolds` is given (and `leaveOneOut` is not `'trace'`).
 */
export async function gatherEvidence(
  skill: CompiledSkill,
  group: readonly Trajectory[],
  options: EvidenceOptions,
  check: CheckSource,
): Promise<GeneralizationEvidence> {
  const draft = draftSkill({ trajectories: [...group], ...draftSettings(options) });
  const evidence: GeneralizationEvidence = {
    verifiedInputs: distinctInputs(skill, draft),
    assumptions: draft.assumptions,
  };
  if (options.leaveOneOut !== false && group.length >= LEAVE_ONE_OUT_MIN && skill.verification.isVerified) {
    const folds = options.leaveOneOut === 'trace' ? undefined : options.modelFolds;
    evidence.leaveOneOut = await leaveOneOut(group, draft, options, check, folds);
  }
  return evidence;
}
