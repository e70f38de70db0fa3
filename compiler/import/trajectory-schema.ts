import type { JsonSchema } from '../../core/index.js';

// Imported (not read) so the build copies the published schema file next to this module.
import schema from './trajectory.schema.json' with { type: 'json' };

/** The JSON Schema (draft-07) of knack's native trajectory format, as published in `compiler/trajectory.schema.json`. */
export const trajectorySchema: JsonSchema = schema as JsonSchema;
