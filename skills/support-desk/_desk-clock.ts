import type { SupportDeskState } from './support-desk-state.js';

const MINUTE_MS = 60_000;

/** Returns the desk's current time and moves its fixed clock one minute on, so results stay reproducible. */
export function tick(state: SupportDeskState): string {
  const now = state.now;
  state.now = new Date(Date.parse(now) + MINUTE_MS).toISOString();
  return now;
}

/** Finds a record or throws the error a real API would answer with. */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} does not exist.`);
  return value;
}
