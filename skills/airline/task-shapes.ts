import { isDeepStrictEqual } from 'node:util';
import { baggageShape } from './_baggage-shape.js';
import { bookShape } from './_book-shape.js';
import { cancelShape } from './_cancel-shape.js';
import { changeShape } from './_change-shape.js';
import { playConversation } from './_conversation-runner.js';
import type { AirlineState } from './airline-state.js';
import { createAirline } from './create-airline.js';
import { createAirlineSeed } from './create-seed-data.js';
import type { AirlineRun, Facts, TaskShape } from './task-shape.js';

/** The airline's task shapes, in catalogue order. */
export const taskShapes: readonly TaskShape[] = [cancelShape, changeShape, bookShape, baggageShape];

/** Every recorded run with its shape, in catalogue order. */
export const airlineRuns: readonly (AirlineRun & { shape: TaskShape })[] = taskShapes.flatMap((shape) =>
  shape.runs.map((run) => ({ ...run, shape })),
);

/** The shape named `name`, or the shape of the trajectory id `name` (`cancel-reservation-olivia`). */
export function findTaskShape(name: string): TaskShape | undefined {
  return taskShapes.find((shape) => name === shape.name || name.startsWith(`${shape.name}-`));
}

/**
 * The state the airline should be in after serving `facts` correctly, by the policy: the reference
 * agent of the shape plays the request against `before` (the seeded airline by default).
 * @throws Error for an unknown shape, or facts the policy cannot serve.
 */
export function expectedAirlineState(
  shapeName: string,
  facts: Facts,
  before: AirlineState = createAirlineSeed(),
): AirlineState {
  const shape = findTaskShape(shapeName);
  if (!shape) throw new Error(`no airline task shape ${shapeName}`);
  const { airline } = playConversation(
    (agent) => shape.converse(agent, facts, 'a', 0),
    createAirline(before),
  );
  return airline.state;
}

/** Whether a run left the airline as the policy says, and where it did not. */
export interface AirlineEffectCheck {
  isCorrect: boolean;
  /** Paths that differ from the expected state (`reservations[3].status`), at most 10. */
  differences: string[];
}

function collectDifferences(expected: unknown, actual: unknown, path: string, found: string[]): void {
  if (found.length >= 10 || isDeepStrictEqual(expected, actual)) return;
  const isObject = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null;
  if (!isObject(expected) || !isObject(actual) || Array.isArray(expected) !== Array.isArray(actual)) {
    found.push(path || '(root)');
    return;
  }
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const child = Array.isArray(expected) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    collectDifferences(expected[key], actual[key], child, found);
  }
}

/**
 * Checks the effect of a run (a compiled skill, live) that served `facts`: `after` must equal the
 * state the policy asks for, clock and id counter included (so no extra or missing change passes).
 * @example checkAirlineEffect('cancel-reservation', heldOut, airline.state).isCorrect
 */
export function checkAirlineEffect(
  shapeName: string,
  facts: Facts,
  after: AirlineState,
  before: AirlineState = createAirlineSeed(),
): AirlineEffectCheck {
  const differences: string[] = [];
  collectDifferences(expectedAirlineState(shapeName, facts, before), after, '', differences);
  return { isCorrect: differences.length === 0, differences };
}
