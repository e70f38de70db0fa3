// The airline as a domain of the offline demo: `knack demo --domain skills/airline/demo-domain.ts`.
import type { DemoDomain } from '../../src/index.js';
import { airlineManifest } from './airline-manifest.js';
import { createTools } from './pack.js';
import { bindSkillInput } from './bind-skill-input.js';
import { airlineHeldOutInputsFor } from './held-out-inputs.js';
import { airlineTrajectoryFiles } from './trajectory-files.js';

/**
 * The seeded airline desk, its recorded OpenAI chats (real-log style) and the held-out requests of
 * each task shape, bound onto the inputs of the skill compiled from the given trajectories.
 */
export const demoDomain: DemoDomain = {
  name: 'airline customer service',
  manifest: airlineManifest,
  trajectoryFiles: () => airlineTrajectoryFiles('openai'),
  createTools,
  // A caller fills the skill's inputs from what the customer said (`bindSkillInput`, over the
  // skill's own cases).
  heldOutInputsFor: (trajectoryIds, skill) =>
    airlineHeldOutInputsFor(trajectoryIds).map((request) => bindSkillInput(skill, request).input),
};
