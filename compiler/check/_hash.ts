import { createHash } from 'node:crypto';

/** Short sha256 hex of a value's JSON, for caches. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}
