import type { JsonSchema } from '../../core/index.js';

/** Lifecycle of a version: `draft` → `verified` (replay passed) → `active` → `deprecated`. */
export type SkillStatus = 'draft' | 'verified' | 'active' | 'deprecated';

/** A compiler message about a skill's source. */
export interface SkillDiagnostic {
  message: string;
  line?: number;
  column?: number;
  code?: string;
  severity: 'error' | 'warning';
}

/** The outcome of replaying the skill against its trajectories. */
export interface SkillVerification {
  isVerified: boolean;
  reports: { trajectoryId: string; ok: boolean; message?: string; step?: number }[];
}

/** Where a version came from. */
export interface SkillProvenance {
  trajectoryIds: string[];
  compiler: string;
  model?: string;
  promptHash?: string;
  parentVersion?: number;
  attempts?: unknown[];
}

/**
 * What `publish` takes: a compiled skill (the compiler's `CompiledSkill` shape) plus an optional
 * initial status and review notes.
 */
export interface PublishInput {
  name: string;
  description: string;
  /** The TypeScript skill module. */
  source: string;
  /** The esbuild IIFE bundle the sandbox runs. */
  bundle: string;
  sourcemap?: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  /** Tool names the skill calls. */
  permissions: string[];
  /** Pinned skill refs the bundle includes (`lookup_order@2`). */
  imports: string[];
  diagnostics: SkillDiagnostic[];
  verification: SkillVerification;
  provenance: SkillProvenance;
  secretParameters: string[];
  /** @default `verified` when verification passed, else `draft`; `active` enforces review. */
  status?: SkillStatus;
  reviewNotes?: string;
}

/** One immutable stored version. Never rewritten once stored. */
export interface SkillVersionRecord {
  name: string;
  version: number;
  /** `sha256:<hex>` of the source; identical source publishes no new version. */
  contentHash: string;
  description: string;
  source: string;
  bundle: string;
  sourcemap?: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  permissions: string[];
  imports: string[];
  diagnostics: SkillDiagnostic[];
  verification: SkillVerification;
  provenance: SkillProvenance;
  secretParameters: string[];
  reviewNotes?: string;
  /** Status the version had when published (`draft` or `verified`); later moves are history events. */
  initialStatus: SkillStatus;
  /** ISO 8601 time of publishing. */
  createdAt: string;
}

/** Kinds of history events. */
export type HistoryEventKind = 'published' | 'status-changed' | 'reviewed' | 'rolled-back';

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
