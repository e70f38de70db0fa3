import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AIRLINE_DIR } from './record-trajectories.js';

/** A recorded airline trajectory format: the folder under `trajectories/`. */
export type AirlineTrajectoryFormat = 'native' | 'openai';

/** Paths of every recorded airline trajectory in `format` (OpenAI chat by default), sorted by id. */
export async function airlineTrajectoryFiles(format: AirlineTrajectoryFormat = 'openai'): Promise<string[]> {
  const directory = join(AIRLINE_DIR, 'trajectories', format);
  return (await readdir(directory))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => join(directory, file));
}
