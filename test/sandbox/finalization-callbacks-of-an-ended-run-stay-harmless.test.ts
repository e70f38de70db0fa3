import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// FinalizationRegistry callbacks run when V8 decides, possibly after the run that registered them
// ended and while the next run uses the same isolate. They must not reach tools, fail that run or
// wedge the isolate.
const plant = (callback: string): string =>
  skill(`const registry = new FinalizationRegistry(() => { ${callback} });
  for (let i = 0; i < 2000; i++) registry.register({ payload: new Array(100).fill(i) }, i);
  const churn: number[][] = [];
  for (let i = 0; i < 2000; i++) { churn.push(new Array(1000).fill(i)); if (churn.length > 50) churn.length = 0; }
  (globalThis as any).keep = registry;
  return 'planted';`);

describe('finalization callbacks of an ended run', () => {
  // One worker, so the next run shares the isolate the callbacks were planted in.
  const { run } = useSandbox({ size: 1 });

  it('never call a tool handler after the run ended', async () => {
    const { tools, calls } = recordTools();
    const planted = await run(plant('tools.echo({ fromFinalizer: true }).catch(() => {});'), { tools });
    expect(expectValue(planted)).toBe('planted');
    for (let i = 0; i < 5; i++) {
      const churn = await run(
        skill('const junk = Array.from({ length: 200000 }, (_, i) => ({ i })); return junk.length;'),
        { tools },
      );
      expect(expectValue(churn)).toBe(200000);
    }
    await sleep(100);
    expect(calls).toHaveLength(0);
  });

  it('do not fail or wedge the next runs when they throw or loop forever', async () => {
    const { tools } = recordTools();
    expect(expectValue(await run(plant('throw new Error("finalizer bomb");'), { tools }))).toBe('planted');
    expect(expectValue(await run(plant('while (true) {}'), { tools, limits: { timeoutMs: 2000 } }))).toBe(
      'planted',
    );
    for (let i = 0; i < 5; i++) {
      const next = await run(
        skill('const junk = Array.from({ length: 200000 }, (_, i) => ({ i })); return junk.length;'),
        {
          tools,
          limits: { timeoutMs: 3000 },
        },
      );
      expect(expectValue(next)).toBe(200000);
    }
  });
});
