import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineTools, type ToolDefinition, type ToolPack } from '../../sandbox/index.js';
import { KnackError, safeParseJson, type ToolManifestEntry } from '../../core/index.js';

/** What `--tools` named: always a manifest; with handlers only when it is a JS/TS module. */
export interface LoadedTools {
  manifest: ToolManifestEntry[];
  /** Makes a fresh ToolPack (a module's `createTools()`, else its one pack). Absent for a JSON manifest. */
  createTools?: () => ToolPack;
}

function isPack(value: unknown): value is ToolPack {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray((value as ToolPack).manifest) &&
    (value as ToolPack).handlers instanceof Map
  );
}

function isDefinitions(value: unknown): value is Record<string, ToolDefinition> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.values(value);
  return (
    entries.length > 0 &&
    entries.every(
      (entry) => typeof entry === 'object' && entry !== null && 'inputSchema' in entry && 'handler' in entry,
    )
  );
}

function asPack(value: unknown): ToolPack | undefined {
  if (isPack(value)) return value;
  if (isDefinitions(value)) return defineTools(value);
  return undefined;
}

/** A manifest array, an MCP `tools/list` answer (`{ tools }`), or definitions without handlers. */
function asManifest(value: unknown): ToolManifestEntry[] | undefined {
  if (Array.isArray(value)) return value as ToolManifestEntry[];
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (Array.isArray(record['tools'])) return record['tools'] as ToolManifestEntry[];
  // Definitions keyed by tool name, with or without handlers: enough to compile against.
  const entries = Object.entries(record);
  if (
    entries.length === 0 ||
    !entries.every(([, entry]) => typeof entry === 'object' && entry !== null && 'inputSchema' in entry)
  )
    return undefined;
  return entries.map(([name, entry]) => {
    const { description, inputSchema, outputSchema } = entry as ToolManifestEntry;
    return {
      name,
      inputSchema,
      ...(description ? { description } : {}),
      ...(outputSchema ? { outputSchema } : {}),
    };
  });
}

const expected =
  'a manifest array, { tools: [...] }, or a module exporting `createTools()`, a ToolPack or tool definitions';

/**
 * Reads `--tools PATH`: a JSON manifest, or a JS/TS module whose `createTools` export (a function
 * returning a pack or definitions), default export or `tools` export is a ToolPack or definitions.
 * @throws KnackError `INVALID_MANIFEST` naming the file.
 */
export async function loadTools(path: string): Promise<LoadedTools> {
  if (path.endsWith('.json')) {
    const parsed = safeParseJson(await readFile(path, 'utf8'));
    if (!parsed.ok)
      throw new KnackError('INVALID_MANIFEST', `${path}: not valid JSON: ${parsed.message}.`, {
        where: { file: path },
      });
    const manifest = asManifest(parsed.value);
    if (!manifest)
      throw new KnackError('INVALID_MANIFEST', `${path}: expected ${expected}.`, { where: { file: path } });
    return { manifest };
  }
  const module = (await import(pathToFileURL(resolve(path)).href)) as Record<string, unknown>;
  const factory = module['createTools'];
  if (typeof factory === 'function') {
    const make = (): ToolPack => {
      const pack = asPack((factory as () => unknown)());
      if (!pack)
        throw new KnackError(
          'INVALID_MANIFEST',
          `${path}: createTools() must return a ToolPack or tool definitions.`,
          { where: { file: path } },
        );
      return pack;
    };
    return { manifest: [...make().manifest], createTools: make };
  }
  const pack = asPack(module['default'] ?? module['tools']);
  if (pack) return { manifest: [...pack.manifest], createTools: () => pack };
  const manifest = asManifest(module['default'] ?? module['tools']);
  if (manifest) return { manifest };
  throw new KnackError('INVALID_MANIFEST', `${path}: expected ${expected}.`, { where: { file: path } });
}

/** Reads `--tools` for commands that run skills: handlers are required. */
export async function loadToolPack(path: string): Promise<() => ToolPack> {
  const loaded = await loadTools(path);
  if (!loaded.createTools) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `${path} is a manifest without handlers; running needs a JS/TS module exporting \`createTools()\` or a ToolPack.`,
      { where: { file: path } },
    );
  }
  return loaded.createTools;
}

/** Reads `--input`: inline JSON, or `@file.json`, or a path ending in .json. */
export async function loadJsonArgument(flag: string, text: string): Promise<unknown> {
  const isFile = text.startsWith('@') || text.endsWith('.json');
  const source = isFile ? await readFile(text.replace(/^@/, ''), 'utf8') : text;
  const parsed = safeParseJson(source);
  if (!parsed.ok)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `--${flag} ${isFile ? text : ''}: not valid JSON: ${parsed.message}.`,
      { where: { field: flag } },
    );
  return parsed.value;
}
