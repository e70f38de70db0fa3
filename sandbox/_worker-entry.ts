import { createHash } from 'node:crypto';
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

let entry: Promise<string> | undefined;

/** Absolute path of isolated-vm's entry, resolved here (not loaded) and handed to the worker. */
export function isolatedVmPath(): string {
  return createRequire(import.meta.url).resolve('isolated-vm');
}

async function buildEntry(source: string): Promise<string> {
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
  const text = built.outputFiles[0]?.text ?? '';
  const hash = createHash('sha256').update(text).digest('base64url').slice(0, 16);
  const file = join(tmpdir(), `knack-worker-${hash}.mjs`);
  if (!existsSync(file)) {
    // Write then rename: concurrent test processes may build the same entry at once.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  }
  return file;
}

/**
 * The script a worker process runs. In a built package the compiled `worker-main.js` sibling is
 * used directly. From TypeScript sources (tests, dev) Node 20 cannot strip types, and a tsx
 * loader costs ~150 ms per fork; instead the entry is bundled once with esbuild (~30 ms) into a
 * content-hashed .mjs in the temp dir, shared by every later process: forks start as fast as
 * from dist.
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
