import type { Facts } from './task-shape.js';
import { airlineRuns, findTaskShape } from './task-shapes.js';

/** The facts (what the customer wanted) of the recorded run `trajectoryId`, or none. */
export function airlineRunFacts(trajectoryId: string): Facts | undefined {
  return airlineRuns.find((run) => run.id === trajectoryId)?.facts;
}

/**
 * The held-out requests of a skill compiled from `trajectoryIds` (customers and values no run had),
 * as facts: keys are the facts' names (`user_id`, `destination`, `new_date`), which need not be the
 * skill's input names; `bindHeldOutInput` maps them onto a skill's input.
 */
export function airlineHeldOutInputsFor(trajectoryIds: readonly string[]): readonly Facts[] {
  for (const id of trajectoryIds) {
    const shape = findTaskShape(id);
    if (shape) return shape.heldOut;
  }
  return [];
}

const sameValue = (value: unknown, factValue: string | number): boolean =>
  value === factValue ||
  (typeof value === 'string' && value.toLowerCase() === String(factValue).toLowerCase()) ||
  // A time the user wrote as `13:00` for the fact `13:00:00`.
  (typeof value === 'string' && /^\d\d:\d\d$/.test(value) && String(factValue).startsWith(`${value}:`));

/**
 * The input of a skill for a held-out request: each value of `trainingInput` (the input that
 * replays a training run) that equals one of that run's facts takes the held-out request's value
 * of the same fact; values that match no fact (agent choices, free text) stay as they were.
 * @example bindHeldOutInput({ userId: 'olivia_reyes_4102' }, oliviaFacts, hannahFacts) // { userId: 'hannah_cole_3307' }
 */
export function bindHeldOutInput(
  trainingInput: Readonly<Record<string, unknown>>,
  trainingFacts: Facts,
  heldOut: Facts,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(trainingInput)) {
    const key = Object.keys(trainingFacts).find((candidate) => {
      const factValue = trainingFacts[candidate];
      return factValue !== undefined && sameValue(value, factValue);
    });
    const replacement = key === undefined ? undefined : heldOut[key];
    if (replacement === undefined) input[name] = value;
    else if (typeof value === 'string' && /^\d\d:\d\d$/.test(value))
      input[name] = String(replacement).slice(0, 5);
    else input[name] = typeof value === 'number' ? Number(replacement) : replacement;
  }
  return input;
}
