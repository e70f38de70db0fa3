/**
 * knack: procedural memory for LLM agents as executable code.
 * Every export here is public API; adding one is an API decision.
 */
export { KnackError } from './errors.js';
export type { KnackErrorCode, ErrorLocation, KnackErrorOptions } from './errors.js';
export type {
  JsonSchema,
  ToolManifestEntry,
  ToolCallContext,
  ToolHandler,
  ToolDefinition,
  ToolPack,
  Limits,
  RunErrorCode,
  ToolCallRecord,
  RunMetrics,
  LogEntry,
  RunError,
  RunResult,
} from '../sandbox/index.js';
export {
  openStore,
  resolveStoreUrl,
  parseSkillRef,
  formatSkillRef,
  exportLibrary,
  importLibrary,
} from './store/index.js';
export type {
  OpenStoreOptions,
  SkillStore,
  ChangeOptions,
  PublishOptions,
  PublishResult,
  ReviewOptions,
  SkillSummary,
  ResolvedSkill,
  SkillStatus,
  SkillDiagnostic,
  SkillVerification,
  SkillProvenance,
  PublishInput,
  SkillVersionRecord,
  SkillVersion,
  HistoryEvent,
  HistoryEventKind,
  Reliability,
  ReviewDecision,
  SkillSnapshot,
  SkillRef,
  ReviewPolicy,
  ReviewRequirement,
  StoreBackend,
  ExportLibraryResult,
  ImportLibraryResult,
  LibraryFilesOptions,
} from './store/index.js';
export { diffSkillVersions, renderSkillDiff } from './diff/index.js';
export type {
  SkillDiff,
  SchemaChange,
  VersionFacts,
  DiffableVersion,
  RenderSkillDiffOptions,
} from './diff/index.js';
