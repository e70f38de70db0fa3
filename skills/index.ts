/** @module skills: the example support-desk tool pack, its trajectories, and the exported skill library. */
export { createSeedData, createSupportDesk, SEED_NOW, supportDeskManifest } from './support-desk/index.js';
export type * from './support-desk/index.js';
