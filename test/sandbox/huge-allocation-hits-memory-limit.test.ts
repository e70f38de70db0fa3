import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

describe('huge allocations', () => {
  const { run } = useSandbox();

  it('stops an ever-growing array of arrays with MEMORY_LIMIT and keeps the host healthy', async () => {
    const heapBefore = process.memoryUsage().heapUsed;
    const result = await run(
      skill('const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1));'),
      {
        limits: { memoryLimitMb: 32, timeoutMs: 10_000 },
      },
    );
    expectFailure(result, 'MEMORY_LIMIT');
    // The isolate lives in a worker process: the caller's heap must not have absorbed the hoard.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
    await expectStillServing(run);
  });

  it('stops an ever-growing list of strings with MEMORY_LIMIT', async () => {
    const result = await run(
      skill(
        'const hoard: string[] = []; for (let i = 0; ; i++) hoard.push("entry-" + i + "-" + Math.random());',
      ),
      {
        limits: { memoryLimitMb: 32, timeoutMs: 10_000 },
      },
    );
    expectFailure(result, 'MEMORY_LIMIT');
    await expectStillServing(run);
  });

  it('refuses ArrayBuffers beyond the memory limit as a catchable RangeError or MEMORY_LIMIT', async () => {
    const result = await run(
      skill(`const hoard: ArrayBuffer[] = [];
      try { for (;;) hoard.push(new ArrayBuffer(256 * 1024 * 1024)); } catch (error) { return (error as Error).name; }`),
      { limits: { memoryLimitMb: 32, timeoutMs: 5000 } },
    );
    if (result.ok) expect(result.value).toBe('RangeError');
    else expectFailure(result, 'MEMORY_LIMIT');
    await expectStillServing(run);
  });

  it('turns string doubling past the maximum length into a RangeError the skill sees', async () => {
    const result = await run(skill('let text = "x"; for (;;) text += text;'), {
      limits: { memoryLimitMb: 64, timeoutMs: 5000 },
    });
    const error = expectFailure(result, 'SKILL_THREW', 'MEMORY_LIMIT');
    if (error.code === 'SKILL_THREW') expect(error.message).toMatch(/RangeError|Invalid string length/);
    await expectStillServing(run);
  });
});
