import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { playConversation } from './_conversation-runner.js';
import { toNativeTrajectory, toOpenAiTrajectory } from './_trajectory-formats.js';
import { airlineManifest } from './airline-manifest.js';
import { airlineRuns } from './task-shapes.js';
import { listRecordedFiles, writeRecordedJson } from '../recording/index.js';

/** The folder of the airline domain, where `manifest.json` and `trajectories/` are committed. */
export const AIRLINE_DIR: string = dirname(fileURLToPath(import.meta.url));

const formats = { native: toNativeTrajectory, openai: toOpenAiTrajectory } as const;

const writeJson = (path: string, value: unknown): Promise<void> =>
  writeRecordedJson(AIRLINE_DIR, path, value);

/**
 * Plays every run of every task shape against a fresh seeded airline and writes `manifest.json`
 * and `trajectories/<native|openai>/<id>.json` under `outDir` (old trajectory files are removed
 * first). Returns the written paths relative to `outDir`, sorted.
 * @example
 * npx tsx skills/airline/record-trajectories.ts   # rewrites the committed files
 */
export async function recordAirlineTrajectories(outDir: string = AIRLINE_DIR): Promise<string[]> {
  const written: string[] = [];
  await rm(join(outDir, 'trajectories'), { recursive: true, force: true });
  await writeJson(join(outDir, 'manifest.json'), airlineManifest);
  written.push('manifest.json');
  for (const run of airlineRuns) {
    const conversation = playConversation((agent) =>
      run.shape.converse(agent, run.facts, run.agent, run.voice),
    );
    for (const [name, convert] of Object.entries(formats)) {
      const path = join(outDir, 'trajectories', name, `${run.id}.json`);
      await writeJson(path, convert(run, conversation));
      written.push(relative(outDir, path));
    }
  }
  return written.sort();
}

/** Lists the committed trajectory and manifest files under `dir`, relative and sorted. */
export function listAirlineFiles(dir: string = AIRLINE_DIR): Promise<string[]> {
  return listRecordedFiles(dir, Object.keys(formats));
}

// Run as a script: `npx tsx skills/airline/record-trajectories.ts`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  recordAirlineTrajectories().then(
    (written) =>
      process.stdout.write(
        `Recorded ${written.length} files under ${relative(process.cwd(), AIRLINE_DIR)}\n`,
      ),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
