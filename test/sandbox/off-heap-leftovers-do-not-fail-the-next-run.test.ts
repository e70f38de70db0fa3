import { describe, expect, it } from 'vitest';
import { expectValue, skill, useSandbox } from '../helpers/hostile.js';

// ICU memory a run created stays in the worker's RSS after its context is released (measured on
// isolated-vm 5.0.4: 20,000 Intl.Segmenter objects left ~133 MB behind). If the memory budget is
// checked against the worker's whole RSS, a hostile run that stops just under the budget makes the
// next caller's innocent run fail with MEMORY_LIMIT.
describe('off-heap memory left behind by a run', () => {
  const { run } = useSandbox({ size: 1, workerMemoryBudgetMb: 256 });

  it('does not make the next, innocent run on the same worker fail', { timeout: 60_000 }, async () => {
    const leaver = skill(`const hoard: unknown[] = [];
    for (let i = 0; i < 20_000; i++) hoard.push(new Intl.Segmenter('en', { granularity: 'word' }));
    (globalThis as any).hoard = hoard;
    return hoard.length;`);
    const innocent = skill(`const rows: number[][] = [];
    for (let i = 0; i < 100; i++) rows.push(new Array(100_000).fill(i));
    return rows.length;`);
    const left = await run(leaver, { limits: { timeoutMs: 20_000 } });
    // The leaver may itself trip the budget; what matters is the run after it.
    if (!left.ok) expect(left.error.code).toBe('MEMORY_LIMIT');
    const next = await run(innocent, { limits: { timeoutMs: 20_000, memoryLimitMb: 128 } });
    expect(expectValue(next)).toBe(100);
  });
});
