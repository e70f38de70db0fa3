import type { ModelUsage } from '../providers/index.js';
import type { Trajectory } from '../import/index.js';
import type { CompiledSkill } from '../check/index.js';

/** What a check pipeline returns for one candidate: a `CompiledSkill` (verified or not). */
export type CheckOutcome = CompiledSkill;

/** What the loop asks the check pipeline to judge. */
export interface CheckRequest {
  source: string;
  /** Every case the module must replay (for a refinement: the parent's and the new ones). */
  trajectories: Trajectory[];
  signal?: AbortSignal;
}

/**
 * The check pipeline, injected: type-check, policy, schemas, bundle and replay. On the full
 * compiler this is `({ source, trajectories }) => checkSkill({ source, manifest, trajectories, resolver })`.
 */
export type CheckFunction = (request: CheckRequest) => Promise<CheckOutcome>;

/** A stored skill the model may import instead of repeating it (found by search). */
export interface RelatedSkill {
  /** `name@version`, importable as `knack:skills/name@version`. */
  ref: string;
  description: string;
  /** Its TypeScript signature, e.g. `(input: { orderId: string }) => Promise<{ total: number }>`. */
  signature: string;
}

/** What the model is told about the job. */
export interface LlmCompileContext {
  /** The task the agent solved. @default the first trajectory's task */
  task?: string;
  /** The trajectory, or sibling trajectories of one task family. */
  trajectories: Trajectory[];
  /** The generated `Tools` declarations (`declare interface Tools { ... }`) the module is typed against. */
  toolsDeclarations: string;
  relatedSkills?: RelatedSkill[];
  /**
   * What the trace draft takes on trust (`amount = 50 in the only recorded run`, a pick no rule
   * explains), so the model can name the selection rule or make the value an input. @default none
   */
  assumptions?: string[];
  /** Siblings a draft from the others did not reproduce (`t-3: step 2: ...`). @default none */
  leaveOneOutFailures?: string[];
}

/** Why an attempt did not produce a verified module. */
export interface AttemptFailure {
  /** `no-code`: nothing usable in the reply; `check`: type/policy/replay failed; `rule`: a loop rule (e.g. renamed skill). */
  kind: 'no-code' | 'check' | 'rule';
  /** A short summary (first problems), never the whole source. */
  message: string;
}

/** One model call of the loop, kept in the version's provenance. */
export interface AttemptRecord {
  /** 1-based. */
  attempt: number;
  /** sha256 (hex) of the full prompt: system prompt and every message. */
  promptHash: string;
  /** `provider:modelId`. */
  model: string;
  usage: ModelUsage;
  latencyMs: number;
  httpRequests: number;
  requestId?: string;
  /** Absent when the attempt produced a verified module. */
  failure?: AttemptFailure;
}
