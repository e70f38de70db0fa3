import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectStillServing,
  expectValue,
  findNonPlainData,
  skill,
  useSandbox,
} from '../helpers/hostile.js';

describe('oversized and hostile output', () => {
  const { run } = useSandbox();

  it('returns OUTPUT_TOO_LARGE for output beyond maxOutputBytes', async () => {
    const result = await run(skill('return { blob: "x".repeat(2 * 1024 * 1024) };'), {
      limits: { maxOutputBytes: 1024 * 1024, timeoutMs: 3000 },
    });
    expectFailure(result, 'OUTPUT_TOO_LARGE');
    await expectStillServing(run);
  });

  it('returns OUTPUT_TOO_LARGE for output built from many small shared pieces', async () => {
    // 1,000 references to one 2 KB string: small in the isolate, 2 MB once copied out.
    const result = await run(
      skill('const piece = "y".repeat(2048); return Array.from({ length: 1000 }, () => piece);'),
      {
        limits: { maxOutputBytes: 1024 * 1024, timeoutMs: 3000 },
      },
    );
    expectFailure(result, 'OUTPUT_TOO_LARGE');
  });

  it('refuses a cyclic output without hanging', async () => {
    const result = await run(skill('const loop: any = { id: 1 }; loop.self = loop; return loop;'), {
      limits: { timeoutMs: 1000 },
    });
    if (result.ok) expect(findNonPlainData(result.value)).toBeUndefined();
    else expectFailure(result, 'INVALID_OUTPUT', 'SKILL_THREW');
  });

  it('hands the caller plain data when the output has getters, toJSON, functions and symbols', async () => {
    const result = await run(
      skill(`let reads = 0;
      return {
        get counted() { reads++; return reads; },
        fn: () => 'call me',
        sym: Symbol('s'),
        nested: { toJSON() { return { swapped: true }; } },
        list: [1, 2, 3],
      };`),
      { limits: { timeoutMs: 1000 } },
    );
    if (result.ok) expect(findNonPlainData(result.value)).toBeUndefined();
    else expectFailure(result, 'INVALID_OUTPUT', 'SKILL_THREW');
  });

  it('returns a BigInt or Proxy output as a failure or as plain data, never as is', async () => {
    for (const expression of ['10n', 'new Proxy({ id: 1 }, { get: () => { throw new Error("bomb"); } })']) {
      const result = await run(skill(`return ${expression};`), { limits: { timeoutMs: 1000 } });
      if (result.ok) expect(findNonPlainData(result.value)).toBeUndefined();
      else expectFailure(result, 'INVALID_OUTPUT', 'SKILL_THREW');
    }
    await expectStillServing(run);
  });

  it('hands a thenable output back without running its then on the host', async () => {
    const result = await run(
      skill('return { then: (resolve: (value: unknown) => void) => resolve("resolved inside") };'),
      {
        limits: { timeoutMs: 1000 },
      },
    );
    if (result.ok) expect(findNonPlainData(result.value)).toBeUndefined();
    else expectFailure(result, 'INVALID_OUTPUT', 'SKILL_THREW', 'TIMEOUT');
    expectValue(await run(skill('return 1;')));
  });
});
