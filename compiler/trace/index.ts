/**
 * @module compiler/trace: the trace compiler, offline and deterministic. It turns trajectories
 * into a TypeScript skill draft: values the caller supplied become `Input` fields, values read
 * from earlier results become expressions, repeated calls become loops, chosen list elements
 * become `.find(...)`, literal secrets become parameters; siblings tell parameters from constants.
 * Drafts are checked by compiler/check, not here.
 */
export { draftSkill } from './draft-skill.js';
export type { DraftOptions, SkillDraft } from './draft-skill.js';
export { groupTrajectories } from './group-trajectories.js';
export { isSecretLike } from './detect-secrets.js';
export { pruneSteps, readOnlyTools } from './prune-steps.js';
export type { PruneOptions, PruneResult } from './prune-steps.js';
export { inferResultSchemas, inferSchema } from './infer-result-schemas.js';
export type { InferredResultSchema } from './infer-result-schemas.js';
export { nameSkill } from './name-skill.js';
export type { NameSkillOptions } from './name-skill.js';
