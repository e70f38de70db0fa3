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
  readUserTurns,
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
  LeftOutStep,
  LeftOutReason,
  ProposalEvidence,
  SkillResolver,
  ResolvedSkill,
  ImportOptions,
  UserTurns,
  ReadUserTurnsOptions,
  CompileOptions,
  CompileResult,
  CompileError,
  CheckSkillOptions,
  DraftOptions,
  SkillDraft,
  VerifyOptions,
  SkillCase,
  SkillCaseCall,
} from '../compiler/index.js';
// The store: immutable versions, review, diffs, library files.
export {
  openStore,
  resolveStoreUrl,
  parseSkillRef,
  formatSkillRef,
  exportLibrary,
  importLibrary,
  deriveMaturity,
  maturityOrder,
} from './store/index.js';
export type {
  OpenStoreOptions,
  SkillStore,
  ChangeOptions,
  PublishOptions,
  PublishResult,
  ReviewOptions,
  FlagOptions,
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
  QueueRunOptions,
  RunWindowOptions,
  RunWindow,
  ResolvedVersion,
  Maturity,
  MaturityEvidence,
  MaturityMark,
  MaturityMove,
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
export { connectMcpToolPack, createMcpToolPack, connectMcpClient } from './mcp/index.js';
export type {
  McpToolPack,
  CreateMcpToolPackOptions,
  ConnectMcpToolPackOptions,
  ConnectMcpClientOptions,
  McpServerTarget,
  McpStdioServer,
  McpHttpServer,
} from './mcp/index.js';
// `knack record` / `knack propose`: an agent's MCP sessions as trajectories, and the skills they propose.
export {
  recordMcpSession,
  markRecordedSession,
  readRecordedSession,
  proposeSkills,
  MIN_PROPOSAL_RUNS,
} from './record/index.js';
export type {
  RecordMcpSessionOptions,
  RecordingSession,
  RecordedSessionSummary,
  RecordedSession,
  RecordingInfo,
  RecordingStatus,
  SessionMarkSource,
  MarkRecordedSessionOptions,
  ProposeSkillsOptions,
  ProposeSkillsResult,
  ProposalOutcome,
  SkippedSession,
} from './record/index.js';
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
// The library as an MCP server (`knack serve`): agents search, read, run and report on skills (SDK loads lazily).
export { createSkillServer, serveSkills } from './serve/index.js';
export type {
  SkillServer,
  CreateSkillServerOptions,
  SkillExposure,
  ServeSkillsOptions,
  ServedSkills,
  ServePolicy,
} from './serve/index.js';
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
// Stored test cases: replayed offline, and benchmarked under injected faults.
export {
  testSkill,
  testSkills,
  benchmarkCases,
  renderBenchReport,
  parseFaultSpec,
  DEFAULT_FAULT_SPEC,
  wilsonInterval,
  fisherExactTest,
  passHatK,
} from './cases/index.js';
export type {
  TestSkillOptions,
  TestSkillsOptions,
  SkillTestResult,
  CaseTestResult,
  BenchmarkCasesOptions,
  CasesBenchmark,
  VersionBenchmark,
  VersionComparison,
  FaultOutcomes,
  BenchFailure,
  SourceOutcomes,
  UnusableInput,
  CaseVerdict,
  FaultKind,
  FaultSpec,
  Share,
  TwoByTwo,
  CaseTally,
} from './cases/index.js';
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
export { assessMaturity } from './assess-maturity.js';
export type {
  AssessMaturityOptions,
  AutoRefineOptions,
  MaturityFigures,
  SkillMaturity,
} from './assess-maturity.js';
export { defaultMaturityPolicy, mayServe, resolveMaturityPolicy } from './maturity-policy.js';
export type { MaturityPolicy } from './maturity-policy.js';
export type { RefineStoredSkillOptions, RefineStoredSkillResult } from './refine-stored-skill.js';
