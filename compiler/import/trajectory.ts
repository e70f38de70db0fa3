import type { ToolManifestEntry } from '../../core/index.js';

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
  /**
   * The agent's instructions (its system prompt): the policy it followed, such as fees and
   * allowances. A model compiling the skill reads them; the trace compiler does not, and they are
   * never an input.
   */
  instructions?: string;
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
  /**
   * OpenAI chat logs carry no error flag on tool messages: a tool message whose text matches this
   * pattern is a failed call, its first capture group the error message. A JSON object answer whose
   * only fields are `error` (a string) and `code` is an error too. Anthropic `is_error`, MCP
   * `isError` results and native `error` are recognised in every format.
   * @default /^\s*Error:\s*([\s\S]*)$/ (DEFAULT_TOOL_ERROR_PATTERN)
   */
  toolErrorPattern?: RegExp;
}
