import { describe, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

// memoryLimitMb bounds the V8 heap only. ICU objects (Intl.Segmenter, DateTimeFormat) live in C++
// memory: on isolated-vm 5.0.4 a 64 MB isolate creating them grew its process to 4.9 GB in 20 s.
// The worker's memory budget must hold during the run, not only once the run is over.
describe('off-heap allocations', () => {
  const { run } = useSandbox({ workerMemoryBudgetMb: 256 });

  it(
    'stops a skill hoarding Intl.Segmenter objects at the worker memory budget, before its deadline',
    { timeout: 30_000 },
    async () => {
      const result = await run(
        skill(`const hoard: unknown[] = [];
      for (;;) hoard.push(new Intl.Segmenter('en', { granularity: 'word' }));`),
        { limits: { timeoutMs: 15_000, memoryLimitMb: 64 } },
      );
      expectFailure(result, 'MEMORY_LIMIT', 'WORKER_CRASHED');
      await expectStillServing(run);
    },
  );
});
