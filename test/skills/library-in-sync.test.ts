import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildLibrary, LIBRARY_DIR } from '../../skills/build-library.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

describe('skills/library (the exported example library)', () => {
  const scratch = mkdtemp(join(tmpdir(), 'knack-library-sync-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it('is exactly what the compiler and `knack export` make today (run `npm run skills:build` after a change)', async () => {
    const rebuilt = join(await scratch, 'library');
    await buildLibrary(rebuilt);
    const committed = await listFiles(LIBRARY_DIR);
    expect(await listFiles(rebuilt)).toEqual(committed);
    expect(committed.length).toBeGreaterThan(20);
    for (const file of committed) {
      const [now, before] = await Promise.all([
        readFile(join(rebuilt, file), 'utf8'),
        readFile(join(LIBRARY_DIR, file), 'utf8'),
      ]);
      expect(now, `${file} differs from the committed library`).toBe(before);
    }
  }, 60_000);
});
