/**
 * @module compiler: imports trajectories, drafts skills (trace compiler or LLM), type-checks,
 * bundles and verifies them by replay in the sandbox. Imports only from sandbox/.
 */
export { compileTrajectories, loadTrajectories } from './compile-trajectories.js';
export type { LoadTrajectoriesResult } from './compile-trajectories.js';
export { checkSkill, TRACE_COMPILER } from './check-skill.js';
export type { CheckSkillOptions } from './check-skill.js';
export { importTrajectory, detectFormat } from './import-trajectory.js';
export { checkTrajectory, assertCompilable } from './check-trajectory.js';
export { trajectorySchema } from './trajectory-schema.js';
export { draftSkill } from './draft-skill.js';
export type { DraftOptions, SkillDraft } from './draft-skill.js';
export { groupTrajectories } from './group-trajectories.js';
export { isSecretLike } from './detect-secrets.js';
export { toolsDeclarations } from './tools-declarations.js';
export { typeCheckSkill } from './type-check-skill.js';
export type { TypeCheckOptions, TypeCheckResult } from './type-check-skill.js';
export { checkPolicy, SKILL_IMPORT_PATTERN } from './check-policy.js';
export type { PolicyResult } from './check-policy.js';
export { deriveSchemas } from './derive-schemas.js';
export type { DerivedSchemas } from './derive-schemas.js';
export { bundleSkill } from './bundle-skill.js';
export type { BundleOptions, BundleResult } from './bundle-skill.js';
export { verifySkill, createReplayPack } from './verify-skill.js';
export type { VerifyOptions } from './verify-skill.js';
export type {
  Trajectory,
  TrajectoryStep,
  TrajectoryFormat,
  Diagnostic,
  VerificationReport,
  Provenance,
  CompiledSkill,
  ResolvedSkill,
  SkillResolver,
  ImportOptions,
  CompileOptions,
  CompileError,
  CompileResult,
} from './types.js';
// The LLM compiler: providers, the repair loop and refinement; every draft goes through checkSkill.
export * from './llm/index.js';
