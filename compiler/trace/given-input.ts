import type { Trajectory } from '../import/index.js';
import { isUserWritten, userText } from './_draft-state.js';
import { findPaths, valueAtPath } from './_values.js';

/** One run a skill was drafted from, with the input the draft lifted for it. */
export interface RunInput {
  trajectory: Trajectory;
  input: Record<string, unknown>;
}

// Where a run passed `value`: `tool|path` of each argument of a successful call that holds it.
function placesOf(trajectory: Trajectory, value: unknown): Set<string> {
  const places = new Set<string>();
  for (const step of trajectory.steps)
    if (step.error === undefined)
      for (const path of findPaths(step.args, value, 4)) places.add(JSON.stringify([step.tool, path]));
  return places;
}

/**
 * What `run`'s customer gave for `key`, an input of a skill drafted from `others`: the value `run`
 * passed at the tool argument where every other run with that input passed its own, when `run`'s
 * user wrote it. Priya typed her user id, yet on her own path the group's draft read it from the
 * reservation and lifted no `userId` for her; a skill drafted without her needs one, and she gave
 * it. Undefined when the others share no such place, or the value there is not the user's (a
 * count the agent worked out is no part of the request).
 */
export function givenInput(run: Trajectory, others: readonly RunInput[], key: string): unknown {
  const holders = others.filter((other) => other.input[key] !== undefined);
  const shared = holders
    .map((holder) => placesOf(holder.trajectory, holder.input[key]))
    .reduce<Set<string> | undefined>(
      (common, places) => (common ? new Set([...common].filter((place) => places.has(place))) : places),
      undefined,
    );
  for (const place of [...(shared ?? [])].sort()) {
    const [tool, path] = JSON.parse(place) as [string, (string | number)[]];
    for (const step of run.steps.filter(
      (candidate) => candidate.tool === tool && candidate.error === undefined,
    )) {
      const value = valueAtPath(step.args, path);
      if (value !== undefined && isUserWritten(value, userText(run))) return value;
    }
  }
  return undefined;
}
