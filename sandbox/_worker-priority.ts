import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/**
 * Lowers the CPU priority of this worker by `increment` nice steps (at most to 19). On Linux a nice
 * value belongs to a thread, and Node's own threads exist before any of our code runs, so each
 * thread of the process is lowered; threads started later inherit the value. Elsewhere the
 * process as a whole. Never throws: a priority the system refuses leaves the worker as it was.
 */
export function lowerPriority(increment: number): void {
  if (increment <= 0) return;
  try {
    const target = Math.min(19, getPriority() + increment);
    const threads = process.platform === 'linux' ? readdirSync('/proc/self/task').map(Number) : [0];
    for (const thread of threads) {
      try {
        setPriority(thread, target);
      } catch {
        // The thread ended meanwhile.
      }
    }
  } catch {
    // No /proc or no permission: keep the inherited priority.
  }
}
