/**
 * @module compiler/trace: the trace compiler, offline and deterministic. It turns trajectories
 * into a TypeScript skill draft: values the caller supplied become `Input` fields, values read
 * from earlier results become expressions, repeated calls become loops, a chosen list element is
 * named by its selection rule (`.find(...)`) or becomes an input, literal secrets become
 * parameters; what the user wrote stays an input; constants and unexplained choices of a single
 * run are listed as assumptions; runs are grouped by task (their effect); siblings that take
 * different steps fold behind a structural test on an earlier result (`if`), never an identity.
 * Drafts are checked by compiler/check, not here.
 */
export { draftSkill } from './draft-skill.js';
export { givenInput } from './given-input.js';
export type { RunInput } from './given-input.js';
export type { DraftOptions, SkillDraft } from './draft-skill.js';
export type { TargetSelection } from './_target-selection.js';
export type { DraftAssumption } from './_draft-state.js';
export { groupByShape, groupTrajectories, taskKey } from './group-trajectories.js';
export type { GroupOptions, ShapeOptions } from './group-trajectories.js';
export { trimScans } from './trim-scans.js';
export type { TrimmedStep, TrimScansOptions, TrimScansResult } from './trim-scans.js';
export { isSecretLike } from './detect-secrets.js';
export { pruneSteps, readOnlyTools } from './prune-steps.js';
export type { PruneOptions, PruneResult } from './prune-steps.js';
export { inferResultSchemas, inferSchema } from './infer-result-schemas.js';
export type { InferredResultSchema } from './infer-result-schemas.js';
export { nameProfile, nameSkill, toSkillName } from './name-skill.js';
export type { NameProfile, NameSkillOptions, TakenNames } from './name-skill.js';
