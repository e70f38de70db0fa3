import type { RunErrorCode } from '../../sandbox/index.js';
import type { ResolvedSkill } from '../../compiler/index.js';
import type { SkillDiff } from '../diff/index.js';
import type { SkillSnapshot } from './skill-snapshot.js';
import type { StoreChanges, StoreWatcher, WatchStoreOptions } from './store-change.js';
import type { ReviewRequirement } from './review-policy.js';
import type {
  HistoryEvent,
  OutcomeReport,
  PublishInput,
  Reliability,
  RunOutcome,
  SkillStatus,
  SkillVersion,
} from './skill-record.js';

/** Who made a change and why; recorded in the history. */
export interface ChangeOptions {
  /** Who made the change. @default the OS user name */
  by?: string;
  /** Why. */
  note?: string;
}

/** Options of `publish`. */
export type PublishOptions = ChangeOptions;

/** The outcome of `publish`. */
export interface PublishResult {
  /** `name@N`. */
  ref: string;
  version: number;
  status: SkillStatus;
  /** False when identical source was already stored: `version` is that existing version. */
  isNew: boolean;
}

/** A review decision on one version. */
export interface ReviewOptions {
  decision: 'approve' | 'reject';
  /** The reviewer (required). */
  by: string;
  note?: string;
}

/** Options of `flag`. */
export interface FlagOptions {
  /** What is wrong with the version (required). */
  note: string;
  /** Who or what flagged it. @default the OS user name */
  by?: string;
}

/** Options of `reportOutcome`. */
export interface ReportOutcomeOptions {
  /** The id a counted run's result carries (`callSkill(...).runId`). */
  runId: string;
  /** Did the run do the right thing? */
  outcome: RunOutcome;
  /** When given, the run must be of this skill (`name`) or version (`name@N`). */
  ref?: string;
  /** Who judged. @default the OS user name */
  by?: string;
  note?: string;
}

/** Options of `recordRun`. */
export interface RecordRunOptions {
  /** An id for the run (8-64 of `A-Za-z0-9_-`), so a verdict can be reported on it later. @default none */
  runId?: string;
}

/** One line of `list`. */
export interface SkillSummary {
  name: string;
  description: string;
  latestVersion: number;
  latestStatus: SkillStatus;
  activeVersion?: number;
}

/**
 * A versioned skill library. Versions are immutable and numbered 1, 2, 3… per skill; status
 * moves, reviews and rollbacks are appended to each skill's history. Implements the compiler's
 * `SkillResolver` (`resolveSkill`).
 */
export interface SkillStore {
  /** Backend kind: `sqlite`, `postgres` or `redis`. */
  readonly backend: string;
  /** Where the data lives (password removed). */
  readonly location: string;
  /** Key namespace inside the backend. */
  readonly namespace: string;
  readonly isClosed: boolean;
  /**
   * Stores a compiled skill as the next version; identical source returns the existing version.
   * @throws KnackError INVALID_RECORD (bad shape), REVIEW_REQUIRED (status `active` needing review), CLOSED.
   */
  publish(input: PublishInput, options?: PublishOptions): Promise<PublishResult>;
  /**
   * Reads `name` (the active version), `name@3` or `name@latest` (newest of any status).
   * @throws KnackError INVALID_SKILL_REF, NOT_FOUND, STORE_CORRUPT, CLOSED.
   */
  get(ref: string): Promise<SkillVersion>;
  /** The compiler's `SkillResolver`: one exact version, or undefined. */
  resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined>;
  /** Every skill with its latest and active version. */
  list(): Promise<SkillSummary[]>;
  /** A skill's append-only history, oldest first. @throws KnackError NOT_FOUND. */
  history(name: string): Promise<HistoryEvent[]>;
  /** Moves a version to `status`. @throws KnackError INVALID_STATUS_TRANSITION, REVIEW_REQUIRED (to `active`). */
  setStatus(ref: string, status: SkillStatus, options?: ChangeOptions): Promise<HistoryEvent>;
  /** Activates a version (the active one before it becomes deprecated). @throws KnackError REVIEW_REQUIRED. */
  promote(ref: string, options?: ChangeOptions): Promise<HistoryEvent>;
  /** Re-activates an older version (`name@N`) as a new history event. @throws KnackError REVIEW_REQUIRED. */
  rollback(ref: string, options?: ChangeOptions): Promise<HistoryEvent>;
  /** Records a reviewer's decision on a version. @throws KnackError INVALID_ARGUMENT without `by`. */
  review(ref: string, options: ReviewOptions): Promise<HistoryEvent>;
  /**
   * Appends a `flagged` event to a version's history (no status moves): found unfit to run as it
   * is, e.g. a tool schema changed under it. @throws KnackError INVALID_ARGUMENT without `note`.
   */
  flag(ref: string, options: FlagOptions): Promise<HistoryEvent>;
  /** Why a version would need a human approval before activation (empty: none). */
  reviewRequirements(ref: string): Promise<ReviewRequirement[]>;
  /** Counts one run of a version (`name` counts against the active one); returns the new counters. */
  recordRun(
    ref: string,
    result: { ok: boolean; error?: { code: RunErrorCode } },
    options?: RecordRunOptions,
  ): Promise<Reliability>;
  /**
   * Records whether a counted run did the right thing (one verdict per run), counted in the
   * version's `reliability.outcomes`, apart from exceptions.
   * @throws KnackError NOT_FOUND (no such run), INVALID_ARGUMENT, ALREADY_EXISTS (already reported).
   */
  reportOutcome(options: ReportOutcomeOptions): Promise<OutcomeReport>;
  /** Semantic summary and source diff between two versions. */
  diff(fromRef: string, toRef: string): Promise<SkillDiff>;
  /** Every record, counter and history event of a skill (what export writes). */
  snapshot(name: string): Promise<SkillSnapshot>;
  /** Writes a snapshot into this store. @throws KnackError ALREADY_EXISTS when the skill has versions here. */
  restore(snapshot: SkillSnapshot): Promise<void>;
  /**
   * The change feed: the current sequence number and the changes after `since` (publishes,
   * status moves, reviews, rollbacks, restores, from any process sharing the store).
   */
  changes(options?: { since?: number }): Promise<StoreChanges>;
  /**
   * Polls the change feed and calls `onChange` when another change lands, from any process.
   * @example const watcher = store.watch({ onChange: ({ changes }) => refresh(changes) });
   */
  watch(options: WatchStoreOptions): StoreWatcher;
  /** Releases the backend. A second call is a no-op; other calls after it throw CLOSED. */
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}
