import { createValidator, type JsonSchema, type Validator, KnackError } from '../core/index.js';
import type { Limits, ToolHandler, ToolPack } from './types.js';

/** What to run and with which tools and limits. */
export interface RunSkillOptions {
  /** A TypeScript skill module (see DESIGN.md), or a bundle starting with `SKILL_BUNDLE_BANNER`. */
  source: string;
  /** The skill's input; must be JSON data. @default undefined */
  input?: unknown;
  /** The whitelist of this run, from `defineTools` or `bindTools`. */
  tools: ToolPack;
  /** Bounds of the run; each field has its own default (see `Limits`). */
  limits?: Limits;
  /** Aborting it ends the run with `ABORTED`. */
  signal?: AbortSignal;
  /** When given, the input is checked against it first (`INVALID_INPUT`). */
  inputSchema?: JsonSchema;
  /** When given, the returned value is checked against it (`INVALID_OUTPUT`). */
  outputSchema?: JsonSchema;
  /** Name of the source in compile errors and stack traces. @default 'skill.ts' */
  filename?: string;
}

/** A tool of the pack with its schemas compiled. */
export interface BoundTool {
  handler: ToolHandler;
  checkInput: Validator<unknown>;
  checkOutput?: Validator<unknown>;
}

export interface ResolvedRunOptions {
  source: string;
  input: unknown;
  tools: ReadonlyMap<string, BoundTool>;
  toolNames: string[];
  limits: Required<Limits>;
  signal?: AbortSignal;
  checkInput?: Validator<unknown>;
  checkOutput?: Validator<unknown>;
  filename: string;
}

const defaults: Required<Limits> = {
  timeoutMs: 5000,
  memoryLimitMb: 64,
  maxToolCalls: 100,
  maxOutputBytes: 1_048_576,
  maxLogBytes: 65_536,
};
// isolated-vm refuses heaps under 8 MB; timers above 2^31-1 ms fire at once.
const bounds: Record<keyof Limits, [number, number]> = {
  timeoutMs: [1, 2_147_483_647],
  memoryLimitMb: [8, 65_536],
  maxToolCalls: [0, 1_000_000],
  maxOutputBytes: [1, 512 * 1024 * 1024],
  maxLogBytes: [0, 64 * 1024 * 1024],
};
const packs = new WeakMap<ToolPack, { tools: Map<string, BoundTool>; names: string[] }>();

function invalid(field: string, message: string, cause?: unknown): KnackError {
  return new KnackError('INVALID_ARGUMENT', `\`${field}\` ${message}`, { where: { field }, cause });
}

function compileSchema(field: string, schema: unknown): Validator<unknown> {
  if (
    typeof schema !== 'boolean' &&
    (typeof schema !== 'object' || schema === null || Array.isArray(schema))
  ) {
    throw invalid(field, 'must be a JSON Schema object.');
  }
  try {
    return createValidator(schema as JsonSchema);
  } catch (error) {
    throw invalid(
      field,
      `does not compile: ${error instanceof Error ? error.message : String(error)}`,
      error,
    );
  }
}

/** Fills in and checks limits. @throws KnackError `INVALID_ARGUMENT` naming the field. */
export function resolveLimits(limits: Limits | undefined): Required<Limits> {
  if (limits !== undefined && (typeof limits !== 'object' || limits === null)) {
    throw invalid('limits', 'must be an object.');
  }
  const resolved = { ...defaults };
  for (const key of Object.keys(defaults) as (keyof Limits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    const [min, max] = bounds[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw invalid(`limits.${key}`, `must be an integer from ${min} to ${max}, got ${String(value)}.`);
    }
    resolved[key] = value;
  }
  return resolved;
}

function bindPack(pack: ToolPack): { tools: Map<string, BoundTool>; names: string[] } {
  let bound = packs.get(pack);
  if (bound) return bound;
  if (!pack || !Array.isArray(pack.manifest) || !(pack.handlers instanceof Map)) {
    throw invalid('tools', 'must be a tool pack from defineTools or bindTools.');
  }
  const tools = new Map<string, BoundTool>();
  for (const entry of pack.manifest) {
    const handler = pack.handlers.get(entry.name);
    if (typeof handler !== 'function') throw invalid('tools', `has no handler for \`${entry.name}\`.`);
    tools.set(entry.name, {
      handler,
      checkInput: compileSchema(`tools.${entry.name}.inputSchema`, entry.inputSchema),
      ...(entry.outputSchema === undefined
        ? {}
        : { checkOutput: compileSchema(`tools.${entry.name}.outputSchema`, entry.outputSchema) }),
    });
  }
  bound = { tools, names: [...tools.keys()] };
  packs.set(pack, bound);
  return bound;
}

/** Checks `runSkill` options. @throws KnackError `INVALID_ARGUMENT` naming the field. */
export function resolveRunOptions(options: RunSkillOptions): ResolvedRunOptions {
  if (typeof options !== 'object' || options === null) throw invalid('options', 'must be an object.');
  if (typeof options.source !== 'string' || options.source.trim() === '') {
    throw invalid('source', 'must be the non-empty text of a skill module or bundle.');
  }
  if (options.filename !== undefined && (typeof options.filename !== 'string' || options.filename === '')) {
    throw invalid('filename', 'must be a non-empty string.');
  }
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw invalid('signal', 'must be an AbortSignal.');
  }
  const { tools, names } = bindPack(options.tools);
  return {
    source: options.source,
    input: options.input,
    tools,
    toolNames: names,
    limits: resolveLimits(options.limits),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.inputSchema === undefined
      ? {}
      : { checkInput: compileSchema('inputSchema', options.inputSchema) }),
    ...(options.outputSchema === undefined
      ? {}
      : { checkOutput: compileSchema('outputSchema', options.outputSchema) }),
    filename: options.filename ?? 'skill.ts',
  };
}
