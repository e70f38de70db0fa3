import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  draftSkill,
  importTrajectory,
  inferResultSchemas,
  pruneSteps,
  trimScans,
  type Trajectory,
} from '../../compiler/index.js';
import { airlineManifest } from './airline-manifest.js';
import { airlineHeldOutInputsFor, airlineRunFacts, bindHeldOutInput } from './held-out-inputs.js';
import { AIRLINE_DIR } from './record-trajectories.js';
import type { Facts } from './task-shape.js';
import type { AirlineTrajectoryFormat } from './trajectory-files.js';

function readTrajectory(id: string, format: AirlineTrajectoryFormat): Trajectory {
  const file = join(AIRLINE_DIR, 'trajectories', format, `${id}.json`);
  return importTrajectory(readFileSync(file, 'utf8'), { file, manifest: airlineManifest });
}

/**
 * The input that replays each of `trajectoryIds` with the skill the trace compiler drafts from
 * them (as `compileTrajectories` derives it), read from the recorded files in `format`.
 */
export function airlineReplayInputs(
  trajectoryIds: readonly string[],
  format: AirlineTrajectoryFormat = 'openai',
): Map<string, Record<string, unknown>> {
  const recorded = trajectoryIds.map((id) => readTrajectory(id, format));
  // The compiler's pre-pass: failed attempts and scratch calls left out, lookups past a scan's
  // match left out, result types inferred.
  const pruned = recorded.map(
    (trajectory) => pruneSteps(trajectory, { manifest: airlineManifest }).trajectory,
  );
  const { trajectories } = trimScans(pruned, { manifest: airlineManifest });
  const typedResultTools = [...inferResultSchemas(recorded, airlineManifest).keys()];
  return draftSkill({ trajectories, manifest: airlineManifest, typedResultTools }).inputs;
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
