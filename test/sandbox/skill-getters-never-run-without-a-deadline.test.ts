import { describe, expect, it } from 'vitest';
import { expectFailure, expectValue, skill, useSandbox } from '../helpers/hostile.js';

// isolated-vm reads `message` and `stack` of a value thrown out of a call, or of an unhandled
// rejection, after the call's timeout is disarmed. Skill code must never get there: a getter
// that spins must run under the run's deadline, and a run's leftovers must never reach the
// next run on the same isolate.
describe('skill getters read by the runtime', () => {
  // One worker and a long kill grace: a wedged worker would hold the next run for 20 s.
  const { run } = useSandbox({ size: 1, killGraceMs: 20_000 });

  const innocent = async (): Promise<void> => {
    const token = Math.random();
    const result = await Promise.race([
      run(skill('return { token: input.token };'), { input: { token }, limits: { timeoutMs: 2000 } }),
      new Promise<'wedged'>((resolve) => setTimeout(resolve, 5000, 'wedged')),
    ]);
    expect(result).not.toBe('wedged');
    if (result !== 'wedged') expect(expectValue(result)).toEqual({ token });
  };

  it('stops a top-level throw whose message getter spins at the deadline', async () => {
    const result = await run(
      `throw { get message(): string { for (;;) {} } };
      export default async function f() { return 1; }`,
      { limits: { timeoutMs: 300 } },
    );
    expectFailure(result, 'TIMEOUT', 'SKILL_THREW');
    await innocent();
  });

  it('keeps a top-level rejection whose getter rejects again from reaching the next run', async () => {
    const result = await run(
      `void Promise.reject({
        get message(): string {
          void Promise.reject({ get message(): string { for (;;) {} } });
          return 'first';
        },
      });
      export default async function f() { return 1; }`,
      { limits: { timeoutMs: 300 } },
    );
    expect(typeof result.ok).toBe('boolean');
    await innocent();
  });

  it('keeps a rejection from inside the run whose getter rejects again from reaching the next run', async () => {
    const result = await run(
      skill(`void Promise.reject({
        get stack(): string {
          void Promise.reject({ get stack(): string { for (;;) {} } });
          return 'first';
        },
      });
      return 1;`),
      { limits: { timeoutMs: 300 } },
    );
    expect(typeof result.ok).toBe('boolean');
    await innocent();
  });

  it('stops an unhandled rejection whose message getter spins, and the next run is served', async () => {
    const result = await run(
      skill(`void Promise.reject({ get message(): string { for (;;) {} } }); return 1;`),
      {
        limits: { timeoutMs: 300 },
      },
    );
    expectFailure(result, 'TIMEOUT', 'SKILL_THREW', 'WORKER_CRASHED');
    await innocent();
  });

  it('stops a thrown value whose toString spins, thrown from a tool callback, at the deadline', async () => {
    const result = await run(
      skill(`(Object.prototype as any).then = undefined;
      throw { get name(): string { for (;;) {} }, get message(): string { for (;;) {} } };`),
      { limits: { timeoutMs: 300 } },
    );
    expectFailure(result, 'TIMEOUT', 'SKILL_THREW');
    await innocent();
  });
});
