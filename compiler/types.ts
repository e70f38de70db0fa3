import type { LanguageModel } from './providers/index.js';
import type { RelatedSkill } from './llm/llm-types.js';
import type { JsonSchema, KnackErrorCode, ErrorLocation, ToolManifestEntry } from '../core/index.js';

/** One tool call of a trajectory, in order. */
export interface TrajectoryStep {
  tool: string;
  args: Record<string, unknown>;
  /** What the tool answered; JSON text answers are parsed on import. */
  result?: unknown;
  /** Set when the tool failed instead of answering. */
  error?: string;
}

/** A recorded agent run in knack's native form (DESIGN.md "Trajectory"). */
export interface Trajectory {
  id: string;
  /** The user's request. */
  task: string;
  /** The caller's arguments, when known; otherwise the trace compiler infers them from the task. */
  input?: Record<string, unknown>;
  steps: TrajectoryStep[];
  outcome: 'success' | 'failure';
  answer?: unknown;
  /** Later user messages of a multi-turn conversation; parameters may come from them. */
  context?: string[];
}

/** A problem found while checking a skill. Line and column are 1-based, in the skill source. */
export interface Diagnostic {
  message: string;
  line?: number;
  column?: number;
  code?: string;
  severity: 'error' | 'warning';
}

/** The replay of one trajectory against a compiled skill. */
export interface VerificationReport {
  trajectoryId: string;
  ok: boolean;
  message?: string;
  /** The 1-based trajectory step where replay diverged. */
  step?: number;
}

/** Where a compiled skill came from. */
export interface Provenance {
  trajectoryIds: string[];
  /** The drafting compiler, e.g. `knack-trace@0.1.0` or `openai:gpt-4.1`. */
  compiler: string;
  model?: string;
  promptHash?: string;
  parentVersion?: number;
  attempts?: unknown[];
}

/** A checked, bundled and replay-verified skill, ready for the store. */
export interface CompiledSkill {
  name: string;
  description: string;
  /** The TypeScript skill module a reviewer reads. */
  source: string;
  /** The esbuild IIFE script the sandbox runs (starts with the bundle banner). */
  bundle: string;
  sourcemap?: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  /** Tool names the skill calls, derived statically. */
  permissions: string[];
  /** Pinned skill refs (`lookup_order@2`) the bundle contains. */
  imports: string[];
  diagnostics: Diagnostic[];
  verification: { isVerified: boolean; reports: VerificationReport[] };
  provenance: Provenance;
  /** Input fields that carry secrets found as literals in the trajectories; pass them at call time. */
  secretParameters: string[];
}

/** A stored skill as the bundler needs it to pin `knack:skills/<name>@<version>`. */
export interface ResolvedSkill {
  name: string;
  version: number;
  source: string;
  bundle: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
}

/** Looks up stored skill versions; the store implements it structurally. */
export interface SkillResolver {
  resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined>;
}

/** Trajectory formats the importer understands. */
export type TrajectoryFormat = 'native' | 'openai' | 'anthropic';

/** Options of `importTrajectory`. */
export interface ImportOptions {
  /** Force a format. @default auto-detected */
  format?: TrajectoryFormat;
  /** File name used in error messages and as the default trajectory id. */
  file?: string;
  /** When given, tool names and arguments are checked against it. */
  manifest?: readonly ToolManifestEntry[];
  /** Trajectory id when the input carries none. @default the file name without extension */
  id?: string;
}

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
  /** Skill name (snake_case); suffixed `_2`, `_3` when several skills result. @default from the task */
  name?: string;
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
