/** @module skills: the example support-desk tool pack, its trajectories, and the exported skill library. */
export {};
