import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createValidator, safeParseJson, KnackError } from '../../core/index.js';
import type { SkillStore } from './skill-store-types.js';
import type { SkillSnapshot } from './skill-snapshot.js';

/**
 * Layout of an exported library, one folder per skill:
 * `<name>/v<N>.ts` (source), `<name>/v<N>.bundle.js` (the runnable bundle, kept so a version
 * runs without rebuilding), `<name>/v<N>.js.map` (sourcemap, when stored), `<name>/v<N>.cases.json`
 * (the version's test cases and the tool schemas they replay against, when stored), and
 * `<name>/skill.json`: every record minus those, with run counters, the history and the counters.
 */
const format = 'knack-library/v1';
const casesFormat = 'knack-cases/v1';

type StoredVersion = SkillSnapshot['versions'][number];
type ExportedVersion = Omit<StoredVersion, 'source' | 'bundle' | 'sourcemap' | 'cases' | 'toolSchemas'>;

interface CasesFile {
  format: typeof casesFormat;
  /** `name@N` of the version the cases belong to. */
  skill: string;
  tools: NonNullable<StoredVersion['toolSchemas']>;
  cases: NonNullable<StoredVersion['cases']>;
}

const validateCasesFile = createValidator<CasesFile>({
  type: 'object',
  required: ['format', 'skill', 'tools', 'cases'],
  properties: {
    format: { const: casesFormat },
    skill: { type: 'string' },
    tools: { type: 'array', items: { type: 'object' } },
    cases: { type: 'array', items: { type: 'object' } },
  },
});

interface SkillFile {
  format: typeof format;
  name: string;
  files: string;
  claimedVersions: number;
  claimedEvents: number;
  versions: ExportedVersion[];
  history: SkillSnapshot['history'];
}

const validateSkillFile = createValidator<SkillFile>({
  type: 'object',
  required: ['format', 'name', 'claimedVersions', 'claimedEvents', 'versions', 'history'],
  properties: {
    format: { const: format },
    name: { type: 'string' },
    claimedVersions: { type: 'integer', minimum: 0 },
    claimedEvents: { type: 'integer', minimum: 0 },
    versions: { type: 'array', items: { type: 'object', required: ['version', 'reliability'] } },
    history: { type: 'array', items: { type: 'object' } },
  },
});

/** Options of `exportLibrary` and `importLibrary`. */
export interface LibraryFilesOptions {
  /** The library to export from, or to import into. */
  store: SkillStore;
  /** The folder of library files (`<dir>/<name>/v<N>.ts`, `skill.json`, ...). */
  dir: string;
  /** Stops between skills. */
  signal?: AbortSignal;
}

/** What `exportLibrary` wrote. */
export interface ExportLibraryResult {
  skills: { name: string; versions: number[] }[];
  /** Paths written, relative to the folder. */
  files: string[];
}

/** What `importLibrary` loaded. */
export interface ImportLibraryResult {
  skills: { name: string; versions: number[] }[];
}

function checkOptions(options: LibraryFilesOptions, caller: string): void {
  if (typeof options?.store?.list !== 'function')
    throw new KnackError('INVALID_ARGUMENT', `${caller} needs \`store\`: a store from openStore().`, {
      where: { field: 'store' },
    });
  if (typeof options.dir !== 'string' || options.dir === '')
    throw new KnackError('INVALID_ARGUMENT', `${caller} needs \`dir\`: the folder of library files.`, {
      where: { field: 'dir' },
    });
}

function writeText(dir: string, path: string, text: string, written: string[]): void {
  writeFileSync(join(dir, path), text);
  written.push(path);
}

/**
 * Writes the whole library to `dir` as reviewable files (see the layout above). Deterministic:
 * the same store exports byte-identical files.
 * @throws KnackError INVALID_ARGUMENT, STORE_CORRUPT, CLOSED.
 * @example await exportLibrary({ store, dir: 'skills/library' });
 */
export async function exportLibrary(options: LibraryFilesOptions): Promise<ExportLibraryResult> {
  checkOptions(options, 'exportLibrary');
  const { store, dir } = options;
  const result: ExportLibraryResult = { skills: [], files: [] };
  for (const { name } of await store.list()) {
    options.signal?.throwIfAborted();
    const snapshot = await store.snapshot(name);
    mkdirSync(join(dir, name), { recursive: true });
    const versions: ExportedVersion[] = [];
    for (const { source, bundle, sourcemap, cases, toolSchemas, ...rest } of snapshot.versions) {
      writeText(dir, `${name}/v${rest.version}.ts`, source, result.files);
      writeText(dir, `${name}/v${rest.version}.bundle.js`, bundle, result.files);
      if (sourcemap !== undefined) writeText(dir, `${name}/v${rest.version}.js.map`, sourcemap, result.files);
      if (cases !== undefined) {
        const file: CasesFile = {
          format: casesFormat,
          skill: `${name}@${rest.version}`,
          tools: toolSchemas ?? [],
          cases,
        };
        writeText(
          dir,
          `${name}/v${rest.version}.cases.json`,
          `${JSON.stringify(file, null, 2)}\n`,
          result.files,
        );
      }
      versions.push(rest);
    }
    const file: SkillFile = {
      format,
      name,
      files:
        'v<N>.ts is the source of version N, v<N>.bundle.js its bundle, v<N>.js.map its sourcemap, v<N>.cases.json its test cases (each when stored)',
      claimedVersions: snapshot.claimedVersions,
      claimedEvents: snapshot.claimedEvents,
      versions,
      history: snapshot.history,
    };
    writeText(dir, `${name}/skill.json`, `${JSON.stringify(file, null, 2)}\n`, result.files);
    result.skills.push({ name, versions: versions.map((version) => version.version) });
  }
  return result;
}

function readText(path: string, isOptional = false): string | undefined {
  if (isOptional && !existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new KnackError('INVALID_RECORD', `Cannot read ${path}: ${(error as Error).message}`, {
      cause: error,
      where: { file: path },
    });
  }
}

function readCases(folder: string, version: number): Pick<StoredVersion, 'cases' | 'toolSchemas'> {
  const path = join(folder, `v${version}.cases.json`);
  const text = readText(path, true);
  if (text === undefined) return {};
  const parsed = safeParseJson(text, validateCasesFile);
  if (!parsed.ok)
    throw new KnackError('INVALID_RECORD', `${path}: ${parsed.message}`, { where: { file: path } });
  // The store validates each case with the rest of the record when it restores the snapshot.
  return { toolSchemas: parsed.value.tools, cases: parsed.value.cases };
}

function readSkillFolder(folder: string): SkillSnapshot {
  const path = join(folder, 'skill.json');
  const parsed = safeParseJson(readText(path) ?? '', validateSkillFile);
  if (!parsed.ok)
    throw new KnackError('INVALID_RECORD', `${path}: ${parsed.message}`, { where: { file: path } });
  const { name, claimedVersions, claimedEvents, versions, history } = parsed.value;
  return {
    name,
    claimedVersions,
    claimedEvents,
    history,
    versions: versions.map((version) => {
      const sourcemap = readText(join(folder, `v${version.version}.js.map`), true);
      return {
        ...version,
        source: readText(join(folder, `v${version.version}.ts`)) ?? '',
        bundle: readText(join(folder, `v${version.version}.bundle.js`)) ?? '',
        ...(sourcemap === undefined ? {} : { sourcemap }),
        ...readCases(folder, version.version),
      };
    }),
  };
}

/**
 * Loads a folder written by `exportLibrary` into `store`, keeping version numbers, history and
 * counters. A source edited after export fails its content hash (INVALID_RECORD).
 * @throws KnackError INVALID_ARGUMENT, NOT_FOUND, INVALID_RECORD (naming the file), ALREADY_EXISTS, CLOSED.
 * @example await importLibrary({ store, dir: 'skills/library' });
 */
export async function importLibrary(options: LibraryFilesOptions): Promise<ImportLibraryResult> {
  checkOptions(options, 'importLibrary');
  const { store, dir } = options;
  if (!existsSync(dir))
    throw new KnackError('NOT_FOUND', `No folder ${dir} to import.`, { where: { file: dir } });
  const folders = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'skill.json')))
    .map((entry) => entry.name)
    .sort();
  const snapshots = folders.map((folder) => readSkillFolder(join(dir, folder)));
  const result: ImportLibraryResult = { skills: [] };
  for (const snapshot of snapshots) {
    options.signal?.throwIfAborted();
    await store.restore(snapshot);
    result.skills.push({
      name: snapshot.name,
      versions: snapshot.versions.map((version) => version.version),
    });
  }
  return result;
}
