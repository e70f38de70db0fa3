import { afterEach, describe, expect, it } from 'vitest';
import type { SkillStore } from '../../src/store/index.js';
import { compiledSkill } from '../helpers/compiled-skill.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const stores: SkillStore[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function fresh(): Promise<SkillStore> {
  const { store } = await openTempStore();
  stores.push(store);
  return store;
}

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('store.watch', () => {
  it('reports a change made in this process once, then nothing until the next', async () => {
    const store = await fresh();
    const calls: number[][] = [];
    const watcher = store.watch({
      intervalMs: 20,
      onChange: ({ changes }) => calls.push(changes.map((change) => change.sequence)),
    });
    await tick(60);
    await store.publish(compiledSkill({ variant: 'a' }));
    await tick(120);
    expect(calls).toEqual([[1]]);
    watcher.close();
  });

  it('refuses a missing onChange or an interval under 10 ms with INVALID_ARGUMENT', async () => {
    const store = await fresh();
    expect(() => store.watch({ onChange: undefined as unknown as () => void })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT' }),
    );
    expect(() => store.watch({ onChange: () => undefined, intervalMs: 1 })).toThrow('intervalMs');
  });

  it('stops on its signal and when the store closes', async () => {
    const store = await fresh();
    const controller = new AbortController();
    const bySignal = store.watch({ onChange: () => undefined, signal: controller.signal });
    controller.abort();
    expect(bySignal.isClosed).toBe(true);
    const byClose = store.watch({ intervalMs: 20, onChange: () => undefined });
    await store.close();
    await tick(60);
    expect(byClose.isClosed).toBe(true);
  });
});
