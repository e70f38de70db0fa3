import type { ErrorLocation, KnackErrorCode, ToolManifestEntry } from '../core/index.js';
import type { CompiledSkill, SkillResolver } from './check/index.js';
import type { Trajectory, TrajectoryFormat } from './import/index.js';
import type { LanguageModel } from './providers/index.js';
import type { RelatedSkill } from './llm/index.js';

/** Options of `compileTrajectories`. Give `trajectories` or `files` (or both). */
export interface CompileOptions {
  /** The tool whitelist. */
  manifest: readonly ToolManifestEntry[];
  /** Trajectories already in native form. */
  trajectories?: Trajectory[];
  /** Trajectory files (native, OpenAI or Anthropic JSON). */
  files?: string[];
  /** Force the format of `files`. @default auto-detected per file */
  format?: TrajectoryFormat;
  /** Which OpenAI tool messages are errors (see `ImportOptions.toolErrorPattern`). @default `Error: ...` or `{"error": "..."}` */
  toolErrorPattern?: RegExp;
  /** Skill name (snake_case); suffixed `_2`, `_3` when several skills result. @default from the task */
  name?: string;
  /**
   * Tools known to change nothing, beyond those whose manifest says `annotations.readOnlyHint`:
   * their calls are left out of a skill when nothing later uses their results.
   * @default []
   */
  readOnly?: string[];
  /** Resolves `knack:skills/<name>@<version>` imports; without it such imports are diagnostics. */
  resolver?: SkillResolver;
  signal?: AbortSignal;
  /**
   * Draft with a model instead of the trace compiler: a `LanguageModel`, or a spec such as
   * `openai:gpt-4.1`, `openai-compatible:qwen2.5-coder@http://127.0.0.1:11434/v1` or
   * `anthropic:claude-sonnet-4-5`. Every model draft goes through `checkSkill`; when none
   * verifies, the trace draft is used and its provenance says so.
   * @default env `KNACK_MODEL`, else none (the offline trace compiler)
   */
  model?: string | LanguageModel;
  /** Model calls per skill before falling back to the trace draft. @default 3 */
  maxAttempts?: number;
  /** Stored skills the model may import instead of repeating them. @default none */
  relatedSkills?: RelatedSkill[];
  /**
   * With three siblings or more, compile from all but one and replay the one left out, for each
   * (the skill's `evidence.leaveOneOut`, whose `compiler` says who compiled the folds). `true`:
   * folds are compiled the way the skill was: trace drafts for a trace-compiled skill (one check per
   * sibling); for a skill the model drafted, the model drafts each fold from the other siblings
   * (same prompt inputs, check and repair loop, at most 2 calls per fold; a fold whose model call
   * fails or whose draft never verifies counts as a failure with the reason), so n extra model
   * compiles. `'trace'`: trace folds even for a model-drafted skill (no extra model calls).
   * `false`: no leave-one-out. @default true
   */
  leaveOneOut?: boolean | 'trace';
  /** Called with progress lines (for CLIs). */
  onProgress?: (message: string) => void;
}

/** Why a trajectory or file could not be compiled. */
export interface CompileError {
  code: KnackErrorCode;
  message: string;
  where?: ErrorLocation;
}

/** What `compileTrajectories` produced: one skill per task shape, and the inputs it refused. */
export interface CompileResult {
  skills: CompiledSkill[];
  errors: CompileError[];
}
