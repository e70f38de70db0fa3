// The airline as a domain of the offline demo: `knack demo --domain skills/airline/demo-domain.ts`.
import type { DemoDomain } from '../../src/index.js';
import { airlineManifest } from './airline-manifest.js';
import { airlineHeldOutInputsFor } from './held-out-inputs.js';
import { createTools } from './pack.js';
import { airlineTrajectoryFiles } from './trajectory-files.js';

/**
 * The seeded airline desk, its recorded OpenAI chats (real-log style) and the held-out requests of
 * each task shape (as facts; a skill whose input names differ will refuse them, which the demo shows).
 */
export const demoDomain: DemoDomain = {
  name: 'airline customer service',
  manifest: airlineManifest,
  trajectoryFiles: () => airlineTrajectoryFiles('openai'),
  createTools,
  heldOutInputsFor: (trajectoryIds) => airlineHeldOutInputsFor(trajectoryIds),
};
