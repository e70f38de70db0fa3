import type { JsonSchema, ToolAnnotations, ToolManifestEntry } from '../core/index.js';

/** What a tool handler learns about the call it serves. */
export interface ToolCallContext {
  /** 1-based index of this call within the run. */
  step: number;
  /** Aborted when the run ends (limit, timeout, caller abort) before the handler settles. */
  signal: AbortSignal;
}

/** Host implementation of a tool. Runs in the caller's process; receives a validated copy of the args. */
export type ToolHandler = (args: unknown, context: ToolCallContext) => unknown;

/** A tool as given to `defineTools`: its manifest entry minus the name, plus the handler. */
export interface ToolDefinition {
  description?: string;
  inputSchema: JsonSchema;
  outputSchema?: JsonSchema;
  /** Behaviour hints (MCP `ToolAnnotations`). */
  annotations?: ToolAnnotations;
  handler: ToolHandler;
}

/** The tools of a run: the manifest (the whitelist) and the host handlers, keyed by tool name. */
export interface ToolPack {
  readonly manifest: readonly ToolManifestEntry[];
  readonly handlers: ReadonlyMap<string, ToolHandler>;
}

/** Bounds on one run. */
export interface Limits {
  /** Wall-clock limit for the whole run, async work and pending tool calls included, in ms. @default 5000 */
  timeoutMs?: number;
  /** Heap limit of the isolate, in MB. @default 64 */
  memoryLimitMb?: number;
  /** Most tool calls one run may make. @default 100 */
  maxToolCalls?: number;
  /** Largest JSON size of the returned value, in bytes. @default 1_048_576 */
  maxOutputBytes?: number;
  /** Largest total size of captured console output, in bytes. @default 65_536 */
  maxLogBytes?: number;
}

/** Why a run failed. Stable strings; see DESIGN.md. */
export type RunErrorCode =
  | 'TIMEOUT'
  | 'MEMORY_LIMIT'
  | 'TOOL_NOT_ALLOWED'
  | 'INVALID_TOOL_ARGS'
  | 'INVALID_INPUT'
  | 'INVALID_OUTPUT'
  | 'OUTPUT_TOO_LARGE'
  | 'TOOL_FAILED'
  | 'TOOL_CALL_LIMIT'
  | 'SKILL_THREW'
  | 'WORKER_CRASHED'
  | 'COMPILE_ERROR'
  | 'ABORTED'
  | 'DECLINED'
  | 'TOOL_SCHEMA_CHANGED';

/** One tool call made by a run, in order. */
export interface ToolCallRecord {
  /** 1-based position of the call in the run. */
  step: number;
  tool: string;
  args: unknown;
  result?: unknown;
  error?: { code: RunErrorCode; message: string };
  durationMs: number;
}

/** What a run cost. */
export interface RunMetrics {
  wallMs: number;
  cpuMs: number;
  /** Isolate heap in use when the run ended, in bytes. */
  heapUsedBytes: number;
  toolCalls: number;
}

/** One captured `console.*` line. */
export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

/** The error of a failed run. `stack` lines point at the TypeScript source when known. */
export interface RunError {
  code: RunErrorCode;
  message: string;
  /** The tool call (1-based) during or after which the run failed. */
  step?: number;
  stack?: string;
  /** 1-based line of a `COMPILE_ERROR` in the source. */
  line?: number;
  /** 1-based column of a `COMPILE_ERROR` in the source. */
  column?: number;
}

/** The outcome of a run: a skill failure is a result, never an exception. */
export type RunResult =
  | { ok: true; value: unknown; trace: ToolCallRecord[]; metrics: RunMetrics; logs: LogEntry[] }
  | { ok: false; error: RunError; trace: ToolCallRecord[]; metrics: RunMetrics; logs: LogEntry[] };
