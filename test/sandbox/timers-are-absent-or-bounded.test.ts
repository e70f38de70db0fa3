import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectStillServing,
  expectValue,
  recordTools,
  skill,
  useSandbox,
} from '../helpers/hostile.js';

describe('timers', () => {
  const { run } = useSandbox();

  it('offers no setInterval or setImmediate, and setTimeout only if bounded by the run', async () => {
    const result = await run(
      skill(`return {
        setInterval: typeof (globalThis as any).setInterval,
        setImmediate: typeof (globalThis as any).setImmediate,
        setTimeout: typeof (globalThis as any).setTimeout,
      };`),
    );
    const types = expectValue(result) as Record<string, string>;
    expect(types['setInterval']).toBe('undefined');
    expect(types['setImmediate']).toBe('undefined');
    expect(['undefined', 'function']).toContain(types['setTimeout']);
  });

  it('ends a skill waiting on a far-future timer with TIMEOUT', async () => {
    const result = await run(
      skill(`const later = (globalThis as any).setTimeout;
      if (typeof later !== 'function') { await new Promise(() => {}); }
      await new Promise((resolve) => later(resolve, 60_000));
      return 'woke up';`),
      { limits: { timeoutMs: 300 } },
    );
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('never fires a timer scheduled by a run that already returned', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const later = (globalThis as any).setTimeout;
      if (typeof later === 'function') later(() => tools.echo({ fromTimer: true }), 50);
      return 'returned';`),
      { tools },
    );
    expect(expectValue(result)).toBe('returned');
    await sleep(300);
    expect(calls).toHaveLength(0);
  });

  it('survives a flood of timers with TIMEOUT or a bounded refusal', async () => {
    const result = await run(
      skill(`const later = (globalThis as any).setTimeout;
      if (typeof later !== 'function') return 'no timers';
      for (let i = 0; i < 1_000_000; i++) later(() => {}, 10);
      return 'scheduled';`),
      { limits: { timeoutMs: 500 } },
    );
    if (!result.ok) expectFailure(result, 'TIMEOUT', 'MEMORY_LIMIT', 'SKILL_THREW');
    await expectStillServing(run);
  });
});
