/**
 * @module compiler/check: the one check pipeline every draft goes through (trace compiler or
 * model): ts-morph type-check against `Tools` declarations generated from the manifest, a policy
 * check on the AST, Input/Output JSON Schemas derived from the types, an esbuild bundle with
 * skill imports pinned, and replay of every trajectory in the sandbox.
 */
export { checkSkill, TRACE_COMPILER } from './check-skill.js';
export type { CheckSkillOptions } from './check-skill.js';
export { toolsDeclarations, schemaDeclaration } from './tools-declarations.js';
export { typeCheckSkill } from './type-check-skill.js';
export type { TypeCheckOptions, TypeCheckResult } from './type-check-skill.js';
export { checkPolicy, SKILL_IMPORT_PATTERN } from './check-policy.js';
export type { PolicyResult } from './check-policy.js';
export { deriveSchemas } from './derive-schemas.js';
export type { DerivedSchemas } from './derive-schemas.js';
export { bundleSkill } from './bundle-skill.js';
export type { BundleOptions, BundleResult } from './bundle-skill.js';
export { verifySkill, createReplayPack } from './verify-skill.js';
export type { VerifyOptions, VerifyResult } from './verify-skill.js';
export type {
  CompiledSkill,
  Diagnostic,
  GeneralizationEvidence,
  LeaveOneOutEvidence,
  SkillAssumption,
  DiagnosticCode,
  VerificationReport,
  Provenance,
  ProposalEvidence,
  SkillCase,
  SkillCaseCall,
  LeftOutStep,
  LeftOutReason,
  ResolvedSkill,
  SkillResolver,
} from './compiled-skill.js';
