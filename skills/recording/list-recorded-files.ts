import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Lists a recorded domain's committed files under `dir`: `manifest.json` and
 * `trajectories/<format>/*.json` for each of `formats`, relative and sorted.
 */
export async function listRecordedFiles(dir: string, formats: readonly string[]): Promise<string[]> {
  const files = ['manifest.json'];
  for (const name of formats) {
    const entries = await readdir(join(dir, 'trajectories', name));
    files.push(
      ...entries.filter((entry) => entry.endsWith('.json')).map((entry) => join('trajectories', name, entry)),
    );
  }
  return files.sort();
}
