import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectHostUntouched,
  expectStillServing,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';

// The runtime reads a thrown value to build RunError: every read it makes must be bounded and
// must happen inside the isolate (or on copied data), never run skill code on the host.
describe('errors with poisoned stack, prepareStackTrace and getters', () => {
  const { run } = useSandbox();

  it('reports SKILL_THREW for an error whose stack getter throws', async () => {
    const host = snapshotHost();
    const result = await run(
      skill(`const error = new Error('poisoned');
      Object.defineProperty(error, 'stack', { get() { throw new Error('stack bomb'); } });
      throw error;`),
      { limits: { timeoutMs: 1000 } },
    );
    expectFailure(result, 'SKILL_THREW');
    expectHostUntouched(host);
    await expectStillServing(run);
  });

  it('reports within the deadline when Error.prepareStackTrace loops forever', async () => {
    const result = await run(
      skill(`(Error as any).prepareStackTrace = () => { while (true) {} };
      throw new Error('trap');`),
      { limits: { timeoutMs: 500 } },
    );
    expectFailure(result, 'SKILL_THREW', 'TIMEOUT');
    await expectStillServing(run);
  });

  it('reports a string message when Error.prepareStackTrace returns a hostile object', async () => {
    const result = await run(
      skill(`(Error as any).prepareStackTrace = () => ({
        toString() { throw new Error('toString bomb'); },
        get length() { throw new Error('length bomb'); },
      });
      throw new Error('trap');`),
      { limits: { timeoutMs: 1000 } },
    );
    const error = expectFailure(result, 'SKILL_THREW');
    expect(error.stack === undefined || typeof error.stack === 'string').toBe(true);
  });

  it('reports SKILL_THREW for a thrown object whose message, name and stack getters throw', async () => {
    const result = await run(
      skill(`throw {
        get message(): string { throw new Error('message bomb'); },
        get name(): string { throw new Error('name bomb'); },
        get stack(): string { throw new Error('stack bomb'); },
        toString(): string { throw new Error('toString bomb'); },
        [Symbol.toPrimitive]() { throw new Error('primitive bomb'); },
      };`),
      { limits: { timeoutMs: 1000 } },
    );
    expectFailure(result, 'SKILL_THREW');
    await expectStillServing(run);
  });

  it('reports SKILL_THREW for a thrown Proxy whose every trap throws', async () => {
    const result = await run(
      skill(`const bomb = () => { throw new Error('trap bomb'); };
      throw new Proxy({}, { get: bomb, has: bomb, ownKeys: bomb, getOwnPropertyDescriptor: bomb, getPrototypeOf: bomb });`),
      { limits: { timeoutMs: 1000 } },
    );
    expectFailure(result, 'SKILL_THREW');
    await expectStillServing(run);
  });

  it('reports SKILL_THREW for an error whose getter loops forever, within the deadline', async () => {
    const result = await run(
      skill(`const error = new Error('slow');
      Object.defineProperty(error, 'message', { get() { while (true) {} } });
      throw error;`),
      { limits: { timeoutMs: 500 } },
    );
    expectFailure(result, 'SKILL_THREW', 'TIMEOUT');
    await expectStillServing(run);
  });

  it('bounds the size of a huge error message handed back to the caller', async () => {
    const result = await run(skill('throw new Error("x".repeat(20 * 1024 * 1024));'), {
      limits: { timeoutMs: 3000 },
    });
    const error = expectFailure(result, 'SKILL_THREW', 'OUTPUT_TOO_LARGE', 'MEMORY_LIMIT');
    expect(error.message.length).toBeLessThanOrEqual(1024 * 1024);
    expect((error.stack ?? '').length).toBeLessThanOrEqual(1024 * 1024);
  });
});
