import { KnackError, type ErrorLocation } from '../../core/index.js';

/** Builds the INVALID_TRAJECTORY error: "file, step 3: message" with a structured location. */
export function trajectoryError(where: ErrorLocation, message: string, cause?: unknown): KnackError {
  const prefix = [where.file, where.step === undefined ? undefined : `step ${where.step}`]
    .filter((part) => part !== undefined)
    .join(', ');
  return new KnackError('INVALID_TRAJECTORY', prefix ? `${prefix}: ${message}` : message, { where, cause });
}
