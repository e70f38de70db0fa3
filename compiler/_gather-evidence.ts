import { stableJson, type ToolManifestEntry } from '../core/index.js';
import type { Trajectory } from './import/index.js';
import type { CompiledSkill, GeneralizationEvidence, LeaveOneOutEvidence } from './check/index.js';
import { draftSkill, type SkillDraft } from './trace/index.js';

/** Checks a skill source against trajectories that carry their replay input (`checkSkill`, bound). */
export type CheckSource = (source: string, trajectories: Trajectory[]) => Promise<CompiledSkill>;

/** What drafting needs besides the trajectories. */
export interface EvidenceOptions {
  manifest: readonly ToolManifestEntry[];
  name?: string;
  /** @default true */
  leaveOneOut?: boolean;
  /** Tools known to change nothing, beyond the manifest's `readOnlyHint`. @default [] */
  readOnly?: readonly string[];
}

/** Leave-one-out needs this many siblings: with two, each fold is a single run. */
const LEAVE_ONE_OUT_MIN = 3;

function distinctInputs(skill: CompiledSkill, draft: SkillDraft): number {
  const passed = skill.verification.reports.filter((report) => report.ok);
  return new Set(passed.map((report) => stableJson(draft.inputs.get(report.trajectoryId) ?? {}))).size;
}

/** Compile (trace drafts) from all but one sibling, replay the one left out with its own input. */
export async function leaveOneOut(
  group: readonly Trajectory[],
  draft: SkillDraft,
  options: EvidenceOptions,
  check: CheckSource,
): Promise<LeaveOneOutEvidence> {
  const failures: LeaveOneOutEvidence['failures'] = [];
  for (const left of group) {
    const rest = group.filter((trajectory) => trajectory !== left);
    const fold = draftSkill({
      trajectories: rest,
      manifest: options.manifest,
      ...(options.name ? { name: options.name } : {}),
      ...(options.readOnly ? { readOnly: options.readOnly } : {}),
    });
    const input = draft.inputs.get(left.id) ?? {};
    const missing = Object.keys(fold.inputs.get(rest[0]?.id ?? '') ?? {}).filter((key) => !(key in input));
    if (missing.length > 0) {
      failures.push({ trajectoryId: left.id, reason: `its request does not give ${missing.join(', ')}` });
      continue;
    }
    const replayed = await check(fold.source, [{ ...left, input }]);
    const report = replayed.verification.reports[0];
    if (!report?.ok)
      failures.push({
        trajectoryId: left.id,
        reason:
          `${report?.step === undefined ? '' : `step ${report.step}: `}${report?.message ?? 'not replayed'}`.slice(
            0,
            300,
          ),
      });
  }
  return { reproduced: group.length - failures.length, total: group.length, failures };
}

/**
 * The generalization evidence of a skill compiled from `group`: distinct inputs it was verified
 * on, the trace draft's assumptions, and with three siblings or more a leave-one-out check.
 */
export async function gatherEvidence(
  skill: CompiledSkill,
  group: readonly Trajectory[],
  options: EvidenceOptions,
  check: CheckSource,
): Promise<GeneralizationEvidence> {
  const draft = draftSkill({
    trajectories: [...group],
    manifest: options.manifest,
    ...(options.name ? { name: options.name } : {}),
    ...(options.readOnly ? { readOnly: options.readOnly } : {}),
  });
  const evidence: GeneralizationEvidence = {
    verifiedInputs: distinctInputs(skill, draft),
    assumptions: draft.assumptions,
  };
  if (options.leaveOneOut !== false && group.length >= LEAVE_ONE_OUT_MIN && skill.verification.isVerified)
    evidence.leaveOneOut = await leaveOneOut(group, draft, options, check);
  return evidence;
}
