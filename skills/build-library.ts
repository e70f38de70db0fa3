// Regenerates skills/library/, the exported example skill library, from the support-desk
// trajectories: `npx tsx --no-node-snapshot skills/build-library.ts [DIR]`. A test rebuilds it
// into a temporary folder and compares bytes, so a compiler change shows up as a reviewable diff.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTrajectories } from '../compiler/index.js';
import { exportLibrary, openStore } from '../src/index.js';
import { SEED_NOW, supportDeskManifest, trajectoryFiles } from './support-desk/index.js';

/** Where the committed library lives. */
export const LIBRARY_DIR: string = join(dirname(fileURLToPath(import.meta.url)), 'library');

/** A clock that starts at the desk's seed time and moves one second per reading, for reproducible records. */
function fixedClock(): () => Date {
  let tick = 0;
  return () => new Date(Date.parse(SEED_NOW) + 1000 * tick++);
}

/** Compiles the native example trajectories, publishes and activates each verified skill, and exports the library to `dir`. */
export async function buildLibrary(dir: string = LIBRARY_DIR): Promise<string[]> {
  const compiled = await compileTrajectories({
    files: await trajectoryFiles(),
    manifest: supportDeskManifest,
  });
  const scratch = await mkdtemp(join(tmpdir(), 'knack-library-'));
  const store = await openStore({ url: `sqlite://${join(scratch, 'skills.db')}`, now: fixedClock() });
  try {
    for (const skill of compiled.skills.filter((candidate) => candidate.verification.isVerified)) {
      const { ref } = await store.publish(skill, {
        by: 'knack-examples',
        note: 'trace-compiled from the support-desk trajectories',
      });
      await store.review(ref, {
        decision: 'approve',
        by: 'knack-examples',
        note: 'replays every trajectory',
      });
      await store.promote(ref, { by: 'knack-examples' });
    }
    await rm(dir, { recursive: true, force: true });
    return (await exportLibrary({ store, dir })).files;
  } finally {
    await store.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const written = await buildLibrary(process.argv[2]);
  process.stderr.write(`wrote ${written.length} files\n`);
}
