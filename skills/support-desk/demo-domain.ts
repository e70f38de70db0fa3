// The support desk as the offline demo's domain (`knack demo`, `--domain` to pick another).
import type { DemoDomain } from '../../src/index.js';
import { heldOutInputsFor } from './held-out-inputs.js';
import { createTools } from './pack.js';
import { supportDeskManifest } from './support-desk-manifest.js';
import { trajectoryFiles } from './trajectory-files.js';

/** The seeded support desk, its 24 native trajectories and the inputs no trajectory used. */
export const demoDomain: DemoDomain = {
  name: 'support desk',
  manifest: supportDeskManifest,
  trajectoryFiles: () => trajectoryFiles(),
  createTools,
  heldOutInputsFor,
};
