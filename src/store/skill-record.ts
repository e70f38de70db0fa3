import type { CompiledSkill } from '../../compiler/index.js';

/** Lifecycle of a version: `draft` → `verified` (replay passed) → `active` → `deprecated`. */
export type SkillStatus = 'draft' | 'verified' | 'active' | 'deprecated';

/**
 * What `publish` takes: a compiled skill (the compiler's `CompiledSkill`) plus an optional
 * initial status and review notes.
 */
export interface PublishInput extends CompiledSkill {
  /** @default `verified` when verification passed, else `draft`; `active` enforces review. */
  status?: SkillStatus;
  reviewNotes?: string;
}

/** One immutable stored version: the compiled skill as published. Never rewritten once stored. */
export interface SkillVersionRecord extends CompiledSkill {
  version: number;
  /** `sha256:<hex>` of the source; identical source publishes no new version. */
  contentHash: string;
  reviewNotes?: string;
  /** Status the version had when published (`draft` or `verified`); later moves are history events. */
  initialStatus: SkillStatus;
  /** ISO 8601 time of publishing. */
  createdAt: string;
}

/**
 * Kinds of history events. `flagged`: something found the version unfit to run as it is (a tool
 * schema changed under it); the note says what. A flag moves no status. `maturity-changed`: the
 * version's maturity moved; the note says why.
 */
export type HistoryEventKind =
  'published' | 'status-changed' | 'reviewed' | 'rolled-back' | 'flagged' | 'maturity-changed';

/**
 * How far a version is trusted, derived apart from its status: `deliberate` (not active, or not
 * approved, or demoted: the agent still plans each step), `supervised` (active and approved; its
 * runs are watched), `autonomous` (trusted to run unattended on evidence beyond its own cases).
 */
export type Maturity = 'deliberate' | 'supervised' | 'autonomous';

/** One body of evidence from outside a version's own cases: `passed` of `total` trials. */
export interface MaturityEvidence {
  /** `leave-one-out` (the compiler's generalization evidence), `outcome-reports` (runs reported correct or wrong), `production-runs` (counted runs without a report). */
  kind: 'leave-one-out' | 'outcome-reports' | 'production-runs';
  passed: number;
  total: number;
}

/** The last maturity move of a version since the last human move on it (a status move or review). */
export interface MaturityMark {
  maturity: Maturity;
  previousMaturity?: Maturity;
  /** Why it moved. */
  reason: string;
  by: string;
  at: string;
  /** Demoted for failing: a refined version should replace it. */
  needsRefinement?: boolean;
  /** What put an `autonomous` version there. */
  evidence?: MaturityEvidence[];
}

/** One append-only history entry of a skill: who did what to which version, when and why. */
export interface HistoryEvent {
  /** 1-based position in the skill's history. */
  number: number;
  kind: HistoryEventKind;
  version: number;
  /** The status the version moved to (published, status-changed, rolled-back). */
  status?: SkillStatus;
  previousStatus?: SkillStatus;
  /** The version this activation replaced as the active one. */
  supersedes?: number;
  decision?: 'approve' | 'reject';
  /** The maturity the version moved to (maturity-changed; the reason is `note`). */
  maturity?: Maturity;
  previousMaturity?: Maturity;
  /** Demoted for failing (maturity-changed). */
  needsRefinement?: boolean;
  /** The evidence behind a move to `autonomous` (maturity-changed). */
  evidence?: MaturityEvidence[];
  by: string;
  /** ISO 8601 time. */
  at: string;
  note?: string;
}

/** Run counters of one version, kept apart from the immutable record. */
export interface Reliability {
  runs: number;
  ok: number;
  /** Failed runs by run error code. */
  failures: Record<string, number>;
  /**
   * Verdicts an agent or user reported on runs (`reportOutcome`): a run can return ok and still
   * do the wrong thing, so these count apart from `ok` and `failures`.
   */
  outcomes: { correct: number; wrong: number };
}

/** Runs, skill failures and `wrong` reports of one version over a sliding window. */
export interface RunWindow {
  /** Start of the window (epoch ms, rounded down to a bucket). */
  fromMs: number;
  runs: number;
  failed: number;
  wrong: number;
}

/** A verdict on one run of a version, by the agent or person who saw what it did. */
export type RunOutcome = 'correct' | 'wrong';

/** A stored outcome report. */
export interface OutcomeReport {
  runId: string;
  /** The version that ran, `name@N`. */
  ref: string;
  outcome: RunOutcome;
  by: string;
  /** ISO 8601 time of the report. */
  at: string;
  note?: string;
}

/** The latest review decision on a version. */
export interface ReviewDecision {
  decision: 'approve' | 'reject';
  by: string;
  at: string;
  note?: string;
}

/** A stored version with its current status and review: what `store.resolve` returns (no counters). */
export interface ResolvedVersion extends SkillVersionRecord {
  status: SkillStatus;
  review?: ReviewDecision;
  /** Derived from status, review and the last recorded maturity move (`maturityMark`). */
  maturity: Maturity;
  maturityMark?: MaturityMark;
}

/** A stored version as read: the immutable record plus its current status, review and counters. */
export interface SkillVersion extends ResolvedVersion {
  reliability: Reliability;
}
