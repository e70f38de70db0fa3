import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

describe('deep recursion', () => {
  const { run } = useSandbox();

  it('returns SKILL_THREW with a RangeError for unbounded recursion, not a crash', async () => {
    const result = await run(
      skill('const dive = (depth: number): number => dive(depth + 1) + 1; return dive(0);'),
      {
        limits: { timeoutMs: 3000 },
      },
    );
    const error = expectFailure(result, 'SKILL_THREW');
    expect(`${error.message}\n${error.stack ?? ''}`).toMatch(/RangeError|Maximum call stack/);
    await expectStillServing(run);
  });

  it('lets the skill catch its own stack overflow and go on', async () => {
    const result = await run(
      skill(`const dive = (depth: number): number => dive(depth + 1) + 1;
      try { dive(0); } catch (error) { return (error as Error).name; }`),
      { limits: { timeoutMs: 3000 } },
    );
    expect(result.ok && result.value).toBe('RangeError');
  });

  it('stops recursion that swallows every RangeError and recurses again with TIMEOUT', async () => {
    const result = await run(
      skill(`function hydra(): void { try { hydra(); } catch { hydra(); } }
      hydra();`),
      { limits: { timeoutMs: 500 } },
    );
    expectFailure(result, 'TIMEOUT', 'SKILL_THREW');
    await expectStillServing(run);
  });

  it('returns SKILL_THREW for deep recursion through async functions', async () => {
    const result = await run(
      skill(`const dive = async (depth: number): Promise<number> => (await dive(depth + 1)) + 1;
      return await dive(0);`),
      { limits: { timeoutMs: 3000 } },
    );
    expectFailure(result, 'SKILL_THREW', 'TIMEOUT', 'MEMORY_LIMIT');
    await expectStillServing(run);
  });
});
