import { KnackError } from '../core/index.js';
import type { SandboxOptions } from './sandbox-options.js';

// Checks of createSandbox's options; each names the field it refuses.

export function integerIn(
  options: SandboxOptions,
  field: keyof SandboxOptions,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = options[field];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const message = `\`${field}\` must be an integer from ${min} to ${max}, got ${String(value)}.`;
    throw new KnackError('INVALID_ARGUMENT', message, { where: { field } });
  }
  return value;
}

export function workerUser(user: unknown): { uid: number; gid: number } {
  const { uid, gid } = (typeof user === 'object' && user !== null ? user : {}) as Record<string, unknown>;
  const isId = (id: unknown): id is number => typeof id === 'number' && Number.isInteger(id) && id >= 0;
  if (!isId(uid) || !isId(gid)) {
    const message = '`workerUser` must be { uid, gid } with non-negative integer ids.';
    throw new KnackError('INVALID_ARGUMENT', message, { where: { field: 'workerUser' } });
  }
  return { uid, gid };
}

export function positiveInteger(
  options: SandboxOptions,
  field: keyof SandboxOptions,
  fallback: number,
): number {
  return integerIn(options, field, 1, 1_000_000, fallback);
}
