import { createHash } from 'node:crypto';

/**
 * A number in [0, 1) fixed by its parts: the same seed, version, run and call always draw the
 * same value, whatever order concurrent runs finish in, so a benchmark repeats exactly.
 */
export function seededDraw(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  // 48 bits fit a double exactly.
  return digest.readUIntBE(0, 6) / 2 ** 48;
}
