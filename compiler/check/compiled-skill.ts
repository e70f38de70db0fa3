import type { JsonSchema } from '../../core/index.js';

/**
 * Stable codes of check diagnostics: `TS<n>` from the type-checker, `POLICY_*` from the policy
 * check, `META` (the `meta` export), `SKILL_IMPORT` (a `knack:skills/...` import), `SCHEMA_MISSING`
 * (Input/Output), `BUNDLE` (esbuild), and the compiler's notes `SPLIT` (siblings split into several
 * skills) and `LLM_FALLBACK` (no model draft verified; the trace draft was used).
 */
export type DiagnosticCode =
  | `TS${number}`
  | 'POLICY_SYNTAX'
  | 'POLICY_GLOBAL'
  | 'POLICY_IMPORT'
  | 'POLICY_TOOL'
  | 'META'
  | 'SKILL_IMPORT'
  | 'SCHEMA_MISSING'
  | 'BUNDLE'
  | 'SPLIT'
  | 'LLM_FALLBACK';

/** A problem found while checking a skill. Line and column are 1-based, in the skill source. */
export interface Diagnostic {
  message: string;
  line?: number;
  column?: number;
  code?: DiagnosticCode;
  severity: 'error' | 'warning';
}

/** The replay of one trajectory against a compiled skill. */
export interface VerificationReport {
  trajectoryId: string;
  ok: boolean;
  message?: string;
  /** The 1-based trajectory step where replay diverged. */
  step?: number;
}

/** Where a compiled skill came from. */
export interface Provenance {
  trajectoryIds: string[];
  /**
   * What users asked for: each trajectory's `task` and later user turns (`context`), in order,
   * without exact repeats. Search indexes them. Absent on versions compiled before it was recorded.
   */
  tasks?: string[];
  /** The drafting compiler, e.g. `knack-trace@0.1.0` or `openai:gpt-4.1`. */
  compiler: string;
  model?: string;
  promptHash?: string;
  parentVersion?: number;
  attempts?: unknown[];
}

/** A value a skill takes on trust: a constant, or a choice the recorded runs do not explain. */
export interface SkillAssumption {
  /** The argument or input it concerns (`amount`, `reservationId`). */
  subject: string;
  /** The value in the recorded run(s). */
  value?: unknown;
  /** Why it is an assumption (`in the only recorded run`). */
  reason: string;
}

/** Leave-one-out over siblings: compiled from all but one, replayed on the one left out. */
export interface LeaveOneOutEvidence {
  /** Left-out siblings the skill reproduced. */
  reproduced: number;
  /** Siblings left out in turn. */
  total: number;
  failures: { trajectoryId: string; reason: string }[];
}

/** How far a skill is known to generalize beyond the runs it was compiled from. */
export interface GeneralizationEvidence {
  /** Distinct inputs the skill was verified on (replays that passed). */
  verifiedInputs: number;
  assumptions: SkillAssumption[];
  /** With three siblings or more. */
  leaveOneOut?: LeaveOneOutEvidence;
}

/** A checked, bundled and replay-verified skill, ready for the store. */
export interface CompiledSkill {
  name: string;
  description: string;
  /** The TypeScript skill module a reviewer reads. */
  source: string;
  /** The esbuild IIFE script the sandbox runs (starts with the bundle banner). */
  bundle: string;
  sourcemap?: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  /** Tool names the skill calls, derived statically. */
  permissions: string[];
  /** Pinned skill refs (`lookup_order@2`) the bundle contains. */
  imports: string[];
  diagnostics: Diagnostic[];
  verification: { isVerified: boolean; reports: VerificationReport[] };
  provenance: Provenance;
  /** Input fields that carry secrets found as literals in the trajectories; pass them at call time. */
  secretParameters: string[];
  /** Generalization evidence; absent on versions compiled before it was recorded. */
  evidence?: GeneralizationEvidence;
}

/** A stored skill as the bundler needs it to pin `knack:skills/<name>@<version>`. */
export interface ResolvedSkill {
  name: string;
  version: number;
  source: string;
  bundle: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
}

/** Looks up stored skill versions; the store implements it structurally. */
export interface SkillResolver {
  resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined>;
}
