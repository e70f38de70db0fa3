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
 * schema changed under it); the note says what. A flag moves no status.
 */
export type HistoryEventKind = 'published' | 'status-changed' | 'reviewed' | 'rolled-back' | 'flagged';

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

/** A stored version as read: the immutable record plus its current status, review and counters. */
export interface SkillVersion extends SkillVersionRecord {
  status: SkillStatus;
  review?: ReviewDecision;
  reliability: Reliability;
}
