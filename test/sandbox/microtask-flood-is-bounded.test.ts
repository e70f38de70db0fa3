import { describe, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

describe('microtask floods', () => {
  const { run } = useSandbox();

  it('stops a self-rescheduling microtask chain with TIMEOUT or MEMORY_LIMIT', async () => {
    const result = await run(
      skill(`const spin = (): Promise<void> => Promise.resolve().then(spin);
      spin();
      await new Promise(() => {});`),
      { limits: { timeoutMs: 300 } },
    );
    // Each promise adopts the next, so the chain holds all of them: given 3 s it exhausts 64 MB,
    // and at 300 ms the heap may be nearly full when the deadline comes. Either limit must stop it.
    expectFailure(result, 'TIMEOUT', 'MEMORY_LIMIT');
    await expectStillServing(run);
  });

  it('stops a skill that returns while a microtask chain keeps spinning', async () => {
    const result = await run(
      skill(`const spin = (): void => { Promise.resolve().then(spin); };
      Promise.resolve().then(spin);
      return 'returned';`),
      { limits: { timeoutMs: 300 } },
    );
    // The skill's own promise settles, but the microtask queue never drains: the run must still end.
    if (!result.ok) expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('stops a flood of millions of queued promise reactions with TIMEOUT or MEMORY_LIMIT', async () => {
    const result = await run(skill(`for (let i = 0; ; i++) Promise.resolve(i).then((value) => value + 1);`), {
      limits: { timeoutMs: 500, memoryLimitMb: 32 },
    });
    expectFailure(result, 'TIMEOUT', 'MEMORY_LIMIT');
    await expectStillServing(run);
  });
});
