import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// isolated-vm's `timeout` does not cover time spent awaiting promises: the runtime owns the deadline.
describe('infinite asynchronous loops and pending work', () => {
  const { run } = useSandbox();

  it('stops an endless await loop with TIMEOUT', async () => {
    const result = await run(skill('while (true) { await Promise.resolve(); }'), {
      limits: { timeoutMs: 300 },
    });
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('stops an endless loop of tool calls with TIMEOUT while the call limit is high', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('for (let i = 0; ; i++) await tools.echo({ i });'), {
      tools,
      limits: { timeoutMs: 300, maxToolCalls: 1_000_000 },
    });
    expectFailure(result, 'TIMEOUT');
    expect(calls.length).toBeGreaterThan(0);
    await expectStillServing(run);
  });

  it('stops a skill awaiting a promise that never settles with TIMEOUT', async () => {
    const result = await run(skill('await new Promise(() => {}); return "never";'), {
      limits: { timeoutMs: 300 },
    });
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('stops a skill awaiting a tool that never answers with TIMEOUT and aborts the handler signal', async () => {
    const { tools, calls } = recordTools({ hang: { handler: () => new Promise(() => {}) } });
    const result = await run(skill('await tools.hang({}); return "never";'), {
      tools,
      limits: { timeoutMs: 300 },
    });
    expectFailure(result, 'TIMEOUT');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.context.signal.aborted).toBe(true);
    await expectStillServing(run);
  });
});
