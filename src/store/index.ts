/** @module store: immutable, versioned skill records on keyv backends (SQLite, PostgreSQL, Redis). */
export { openStore, resolveStoreUrl } from './open-store.js';
export type { OpenStoreOptions } from './open-store.js';
export type {
  SkillStore,
  ChangeOptions,
  PublishOptions,
  PublishResult,
  ReviewOptions,
  FlagOptions,
  SkillSummary,
  RecordRunOptions,
  ReportOutcomeOptions,
} from './skill-store-types.js';
export type { StoreChange, StoreChanges, StoreWatcher, WatchStoreOptions } from './store-change.js';
export type {
  SkillStatus,
  PublishInput,
  SkillVersionRecord,
  SkillVersion,
  HistoryEvent,
  HistoryEventKind,
  Reliability,
  ReviewDecision,
  OutcomeReport,
  RunOutcome,
} from './skill-record.js';
export type { SkillSnapshot } from './skill-snapshot.js';
export { parseSkillRef, formatSkillRef } from './parse-skill-ref.js';
export type { SkillRef } from './parse-skill-ref.js';
export { reviewRequirements } from './review-policy.js';
export type { ReviewPolicy, ReviewRequirement } from './review-policy.js';
export { sqliteBackend, postgresBackend, redisBackend } from './backends/index.js';
export type { StoreBackend, BackendOptions } from './backends/index.js';
export { exportLibrary, importLibrary } from './library-files.js';
export type { ExportLibraryResult, ImportLibraryResult, LibraryFilesOptions } from './library-files.js';
