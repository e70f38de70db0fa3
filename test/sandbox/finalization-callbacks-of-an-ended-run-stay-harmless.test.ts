import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// V8 runs FinalizationRegistry callbacks as tasks of their own when it decides: after the run that
// registered them ended, outside every timed call, with no deadline. A callback that loops forever
// would hold its isolate (and every later run sent to it). So the registry is not in the context.
const plant = (callback: string): string =>
  skill(`const registry = new FinalizationRegistry(() => { ${callback} });
  for (let i = 0; i < 2000; i++) registry.register({ payload: new Array(100).fill(i) }, i);
  const churn: number[][] = [];
  for (let i = 0; i < 2000; i++) { churn.push(new Array(1000).fill(i)); if (churn.length > 50) churn.length = 0; }
  (globalThis as any).keep = registry;
  return 'planted';`);
const churn = skill('const junk = Array.from({ length: 200000 }, (_, i) => ({ i })); return junk.length;');

describe('finalization callbacks of an ended run', () => {
  // One worker, so the next runs share the worker's isolates with the planting runs.
  const { run } = useSandbox({ size: 1 });

  it('cannot be planted: FinalizationRegistry is not reachable from skill code', async () => {
    const result = await run(
      skill(`return {
        global: typeof (globalThis as any).FinalizationRegistry,
        viaFunction: Function('return typeof FinalizationRegistry')(),
        listed: Object.getOwnPropertyNames(globalThis).includes('FinalizationRegistry'),
      };`),
    );
    expect(expectValue(result)).toEqual({ global: 'undefined', viaFunction: 'undefined', listed: false });
  });

  it('an attempt to plant one fails only its own run; no tool is called later', async () => {
    const { tools, calls } = recordTools();
    const planted = await run(plant('tools.echo({ fromFinalizer: true }).catch(() => {});'), { tools });
    expect(expectFailure(planted, 'SKILL_THREW').message).toMatch(/FinalizationRegistry is not defined/);
    for (let i = 0; i < 5; i++) expect(expectValue(await run(churn, { tools }))).toBe(200000);
    await sleep(100);
    expect(calls).toHaveLength(0);
  });

  it('an attempt to plant a looping one does not wedge the next runs', async () => {
    const { tools } = recordTools();
    for (const callback of ['throw new Error("finalizer bomb");', 'while (true) {}']) {
      const planted = await run(plant(callback), { tools, limits: { timeoutMs: 2000 } });
      expect(expectFailure(planted, 'SKILL_THREW').message).toMatch(/FinalizationRegistry/);
    }
    for (let i = 0; i < 5; i++) {
      expect(expectValue(await run(churn, { tools, limits: { timeoutMs: 3000 } }))).toBe(200000);
    }
  });
});
