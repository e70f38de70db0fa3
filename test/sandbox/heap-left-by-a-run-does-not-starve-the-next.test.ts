import { describe, expect, it } from 'vitest';
import { expectValue, skill, useSandbox } from '../helpers/hostile.js';

// Isolates are reused across runs (fresh context each). Memory a run kept reachable from its own
// context must be freed with it, or the next caller's run would hit MEMORY_LIMIT through no fault.
describe('heap left behind by a run', () => {
  // One worker, so every run lands on the isolate the hoarders used.
  const { run } = useSandbox({ size: 1 });
  const limits = { memoryLimitMb: 64, timeoutMs: 5000 };

  it('is freed for the next runs on the same isolate', { timeout: 30_000 }, async () => {
    const hoard = skill(`const keep: number[][] = [];
    for (let i = 0; i < 40; i++) keep.push(new Array(100_000).fill(i));
    (globalThis as any).keep = keep;
    (globalThis as any).weak = new WeakRef(keep);
    return keep.length;`);
    for (let i = 0; i < 6; i++) {
      const result = await run(hoard, { limits });
      expect(expectValue(result), `run ${i + 1}`).toBe(40);
    }
  });
});
