import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { workerDirectory } from './_worker-privileges.js';

let entry: Promise<string> | undefined;

/** Absolute path of isolated-vm's entry, resolved here (not loaded) and handed to the worker. */
export function isolatedVmPath(): string {
  return createRequire(import.meta.url).resolve('isolated-vm');
}

/** Whether `path` is a regular file (not a link) of this user that nobody else may write. */
function isOwnFile(path: string): boolean {
  try {
    const stat = lstatSync(path);
    const uid = process.getuid?.();
    return stat.isFile() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

async function buildEntry(source: string): Promise<string> {
  // Keyed by the sources of this folder, so an unchanged tree skips esbuild (and its service
  // start) entirely: a pool opens as fast as from dist.
  const folder = join(source, '..');
  const sources = createHash('sha256');
  for (const file of readdirSync(folder)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    sources.update(file).update(readFileSync(join(folder, file)));
  }
  // In this user's private directory (see workerDirectory), never a shared, predictable /tmp
  // path someone else could have written first; and checked again before use.
  const file = join(workerDirectory(), `worker-${sources.digest('base64url').slice(0, 16)}.mjs`);
  if (isOwnFile(file)) return file;
  const esbuild = await import('esbuild');
  const built = await esbuild.build({
    entryPoints: [source],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['isolated-vm'],
    logLevel: 'silent',
  });
  // Write then rename: concurrent test processes may build the same entry at once.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, built.outputFiles[0]?.text ?? '', { mode: 0o644 });
  renameSync(partial, file);
  return file;
}

/**
 * The script a worker process runs. In a built package the compiled `worker-main.js` sibling is
 * used directly. From TypeScript sources (tests, dev) Node 20 cannot strip types, and a tsx
 * loader costs ~150 ms per fork; instead the entry is bundled once with esbuild (~30 ms) into a
 * .mjs in this user's private temp directory, named by a hash of the sources, shared by every later process: forks
 * start as fast as from dist.
 */
export function workerEntry(): Promise<string> {
  entry ??= (async () => {
    const here = fileURLToPath(import.meta.url);
    if (here.endsWith('.js')) {
      const built = join(here, '..', 'worker-main.js');
      if (existsSync(built)) return built;
    }
    return buildEntry(join(here, '..', 'worker-main.ts'));
  })();
  return entry;
}
