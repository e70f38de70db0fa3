import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { SUPPORT_DESK_DIR } from './record-trajectories.js';

/** A recorded trajectory format: the folder under `trajectories/`. */
export type TrajectoryFileFormat = 'native' | 'openai' | 'anthropic';

/** Path of the recorded trajectory `id` in `format`. */
export function trajectoryFile(id: string, format: TrajectoryFileFormat = 'native'): string {
  return join(SUPPORT_DESK_DIR, 'trajectories', format, `${id}.json`);
}

/** Paths of every recorded trajectory in `format`, sorted by id. */
export async function trajectoryFiles(format: TrajectoryFileFormat = 'native'): Promise<string[]> {
  const directory = join(SUPPORT_DESK_DIR, 'trajectories', format);
  return (await readdir(directory))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => join(directory, file));
}
