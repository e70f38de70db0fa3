/** @module skills/recording: what the example domains share to write and list their recorded trajectories. */
export { listRecordedFiles } from './list-recorded-files.js';
export { writeRecordedJson } from './write-recorded-json.js';
