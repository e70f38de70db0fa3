import { describe, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

describe('catastrophic regular expressions', () => {
  const { run } = useSandbox();

  it('stops exponential backtracking with TIMEOUT', async () => {
    const result = await run(skill('return /^(a+)+$/.test("a".repeat(40) + "b");'), {
      limits: { timeoutMs: 500 },
    });
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('stops exponential backtracking on caller-provided input with TIMEOUT', async () => {
    const result = await run(skill('return /^(\\w+\\s?)*$/.test(input.text);'), {
      input: { text: `${'a'.repeat(40)}!` },
      limits: { timeoutMs: 500 },
    });
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });
});
