import { describe, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

// These allocations abort the V8 process hosting the isolate (checked on isolated-vm 5.0.4, Node 20):
// the runtime must lose only a worker, report the run, and serve the next one.
describe('a skill that kills or wedges its worker', () => {
  const { run } = useSandbox();

  it('reports WORKER_CRASHED or MEMORY_LIMIT for an array too large to fill, then serves the next run', async () => {
    const result = await run(skill('return new Array(2 ** 30).fill(0).length;'), {
      limits: { memoryLimitMb: 32, timeoutMs: 5000 },
    });
    // On a loaded machine the abort can come after the deadline: TIMEOUT is a held limit too.
    expectFailure(result, 'WORKER_CRASHED', 'MEMORY_LIMIT', 'TIMEOUT');
    await expectStillServing(run);
  });

  it('reports WORKER_CRASHED or MEMORY_LIMIT for an ever-growing Map, then serves the next run', async () => {
    const result = await run(
      skill('const map = new Map<number, number>(); for (let i = 0; ; i++) map.set(i, i);'),
      {
        limits: { memoryLimitMb: 32, timeoutMs: 5000 },
      },
    );
    expectFailure(result, 'WORKER_CRASHED', 'MEMORY_LIMIT', 'TIMEOUT');
    await expectStillServing(run);
  });

  it('ends a builtin that ignores the isolate timeout (huge string replace) at the deadline', async () => {
    const result = await run(skill('return "x".repeat(2 ** 28).replace(/x/g, "yy").length;'), {
      limits: { memoryLimitMb: 32, timeoutMs: 1000 },
    });
    expectFailure(result, 'TIMEOUT', 'MEMORY_LIMIT', 'WORKER_CRASHED');
    await expectStillServing(run);
  });

  it('serves runs started right after several workers were lost in a row', async () => {
    const crashes = await Promise.all(
      [0, 1, 2].map(() =>
        run(skill('return new Array(2 ** 30).fill(0).length;'), {
          limits: { memoryLimitMb: 32, timeoutMs: 5000 },
        }),
      ),
    );
    for (const result of crashes) expectFailure(result, 'WORKER_CRASHED', 'MEMORY_LIMIT', 'TIMEOUT');
    await Promise.all([expectStillServing(run), expectStillServing(run), expectStillServing(run)]);
  });
});
