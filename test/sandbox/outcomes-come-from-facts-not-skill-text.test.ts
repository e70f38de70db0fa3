import { describe, expect, it } from 'vitest';
import { defineTools } from '../../sandbox/index.js';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

// TIMEOUT and MEMORY_LIMIT feed reliability counts: they must mean what the worker and V8
// observed (the deadline passed, the heap limit or the RSS cap was hit, the worker aborted out
// of memory), never what the text of an error says.
describe('run outcomes', () => {
  const { run } = useSandbox({ size: 1 });

  it('reports SKILL_THREW, not MEMORY_LIMIT, for a top-level throw saying "memory limit"', async () => {
    const result = await run(`throw new Error('Isolate was disposed during execution due to memory limit');
      export default async function f() { return 1; }`);
    expectFailure(result, 'SKILL_THREW');
  });

  it('reports SKILL_THREW, not TIMEOUT, for a top-level throw saying the script timed out', async () => {
    const result = await run(`throw new Error('Script execution timed out.');
      export default async function f() { return 1; }`);
    expectFailure(result, 'SKILL_THREW');
  });

  it('does not report TIMEOUT for an unhandled rejection saying the script timed out', async () => {
    const result = await run(skill(`void Promise.reject('Script execution timed out.'); return 1;`), {
      limits: { timeoutMs: 2000 },
    });
    if (!result.ok) expectFailure(result, 'SKILL_THREW');
    expect(result.metrics.wallMs).toBeLessThan(1500);
  });

  it('does not report MEMORY_LIMIT for an unhandled rejection saying "memory limit"', async () => {
    const result = await run(skill(`void Promise.reject(new Error('memory limit')); return 1;`));
    if (!result.ok) expectFailure(result, 'SKILL_THREW');
  });

  it('reports MEMORY_LIMIT for a single 2^27-element array that kills the worker', async () => {
    const result = await run(skill('return new Array(2 ** 27).fill(1).length;'), {
      limits: { memoryLimitMb: 64, timeoutMs: 20_000 },
    });
    expectFailure(result, 'MEMORY_LIMIT');
    await expectStillServing(run);
  });

  it('reports MEMORY_LIMIT for a sparse array filled past the heap', async () => {
    const result = await run(
      skill('const a: number[] = []; a[2 ** 27 - 1] = 1; a.fill(0); return a.length;'),
      {
        limits: { memoryLimitMb: 64, timeoutMs: 20_000 },
      },
    );
    expectFailure(result, 'MEMORY_LIMIT');
    await expectStillServing(run);
  });

  it('reports MEMORY_LIMIT for a huge string argument that kills the worker while it is sent', async () => {
    const tools = defineTools({ echo: { inputSchema: {}, handler: () => 'sent' } });
    const result = await run(skill("return await tools.echo({ text: 'x'.repeat(2 ** 28) });"), {
      tools,
      limits: { memoryLimitMb: 64, timeoutMs: 20_000 },
    });
    expectFailure(result, 'MEMORY_LIMIT');
    await expectStillServing(run);
  });
});
