import type { JsonSchema, ToolManifestEntry } from '../../core/index.js';

/**
 * Stable codes of check diagnostics: `TS<n>` from the type-checker, `POLICY_*` from the policy
 * check, `META` (the `meta` export), `SKILL_IMPORT` (a `knack:skills/...` import), `SCHEMA_MISSING`
 * (Input/Output), `BUNDLE` (esbuild), and the compiler's notes `SPLIT` (siblings split into several
 * skills), `LLM_FALLBACK` (no model draft verified; the trace draft was used) and
 * `FAILED_NOT_RETRIED` (a run's call failed and was never retried; the skill does not make it).
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
  | 'LLM_FALLBACK'
  | 'FAILED_NOT_RETRIED';

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

/** One recorded tool call of a test case: what the skill must ask, and what the tool answered. */
export interface SkillCaseCall {
  tool: string;
  args: unknown;
  /** What the tool answered (absent when it answered nothing or failed). */
  result?: unknown;
  /** Set when the tool failed instead of answering. */
  error?: string;
}

/**
 * A test case a version carries: one trajectory it was verified on, replayable offline. The
 * bindings answer from `calls`, in order; the run must make exactly those calls and return `expected`.
 */
export interface SkillCase {
  /** The trajectory the case comes from. */
  trajectoryId: string;
  /** The input the skill was verified with (derived parameters filled in). */
  input: unknown;
  calls: SkillCaseCall[];
  /** The output the run must return (absent: the skill returned nothing). */
  expected?: unknown;
  /**
   * `answer`: the trajectory's structured answer; `replay`: what the skill returned when it
   * verified, because the trajectory's answer was prose.
   */
  expectedFrom: 'answer' | 'replay';
}

/**
 * Why a recorded call is not part of the skill: `failed-retried` (the call failed and the agent
 * called the same tool again: exploration), `failed-read-only` (a read-only call that failed),
 * `failed-not-retried` (a call that may change something failed and the agent never called that
 * tool again: it changed nothing, so the skill does not make it), `unused-read-only` (a read-only
 * call whose result no later kept call nor the answer uses), `repeated-read-only` (a read-only call
 * made again later with the same arguments before anything changed: the later result is the one
 * the run went on with), `scanned-past-match` (a read-only
 * lookup after the list element the run went on to use, when sibling runs of the task stop looking
 * at the match).
 */
export type LeftOutReason =
  | 'failed-retried'
  | 'failed-read-only'
  | 'failed-not-retried'
  | 'unused-read-only'
  | 'repeated-read-only'
  | 'scanned-past-match';

/** A recorded call the compiler left out of the skill, and why. */
export interface LeftOutStep {
  trajectoryId: string;
  /** The 1-based step in the recorded trajectory. */
  step: number;
  tool: string;
  reason: LeftOutReason;
  /** The tool's error, for failed calls. */
  error?: string;
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
  /** Recorded calls left out of the skill (failed attempts, unused read-only calls), and why. */
  leftOut?: LeftOutStep[];
  /**
   * Set when `knack propose` made the version from recorded sessions (`trajectoryIds` are their
   * ids): such a version needs a reviewer's approval before it may become active.
   */
  proposal?: ProposalEvidence;
}

/** How a proposed version came about: `knack propose` over sessions of `knack record`. */
export interface ProposalEvidence {
  /** Who proposed it, e.g. `knack propose`. */
  by: string;
  /** Recorded sessions it was compiled from and replays (the length of `trajectoryIds`). */
  runs: number;
  /** The minimum of runs a proposal needed when it was made. */
  minRuns: number;
  /** Distinct tasks (user requests) among the sessions. */
  distinctTasks: number;
  /** ISO 8601 time of the proposal. */
  at: string;
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
  /**
   * Who compiled the folds: `trace` (the trace compiler's drafts) or `model` (the model, prompted
   * per fold without the sibling left out, as it drafted the skill). Absent on versions recorded
   * before it was: their folds were trace drafts.
   */
  compiler?: 'trace' | 'model';
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
  /**
   * One case per trajectory the skill replayed correctly, for `testSkill` and `benchmarkCases`.
   * Absent on versions compiled before cases were recorded.
   */
  cases?: SkillCase[];
  /**
   * The manifest entries of its permissions as it was checked against them: cases replay against
   * them, and a run refuses a tool whose schema has since changed in a way that breaks these calls
   * (`TOOL_SCHEMA_CHANGED`). Absent on versions compiled before it was recorded (no check then).
   */
  toolSchemas?: ToolManifestEntry[];
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
