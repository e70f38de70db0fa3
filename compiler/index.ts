/**
 * @module compiler: trajectories in, verified skills out. `compile-trajectories.ts` drives the
 * parts, each a folder with its own door: `import/` (formats, validation, the trajectory schema),
 * `trace/` (the offline drafter), `check/` (type-check, policy, schemas, bundle, replay), `llm/`
 * (prompts, the repair loop, refinement) and `providers/` (model SDKs). Imports only from
 * sandbox/ and core/.
 */
export { compileTrajectories, loadTrajectories } from './compile-trajectories.js';
export type { LoadTrajectoriesResult } from './compile-trajectories.js';
export type { CompileOptions, CompileError, CompileResult } from './compile-options.js';
export {
  importTrajectory,
  detectFormat,
  checkTrajectory,
  assertCompilable,
  trajectorySchema,
  DEFAULT_TOOL_ERROR_PATTERN,
  readUserTurns,
} from './import/index.js';
export type {
  Trajectory,
  TrajectoryStep,
  TrajectoryFormat,
  ImportOptions,
  UserTurns,
  ReadUserTurnsOptions,
} from './import/index.js';
export {
  draftSkill,
  groupTrajectories,
  isSecretLike,
  pruneSteps,
  inferResultSchemas,
  nameSkill,
  trimScans,
} from './trace/index.js';
export type {
  DraftOptions,
  SkillDraft,
  PruneOptions,
  PruneResult,
  InferredResultSchema,
  NameSkillOptions,
  TrimmedStep,
  TrimScansOptions,
  TrimScansResult,
  NameProfile,
  TakenNames,
  TargetSelection,
} from './trace/index.js';
export {
  checkSkill,
  TRACE_COMPILER,
  toolsDeclarations,
  schemaDeclaration,
  typeCheckSkill,
  checkPolicy,
  SKILL_IMPORT_PATTERN,
  deriveSchemas,
  bundleSkill,
  verifySkill,
  createReplayPack,
} from './check/index.js';
export type {
  CheckSkillOptions,
  TypeCheckOptions,
  TypeCheckResult,
  PolicyResult,
  DerivedSchemas,
  BundleOptions,
  BundleResult,
  VerifyOptions,
  VerifyResult,
  CompiledSkill,
  Diagnostic,
  DiagnosticCode,
  GeneralizationEvidence,
  LeaveOneOutEvidence,
  SkillAssumption,
  VerificationReport,
  Provenance,
  ProposalEvidence,
  SkillCase,
  SkillCaseCall,
  LeftOutStep,
  LeftOutReason,
  ResolvedSkill,
  SkillResolver,
} from './check/index.js';
export { compileWithModel, refineSkill } from './llm/index.js';
export type {
  CompileWithModelOptions,
  CompileWithModelResult,
  RefineSkillOptions,
  RefineSkillResult,
  CheckFunction,
  RelatedSkill,
  AttemptRecord,
} from './llm/index.js';
export {
  createOpenAIModel,
  createOpenAICompatibleModel,
  createAnthropicModel,
  resolveModel,
  ProviderCallError,
} from './providers/index.js';
export type {
  OpenAIModelOptions,
  OpenAICompatibleModelOptions,
  AnthropicModelOptions,
  LanguageModel,
  ModelUsage,
} from './providers/index.js';
