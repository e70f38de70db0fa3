import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// One worker, so the next run lands where the ended run left its stray promise chain.
describe('a late tool call of an ended run', () => {
  const { run } = useSandbox({ size: 1 });

  it('does not fail the next run on the same worker', async () => {
    const { tools, callsOf } = recordTools({
      slow: {
        handler: async () => {
          await sleep(100);
          return { ready: true };
        },
      },
      late: {},
      wait: {
        handler: async () => {
          await sleep(400);
          return { waited: true };
        },
      },
    });
    const first = await run(
      skill('tools.slow({}).then(() => tools.late({ stray: true })); return "returned early";'),
      {
        tools,
      },
    );
    expect(expectValue(first)).toBe('returned early');
    // The next run is in flight when the stray call of the first run fires.
    const second = await run(skill('const waited = await tools.wait({}); return waited;'), { tools });
    expect(expectValue(second)).toEqual({ waited: true });
    expect(callsOf('late')).toHaveLength(0);
  });

  it('does not fail the next run after a timed-out run whose tool answers late', async () => {
    const { tools } = recordTools({
      slow: {
        handler: async () => {
          await sleep(300);
          return { ready: true };
        },
      },
      wait: {
        handler: async () => {
          await sleep(400);
          return { waited: true };
        },
      },
    });
    const first = await run(skill('await tools.slow({}); return "never";'), {
      tools,
      limits: { timeoutMs: 100 },
    });
    expect(first.ok).toBe(false);
    const second = await run(skill('return await tools.wait({});'), { tools });
    expect(expectValue(second)).toEqual({ waited: true });
  });
});
