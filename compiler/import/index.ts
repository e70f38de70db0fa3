/**
 * @module compiler/import: reads trajectories in the native format, OpenAI chat messages and
 * Anthropic Messages, validates them against the native schema (`trajectory.schema.json`) and
 * names the file, step and field of every problem.
 */
export { importTrajectory, detectFormat } from './import-trajectory.js';
export { checkTrajectory, assertCompilable } from './check-trajectory.js';
export { trajectorySchema } from './trajectory-schema.js';
export type { Trajectory, TrajectoryStep, TrajectoryFormat, ImportOptions } from './trajectory.js';
export { DEFAULT_TOOL_ERROR_PATTERN } from './_tool-error.js';
export { readUserTurns } from './read-user-turns.js';
export type { UserTurns, ReadUserTurnsOptions } from './read-user-turns.js';
