// The error class lives in the lowest layer (sandbox/) so every layer can throw it; this is its public face.
export { KnackError } from '../sandbox/index.js';
export type { KnackErrorCode, ErrorLocation, KnackErrorOptions } from '../sandbox/index.js';
