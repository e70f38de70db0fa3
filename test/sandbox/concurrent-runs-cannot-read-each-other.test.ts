import { describe, expect, it } from 'vitest';
import { expectValue, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// Several runs share a worker (runsPerWorker: 4) and isolates are reused: a skill planting its
// secret and looking for the others' must find nothing of theirs.
describe('concurrent runs', () => {
  const { run } = useSandbox({ size: 2, runsPerWorker: 4 });

  it('see neither the input, the globals nor the tool calls of each other', { timeout: 30_000 }, async () => {
    const { tools, calls } = recordTools();
    const spy = skill(`(globalThis as any)['secret_' + input.id] = input.secret;
    (Object.prototype as any)['leak_' + input.id] = input.secret;
    await tools.echo({ id: input.id });
    for (let i = 0; i < 20; i++) await Promise.resolve();
    const seen = Object.getOwnPropertyNames(globalThis).filter((name) => name.startsWith('secret_') && name !== 'secret_' + input.id);
    const leaked = Object.getOwnPropertyNames(Object.prototype).filter((name) => name.startsWith('leak_') && name !== 'leak_' + input.id);
    return { seen, leaked };`);
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, id) =>
        run(spy, { tools, input: { id, secret: `secret-${id}-${Math.random()}` } }),
      ),
    );
    for (const result of results) expect(expectValue(result)).toEqual({ seen: [], leaked: [] });
    expect(calls.map((call) => (call.args as { id: number }).id).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 24 }, (_, id) => id),
    );
    for (const [index, result] of results.entries()) {
      expect(result.trace.map((call) => call.args)).toEqual([{ id: index }]);
    }
  });
});
