import { access, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { combineToolPacks, defineTools, type ToolDefinition, type ToolPack } from '../../sandbox/index.js';
import { KnackError, safeParseJson, type ToolManifestEntry } from '../../core/index.js';
import { connectMcpToolPack, parseMcpServerSpec, type McpServerTarget } from '../mcp/index.js';
import { importPackModule } from './import-pack-module.js';

/** What `--tools` named: always a manifest; with handlers only when every spec has them. */
export interface LoadedTools {
  manifest: ToolManifestEntry[];
  /** Makes a fresh ToolPack (a module's `createTools()`, else its one pack). Absent for a JSON manifest. */
  createTools?: () => ToolPack;
  /** Closes the MCP clients the specs opened (their stdio servers end). Idempotent. */
  close: () => Promise<void>;
}

/** What `--tools` named, with handlers: for commands that run skills. */
export interface LoadedToolPack {
  createTools: () => ToolPack;
  close: () => Promise<void>;
}

type LoadedSpec = Omit<LoadedTools, 'close'> & { close?: () => Promise<void> };

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
 * Reads a file spec: a JSON manifest, or a JS/TS module whose `createTools` export (a function
 * returning a pack or definitions), default export or `tools` export is a ToolPack or definitions.
 */
async function loadFile(path: string): Promise<LoadedSpec> {
  try {
    await access(path);
  } catch (error) {
    throw new KnackError('INVALID_ARGUMENT', `--tools ${path}: no such file.`, { cause: error });
  }
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
  const module = await importPackModule(pathToFileURL(resolve(path)).href, path);
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

// `fs=mcp+stdio:"..."` or `desk=pack.ts`: a dotted name, then `=`. An MCP spec never matches
// (`mcp+stdio` is no name); a path whose folder part is a bare name would, so write `./a=b.ts`.
const prefixed = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)=(.+)$/s;

async function loadSpec(spec: string): Promise<LoadedSpec & { prefix?: string }> {
  const match = prefixed.exec(spec);
  const prefix = match?.[1];
  const text = match?.[2] ?? spec;
  const server = parseMcpServerSpec(text);
  const loaded = server ? await loadMcp(server) : await loadFile(text);
  return { ...loaded, ...(prefix === undefined ? {} : { prefix }) };
}

async function loadMcp(server: McpServerTarget): Promise<LoadedSpec> {
  const pack = await connectMcpToolPack({ server });
  return { manifest: [...pack.manifest], createTools: () => pack, close: () => pack.close() };
}

function combineManifests(parts: readonly (LoadedSpec & { prefix?: string })[]): ToolManifestEntry[] {
  const manifest: ToolManifestEntry[] = [];
  const seen = new Set<string>();
  for (const part of parts) {
    for (const entry of part.manifest) {
      const name = part.prefix === undefined ? entry.name : `${part.prefix}.${entry.name}`;
      if (seen.has(name)) {
        throw new KnackError(
          'INVALID_ARGUMENT',
          `--tools: \`${name}\` comes from two specs; put one under a prefix (NAME=SPEC).`,
          { where: { field: 'tools' } },
        );
      }
      seen.add(name);
      manifest.push({ ...entry, name });
    }
  }
  return manifest;
}

/**
 * Reads every `--tools` spec and combines them: a JSON manifest, a JS/TS pack module,
 * `mcp+stdio:"COMMAND ARGS"` or `mcp+http://HOST:PORT/PATH`, each optionally as `PREFIX=SPEC`
 * (its tools become `PREFIX.name`). Close the result when the command ends.
 * @throws KnackError `INVALID_MANIFEST` naming the file, `MCP_SERVER_FAILED` naming the server,
 *   `INVALID_ARGUMENT` for a malformed spec or a name two specs give.
 */
export async function loadTools(specs: string | readonly string[]): Promise<LoadedTools> {
  const parts: (LoadedSpec & { prefix?: string })[] = [];
  const close = async (): Promise<void> => {
    await Promise.all(parts.map((part) => part.close?.()));
  };
  try {
    for (const spec of [specs].flat()) parts.push(await loadSpec(spec));
    const [only] = parts;
    if (parts.length === 1 && only && only.prefix === undefined) return { ...only, close };
    const manifest = combineManifests(parts);
    const makers = parts.map((part) => part.createTools);
    const hasHandlers = makers.every((make) => make !== undefined);
    const createTools = (): ToolPack =>
      combineToolPacks(
        parts.map((part) => ({
          pack: (part.createTools as () => ToolPack)(),
          ...(part.prefix === undefined ? {} : { prefix: part.prefix }),
        })),
      );
    return { manifest, ...(hasHandlers ? { createTools } : {}), close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Reads `--tools` for commands that run skills: handlers are required. Close it when done. */
export async function loadToolPack(specs: string | readonly string[]): Promise<LoadedToolPack> {
  const loaded = await loadTools(specs);
  if (!loaded.createTools) {
    await loaded.close();
    throw new KnackError(
      'INVALID_ARGUMENT',
      `--tools ${[specs].flat().join(' ')}: a manifest without handlers; running needs a JS/TS module exporting \`createTools()\` or a ToolPack, or an MCP server.`,
      { where: { field: 'tools' } },
    );
  }
  return { createTools: loaded.createTools, close: loaded.close };
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
