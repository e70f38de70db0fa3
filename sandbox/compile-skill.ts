import { createHash } from 'node:crypto';
import { SKILL_BUNDLE_BANNER, SKILL_BUNDLE_BUILD_OPTIONS } from './bundle-format.js';
import { readInlineSourceMap, type SourceMapReader } from './source-map.js';

/** A skill ready for the isolate: bundle code plus a content hash that keys script caches. */
export interface SkillScript {
  code: string;
  hash: string;
  /** Decoded lazily, only when a stack needs mapping. */
  sourceMap(): SourceMapReader | undefined;
}

/** Why a source did not compile, with the 1-based position of the first error. */
export interface CompileFailure {
  message: string;
  line?: number;
  column?: number;
}

export type CompileSkillResult = { ok: true; script: SkillScript } | { ok: false; error: CompileFailure };

const cacheSize = 256;
const bundles = new Map<string, Promise<CompileSkillResult>>();
const modules = new Map<string, Promise<CompileSkillResult>>();

function toScript(code: string): SkillScript {
  let reader: SourceMapReader | undefined | null = null;
  return {
    code,
    hash: createHash('sha256').update(code).digest('base64url').slice(0, 24),
    sourceMap() {
      if (reader === null) reader = readInlineSourceMap(code);
      return reader;
    },
  };
}

async function transform(source: string, filename: string): Promise<CompileSkillResult> {
  // Loaded on first use: callers that only pass bundles never start esbuild's service.
  const esbuild = await import('esbuild');
  try {
    const built = await esbuild.build({
      stdin: { contents: source, loader: 'ts', sourcefile: filename, resolveDir: '/' },
      ...SKILL_BUNDLE_BUILD_OPTIONS,
      plugins: [
        {
          name: 'knack-forbid-imports',
          setup(build) {
            // `import type { Tools } from "knack:tools"` is erased before resolution; any import that
            // survives would bring code from outside the skill into the isolate.
            build.onResolve({ filter: /.*/ }, (args) => ({
              errors: [
                {
                  text: `Import "${args.path}" is not allowed in a skill: only \`import type\` from "knack:tools".`,
                },
              ],
            }));
          },
        },
      ],
    });
    const output = built.outputFiles[0];
    if (!output) return { ok: false, error: { message: `${filename}: esbuild produced no output.` } };
    return { ok: true, script: toScript(output.text) };
  } catch (error) {
    const first = (
      error as { errors?: { text: string; location?: { line: number; column: number } | null }[] }
    ).errors?.[0];
    if (!first) return { ok: false, error: { message: `${filename}: ${String(error)}` } };
    const line = first.location?.line;
    const column = first.location ? first.location.column + 1 : undefined;
    const where = line === undefined ? filename : `${filename}:${line}:${column}`;
    return { ok: false, error: { message: `${where}: ${first.text}`, line, column } };
  }
}

/**
 * Turns a skill source into a bundle for the isolate: a source that starts with the bundle banner
 * is used as is, anything else is a TypeScript skill module transformed by esbuild. Cached by text.
 */
export function compileSkill(source: string, filename: string): Promise<CompileSkillResult> {
  const isBundle = source.startsWith(SKILL_BUNDLE_BANNER);
  // Bundles do not depend on the filename: keyed by the source string itself, a repeated run
  // with the same string hashes nothing (V8 keeps a string's hash on the string).
  const cache = isBundle ? bundles : modules;
  const key = isBundle ? source : `${filename}\0${source}`;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const result = isBundle
    ? Promise.resolve<CompileSkillResult>({ ok: true, script: toScript(source) })
    : transform(source, filename);
  cache.set(key, result);
  // A failure without a position is esbuild itself failing, not the source: do not keep it.
  void result.then((outcome) => {
    if (!outcome.ok && outcome.error.line === undefined) cache.delete(key);
  });
  if (cache.size > cacheSize) cache.delete(cache.keys().next().value as string);
  return result;
}
