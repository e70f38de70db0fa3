import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectStillServing,
  expectValue,
  recordTools,
  skill,
  useSandbox,
} from '../helpers/hostile.js';

describe('the tool call limit', () => {
  const { run } = useSandbox();

  it('stops a sequential flood with TOOL_CALL_LIMIT after exactly maxToolCalls handler calls', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('for (let i = 0; i < 100; i++) await tools.echo({ i }); return "done";'), {
      tools,
      limits: { maxToolCalls: 5 },
    });
    expectFailure(result, 'TOOL_CALL_LIMIT');
    expect(calls).toHaveLength(5);
    expect(calls.map((call) => (call.args as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
  });

  it('stops a parallel flood with TOOL_CALL_LIMIT after exactly maxToolCalls handler calls', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill('await Promise.all(Array.from({ length: 200 }, (_, i) => tools.echo({ i }))); return "done";'),
      { tools, limits: { maxToolCalls: 5 } },
    );
    expectFailure(result, 'TOOL_CALL_LIMIT');
    expect(calls).toHaveLength(5);
  });

  it('keeps the limit when the skill swallows the limit error and keeps calling', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`let refused = 0;
      for (let i = 0; i < 50; i++) {
        try { await tools.echo({ i }); } catch { refused++; }
      }
      return { refused };`),
      { tools, limits: { maxToolCalls: 3 } },
    );
    expect(calls).toHaveLength(3);
    // A limit that trips is the run's outcome even if the skill catches it.
    expectFailure(result, 'TOOL_CALL_LIMIT');
  });

  it('counts calls spread over several tools against one limit', async () => {
    const { tools, calls } = recordTools({ a: {}, b: {}, 'c.d': {} });
    const result = await run(
      skill(
        'for (let i = 0; i < 20; i++) { await tools.a({}); await tools.b({}); await tools.c.d({}); } return "done";',
      ),
      { tools, limits: { maxToolCalls: 7 } },
    );
    expectFailure(result, 'TOOL_CALL_LIMIT');
    expect(calls).toHaveLength(7);
  });

  it('allows exactly maxToolCalls calls to succeed', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('for (let i = 0; i < 5; i++) await tools.echo({ i }); return "done";'), {
      tools,
      limits: { maxToolCalls: 5 },
    });
    expect(expectValue(result)).toBe('done');
    expect(calls).toHaveLength(5);
    await expectStillServing(run);
  });
});
