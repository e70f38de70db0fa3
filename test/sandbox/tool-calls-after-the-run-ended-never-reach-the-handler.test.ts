import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

describe('tool calls after the run ended', () => {
  const { run } = useSandbox();

  it('never calls the handler for a call scheduled behind a slow tool after the skill returned', async () => {
    const { tools, callsOf } = recordTools({
      slow: {
        handler: async () => {
          await sleep(100);
          return { ready: true };
        },
      },
      late: {},
    });
    const result = await run(
      skill(`tools.slow({}).then(() => tools.late({ after: 'return' }), () => tools.late({ after: 'failure' }));
      return 'returned early';`),
      { tools },
    );
    expect(expectValue(result)).toBe('returned early');
    await sleep(400);
    expect(callsOf('late')).toHaveLength(0);
  });

  it('never calls the handler for a call made from a microtask chain after the skill returned', async () => {
    const { tools, calls } = recordTools();
    const endedAt: number[] = [];
    const result = await run(
      skill(`(async () => {
        for (let i = 0; i < 10000; i++) await null;
        await tools.echo({ late: true });
      })();
      return 'returned early';`),
      { tools },
    );
    endedAt.push(performance.now());
    expect(expectValue(result)).toBe('returned early');
    await sleep(300);
    for (const call of calls) expect(call.atMs).toBeLessThan(endedAt[0] ?? 0);
  });

  it('never calls the handler again after a timeout left a call pending', async () => {
    const { tools, callsOf } = recordTools({
      slow: {
        handler: async () => {
          await sleep(400);
          return { ready: true };
        },
      },
      late: {},
    });
    const result = await run(skill('await tools.slow({}); await tools.late({}); return "never";'), {
      tools,
      limits: { timeoutMs: 150 },
    });
    expectFailure(result, 'TIMEOUT');
    await sleep(600);
    expect(callsOf('late')).toHaveLength(0);
  });

  it('gives a later run no way to reach the tools of an earlier one', async () => {
    const first = recordTools();
    const second = recordTools({ other: {} });
    await run(
      skill('(globalThis as any).kept = tools; (globalThis as any).keptEcho = tools.echo; return 1;'),
      {
        tools: first.tools,
      },
    );
    const result = await run(
      skill(`const kept = (globalThis as any).kept ?? (globalThis as any).keptEcho;
      if (kept) { try { await (kept.echo ?? kept)({ stolen: true }); return 'CALLED'; } catch { return 'refused'; } }
      return 'nothing kept';`),
      { tools: second.tools },
    );
    expect(expectValue(result)).toBe('nothing kept');
    expect(first.calls).toHaveLength(0);
  });
});
