// `--tools skills/airline/pack.ts` for `knack run` and `knack bench`: a fresh seeded airline per call.
import { defineTools, type ToolPack } from '../../sandbox/index.js';
import { createAirline } from './create-airline.js';

/** A ToolPack over a freshly seeded in-memory airline. */
export function createTools(): ToolPack {
  return defineTools(createAirline().definitions);
}
