import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

describe('throwing values that are not Errors', () => {
  const { run } = useSandbox();

  const thrown: Record<string, string> = {
    'a number': '42',
    'a string': '"plain text"',
    null: 'null',
    undefined: 'undefined',
    'a symbol': 'Symbol("thrown")',
    'a BigInt': '10n',
    'a function': '() => "host, call me"',
    'a cyclic object': '(() => { const loop: any = {}; loop.loop = loop; return loop; })()',
  };

  for (const [label, expression] of Object.entries(thrown)) {
    it(`reports SKILL_THREW with a string message when the skill throws ${label}`, async () => {
      const result = await run(skill(`throw ${expression};`), { limits: { timeoutMs: 1000 } });
      const error = expectFailure(result, 'SKILL_THREW');
      expect(typeof error.message).toBe('string');
    });
  }

  it('reports SKILL_THREW for a rejected promise carrying undefined', async () => {
    const result = await run(skill('await Promise.reject(undefined);'), { limits: { timeoutMs: 1000 } });
    expectFailure(result, 'SKILL_THREW');
    await expectStillServing(run);
  });
});
