import { rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { orderScenarios } from './_order-scenarios.js';
import { playScenario, type Scenario } from './_scenario-runner.js';
import { ticketScenarios } from './_ticket-scenarios.js';
import { toAnthropicTrajectory, toNativeTrajectory, toOpenAiTrajectory } from './_trajectory-formats.js';
import { supportDeskManifest } from './support-desk-manifest.js';
import { listRecordedFiles as listFiles, writeRecordedJson } from '../recording/index.js';

/** The folder of the support-desk pack, where `manifest.json` and `trajectories/` are committed. */
export const SUPPORT_DESK_DIR: string = dirname(fileURLToPath(import.meta.url));

/** Every scripted run, in catalogue order. */
export const scenarios: readonly Scenario[] = [...orderScenarios, ...ticketScenarios];

const formats = {
  native: toNativeTrajectory,
  openai: toOpenAiTrajectory,
  anthropic: toAnthropicTrajectory,
} as const;

const writeJson = (path: string, value: unknown): Promise<void> =>
  writeRecordedJson(SUPPORT_DESK_DIR, path, value);

/**
 * Plays every scenario against a fresh `createSupportDesk()` and writes `manifest.json` and
 * `trajectories/<native|openai|anthropic>/<id>.json` under `outDir` (old trajectory files are
 * removed first). Returns the written paths relative to `outDir`, sorted.
 * @example
 * npx tsx skills/support-desk/record-trajectories.ts   # rewrites the committed files
 */
export async function recordTrajectories(outDir: string = SUPPORT_DESK_DIR): Promise<string[]> {
  const written: string[] = [];
  await rm(join(outDir, 'trajectories'), { recursive: true, force: true });
  await writeJson(join(outDir, 'manifest.json'), supportDeskManifest);
  written.push('manifest.json');
  for (const scenario of scenarios) {
    const recording = playScenario(scenario);
    for (const [name, convert] of Object.entries(formats)) {
      const path = join(outDir, 'trajectories', name, `${scenario.id}.json`);
      await writeJson(path, convert(recording));
      written.push(relative(outDir, path));
    }
  }
  return written.sort();
}

/** Lists the committed trajectory and manifest files under `dir`, relative and sorted. */
export function listRecordedFiles(dir: string = SUPPORT_DESK_DIR): Promise<string[]> {
  return listFiles(dir, Object.keys(formats));
}

// Run as a script: `npx tsx skills/support-desk/record-trajectories.ts`. No top-level await, so
// importing this module stays synchronous.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  recordTrajectories().then(
    (written) =>
      process.stdout.write(
        `Recorded ${written.length} files under ${relative(process.cwd(), SUPPORT_DESK_DIR)}\n`,
      ),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
