import type { Facts } from './task-shape.js';
import { airlineRuns, findTaskShape } from './task-shapes.js';

/** The facts (what the customer wanted) of the recorded run `trajectoryId`, or none. */
export function airlineRunFacts(trajectoryId: string): Facts | undefined {
  return airlineRuns.find((run) => run.id === trajectoryId)?.facts;
}

/**
 * The held-out requests of a skill compiled from `trajectoryIds` (customers and values no run had),
 * as facts: keys are the facts' names (`user_id`, `destination`, `new_date`), which need not be the
 * skill's input names; `bindSkillInput` maps them onto a compiled skill's inputs.
 */
export function airlineHeldOutInputsFor(trajectoryIds: readonly string[]): readonly Facts[] {
  for (const id of trajectoryIds) {
    const shape = findTaskShape(id);
    if (shape) return shape.heldOut;
  }
  return [];
}
