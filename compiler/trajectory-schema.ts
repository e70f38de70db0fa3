import { createRequire } from 'node:module';
import type { JsonSchema } from '../sandbox/index.js';

// Loaded through require so the JSON file stays the single published copy (no import attributes on Node 20).
const require = createRequire(import.meta.url);

/** The JSON Schema (draft-07) of knack's native trajectory format, as published in `compiler/trajectory.schema.json`. */
export const trajectorySchema: JsonSchema = require('./trajectory.schema.json') as JsonSchema;
