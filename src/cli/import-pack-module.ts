import { KnackError } from '../../core/index.js';

const typeScriptFile = /\.[cm]?ts$/;
let typeScriptLoader: Promise<void> | undefined;

// Run from source (tsx, vitest) this file is TypeScript itself and `.ts` imports already work.
// Built, plain Node refuses them (ERR_UNKNOWN_FILE_EXTENSION), so register tsx's ESM loader on
// first need: once per process, and never when no TypeScript pack is given.
async function ensureTypeScriptLoader(path: string): Promise<void> {
  if (import.meta.url.endsWith('.ts')) return;
  typeScriptLoader ??= (async () => {
    let api: { register: () => unknown };
    try {
      api = await import('tsx/esm/api');
    } catch (error) {
      throw new KnackError(
        'DEPENDENCY_MISSING',
        `--tools ${path}: a TypeScript pack needs tsx (npm install tsx), or compile the pack to .js.`,
        { cause: error },
      );
    }
    api.register();
  })();
  await typeScriptLoader;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/**
 * Imports the module of a `--tools` pack, JavaScript or TypeScript, from source or built.
 * @throws KnackError `INVALID_MANIFEST` naming the file and the first line of the reason when
 *   the module does not load; `DEPENDENCY_MISSING` for TypeScript without tsx.
 */
export async function importPackModule(url: string, path: string): Promise<Record<string, unknown>> {
  if (typeScriptFile.test(path)) await ensureTypeScriptLoader(path);
  try {
    return (await import(url)) as Record<string, unknown>;
  } catch (error) {
    throw new KnackError(
      'INVALID_MANIFEST',
      `--tools ${path}: the module did not load: ${firstLine(error)}`,
      {
        where: { file: path },
        cause: error,
      },
    );
  }
}
