export { KnackError } from '../core/index.js';
export type { KnackErrorCode, ErrorLocation, KnackErrorOptions } from '../core/index.js';
export type {
  ToolCallContext,
  ToolHandler,
  ToolDefinition,
  ToolPack,
  ToolPackPart,
  Limits,
  RunErrorCode,
  ToolCallRecord,
  RunMetrics,
  LogEntry,
  RunError,
  RunResult,
  RunSkillOptions,
  Sandbox,
  SandboxOptions,
} from '../sandbox/index.js';
export type { JsonSchema, ToolAnnotations, ToolManifestEntry } from '../core/index.js';
export {
  runSkill,
  defineTools,
  bindTools,
  combineToolPacks,
  createSandbox,
  SKILL_BUNDLE_GLOBAL,
  SKILL_BUNDLE_BANNER,
} from '../sandbox/index.js';
// The compiler: trajectories in, verified skill bundles out (offline trace compiler; LLM drafts share checkSkill).
export {
  compileTrajectories,
  checkSkill,
  importTrajectory,
  draftSkill,
  verifySkill,
  trajectorySchema,
} from '../compiler/index.js';
export type {
  Trajectory,
  TrajectoryStep,
  TrajectoryFormat,
  CompiledSkill,
  Diagnostic,
  GeneralizationEvidence,
  LeaveOneOutEvidence,
  SkillAssumption,
  VerificationReport,
  Provenance,
  SkillResolver,
  ResolvedSkill,
  ImportOptions,
  CompileOptions,
  CompileResult,
  CompileError,
  CheckSkillOptions,
  DraftOptions,
  SkillDraft,
  VerifyOptions,
} from '../compiler/index.js';
// The store: immutable versions, review, diffs, library files.
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
  RecordRunOptions,
  ReportOutcomeOptions,
  StoreChange,
  StoreChanges,
  StoreWatcher,
  WatchStoreOptions,
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
  SkillSnapshot,
  SkillRef,
  ReviewPolicy,
  ReviewRequirement,
  StoreBackend,
  ExportLibraryResult,
  ImportLibraryResult,
  LibraryFilesOptions,
} from './store/index.js';
export { diffSkillVersions, formatAssumption, formatEvidence, renderSkillDiff } from './diff/index.js';
export type {
  SkillDiff,
  SchemaChange,
  VersionFacts,
  DiffableVersion,
  RenderSkillDiffOptions,
} from './diff/index.js';
// MCP servers as tool packs: `tools/list` is the manifest, `tools/call` the binding (SDK loads lazily).
export { connectMcpToolPack, createMcpToolPack } from './mcp/index.js';
export type {
  McpToolPack,
  CreateMcpToolPackOptions,
  ConnectMcpToolPackOptions,
  McpServerTarget,
  McpStdioServer,
  McpHttpServer,
} from './mcp/index.js';
// Finding the skill that fits a request (BM25 with a relevance threshold), once or with a warm index.
export {
  searchSkills,
  createSkillIndex,
  loadSkillIndex,
  refreshSkillIndex,
  DEFAULT_MIN_SCORE,
  DEFAULT_SEARCH_STATUSES,
} from './search/index.js';
export type {
  SearchSkillsOptions,
  SkillIndex,
  CreateSkillIndexOptions,
  LoadSkillIndexOptions,
  RefreshSkillIndexOptions,
  SearchableSkill,
  SkillSearchField,
  SkillSearchHit,
  SkillIndexSearchOptions,
} from './search/index.js';
// Calling stored skills as functions, and measuring how reliable they are.
export { callSkill, restrictTools } from './call-skill.js';
export type { CallSkillOptions, CallSkillResult, RestrictToolsOptions } from './call-skill.js';
// Skills as typed functions in host code: `knack types` declarations and a library handle.
export { skillTypes } from './skill-types.js';
export type { SkillTypesOptions } from './skill-types.js';
export { openLibrary } from './open-library.js';
export type {
  OpenLibraryOptions,
  SkillLibrary,
  SkillFunctions,
  SkillSignatures,
  SkillCallOptions,
  TypedRunResult,
} from './open-library.js';
export { benchmarkSkill } from './benchmark-skill.js';
export type { BenchmarkSkillOptions, SkillBenchmark } from './benchmark-skill.js';
// Models for the LLM compiler (SDKs load on first use): pass one as `compileTrajectories({ model })`.
export {
  createOpenAIModel,
  createOpenAICompatibleModel,
  createAnthropicModel,
  resolveModel,
  compileWithModel,
  refineSkill,
  ProviderCallError,
} from '../compiler/index.js';
export type {
  LanguageModel,
  ModelUsage,
  OpenAIModelOptions,
  OpenAICompatibleModelOptions,
  AnthropicModelOptions,
  CompileWithModelOptions,
  CompileWithModelResult,
  RefineSkillOptions,
  RefineSkillResult,
  RelatedSkill,
  AttemptRecord,
} from '../compiler/index.js';
// The shape of an example domain the offline demo tours (`knack demo --domain MODULE`).
export type { DemoDomain } from './demo-domain.js';
export { refineStoredSkill } from './refine-stored-skill.js';
export type { RefineStoredSkillOptions, RefineStoredSkillResult } from './refine-stored-skill.js';
