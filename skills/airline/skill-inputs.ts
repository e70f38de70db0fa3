import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { draftSkill, importTrajectory, pruneSteps, type Trajectory } from '../../compiler/index.js';
import { airlineManifest } from './airline-manifest.js';
import { airlineHeldOutInputsFor, airlineRunFacts, bindHeldOutInput } from './held-out-inputs.js';
import { AIRLINE_DIR } from './record-trajectories.js';
import type { Facts } from './task-shape.js';
import type { AirlineTrajectoryFormat } from './trajectory-files.js';

// As `compileTrajectories` reads it: pruned of failed attempts and scratch calls. Drafting the raw
// chat would lift a `think`'s thought or a `calculate`'s expression (free text that differs between
// runs) to an input the compiled skill does not have.
function readTrajectory(id: string, format: AirlineTrajectoryFormat): Trajectory {
  const file = join(AIRLINE_DIR, 'trajectories', format, `${id}.json`);
  const trajectory = importTrajectory(readFileSync(file, 'utf8'), { file, manifest: airlineManifest });
  return pruneSteps(trajectory, { manifest: airlineManifest }).trajectory;
}

/**
 * The input that replays each of `trajectoryIds` with the skill the trace compiler drafts from
 * them (as `compileTrajectories` derives it, after its pre-pass), read from the recorded files in `format`.
 */
export function airlineReplayInputs(
  trajectoryIds: readonly string[],
  format: AirlineTrajectoryFormat = 'openai',
): Map<string, Record<string, unknown>> {
  const trajectories = trajectoryIds.map((id) => readTrajectory(id, format));
  return draftSkill({ trajectories, manifest: airlineManifest }).inputs;
}

/**
 * The input of the skill compiled from `trajectoryIds` for `request`: the first trajectory's replay
 * input with every value that was one of its run's facts replaced by the request's (`bindHeldOutInput`).
 */
export function airlineSkillInput(
  trajectoryIds: readonly string[],
  request: Facts,
  format: AirlineTrajectoryFormat = 'openai',
): Record<string, unknown> {
  const first = trajectoryIds[0] ?? '';
  const facts = airlineRunFacts(first);
  if (!facts) throw new Error(`${first} is not a recorded airline run`);
  return bindHeldOutInput(airlineReplayInputs(trajectoryIds, format).get(first) ?? {}, facts, request);
}

/** The held-out requests of the shape of `trajectoryIds`, bound onto the input of their skill. */
export function airlineHeldOutSkillInputs(
  trajectoryIds: readonly string[],
  format: AirlineTrajectoryFormat = 'openai',
): Record<string, unknown>[] {
  return airlineHeldOutInputsFor(trajectoryIds).map((request) =>
    airlineSkillInput(trajectoryIds, request, format),
  );
}
