import { createValidator, type JsonSchema, KnackError, type ToolManifestEntry } from '../core/index.js';
import type { ToolDefinition, ToolHandler, ToolPack } from './types.js';
// Dotted names (`github.create_issue`) become nested properties of `tools`, so each segment
// must be a plain identifier-like word that cannot collide with prototype machinery.
const toolNamePattern = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)*$/;
const reservedSegments = new Set(['__proto__', 'prototype', 'constructor', 'then', 'toJSON']);

function checkSchema(name: string, field: string, schema: unknown): void {
  if (
    typeof schema !== 'boolean' &&
    (typeof schema !== 'object' || schema === null || Array.isArray(schema))
  ) {
    throw new KnackError('INVALID_MANIFEST', `Tool \`${name}\`: \`${field}\` must be a JSON Schema object.`, {
      where: { field: `${name}.${field}` },
    });
  }
  try {
    createValidator(schema as JsonSchema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new KnackError('INVALID_MANIFEST', `Tool \`${name}\`: \`${field}\` does not compile: ${reason}`, {
      where: { field: `${name}.${field}` },
      cause: error,
    });
  }
}

function checkEntry(entry: ToolManifestEntry, seen: Set<string>): void {
  const name: unknown = entry?.name;
  if (typeof name !== 'string' || !toolNamePattern.test(name) || name.length > 128) {
    throw new KnackError(
      'INVALID_MANIFEST',
      `Tool name ${JSON.stringify(name)} is invalid: use letters, digits, _ and $, with dots between segments.`,
      { where: { field: 'name' } },
    );
  }
  if (name.split('.').some((segment) => reservedSegments.has(segment))) {
    throw new KnackError('INVALID_MANIFEST', `Tool \`${name}\` uses a reserved name segment; rename it.`, {
      where: { field: name },
    });
  }
  if (seen.has(name)) {
    throw new KnackError('INVALID_MANIFEST', `Tool \`${name}\` is listed twice; keep one entry.`, {
      where: { field: name },
    });
  }
  seen.add(name);
  checkSchema(name, 'inputSchema', entry.inputSchema);
  if (entry.outputSchema !== undefined) checkSchema(name, 'outputSchema', entry.outputSchema);
}

/**
 * Binds host handlers to a tool manifest (the whitelist), for `runSkill`.
 * Every manifest entry needs a handler; extra handlers are an error too.
 * @throws KnackError `INVALID_MANIFEST` naming the tool when a name is invalid or repeated, a
 *   schema does not compile, or a handler is missing or not a function.
 * @example
 * const tools = bindTools(manifest, { get_order: ({ id }) => orders.find(id) });
 */
export function bindTools(
  manifest: readonly ToolManifestEntry[],
  handlers: Record<string, ToolHandler>,
): ToolPack {
  if (!Array.isArray(manifest)) {
    throw new KnackError('INVALID_MANIFEST', 'The tool manifest must be an array of tool entries.');
  }
  const seen = new Set<string>();
  const bound = new Map<string, ToolHandler>();
  const entries: ToolManifestEntry[] = [];
  for (const entry of manifest) {
    checkEntry(entry, seen);
    const handler = Object.hasOwn(handlers, entry.name) ? handlers[entry.name] : undefined;
    if (typeof handler !== 'function') {
      throw new KnackError('INVALID_MANIFEST', `Tool \`${entry.name}\` has no handler function; add one.`, {
        where: { field: entry.name },
      });
    }
    bound.set(entry.name, handler);
    entries.push(Object.freeze({ ...entry }));
  }
  for (const name of Object.keys(handlers)) {
    if (!seen.has(name)) {
      throw new KnackError(
        'INVALID_MANIFEST',
        `Handler \`${name}\` has no manifest entry; add one or drop it.`,
        {
          where: { field: name },
        },
      );
    }
  }
  return Object.freeze({ manifest: Object.freeze(entries), handlers: bound });
}

/**
 * Builds a tool pack from definitions keyed by tool name (dots allowed: `github.create_issue`).
 * @throws KnackError `INVALID_MANIFEST` naming the tool (see `bindTools`).
 * @example
 * const tools = defineTools({
 *   get_order: { inputSchema: { type: 'object' }, handler: ({ id }) => orders.find(id) },
 * });
 */
export function defineTools(defs: Record<string, ToolDefinition>): ToolPack {
  if (typeof defs !== 'object' || defs === null) {
    throw new KnackError('INVALID_MANIFEST', 'defineTools expects an object of tool definitions.');
  }
  const manifest: ToolManifestEntry[] = [];
  const handlers: Record<string, ToolHandler> = {};
  for (const [name, def] of Object.entries(defs)) {
    const { handler, ...entry } = def ?? ({} as ToolDefinition);
    manifest.push({ name, ...entry });
    handlers[name] = handler;
  }
  return bindTools(manifest, handlers);
}
