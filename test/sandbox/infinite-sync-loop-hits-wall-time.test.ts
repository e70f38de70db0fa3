import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

describe('infinite synchronous loops', () => {
  const { run } = useSandbox();

  it('stops while(true) inside the skill with TIMEOUT', async () => {
    const result = await run(skill('while (true) {}'), { limits: { timeoutMs: 300 } });
    expectFailure(result, 'TIMEOUT');
    await expectStillServing(run);
  });

  it('stops a loop at module top level, before the skill function is called, with TIMEOUT', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('return 1;', 'for (;;) {}'), { tools, limits: { timeoutMs: 300 } });
    expectFailure(result, 'TIMEOUT');
    expect(calls).toHaveLength(0);
    await expectStillServing(run);
  });

  it('stops a loop that runs after a tool call returned, with TIMEOUT and the call in the trace', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('await tools.echo({ id: 1 }); while (true) {}'), {
      tools,
      limits: { timeoutMs: 300 },
    });
    expectFailure(result, 'TIMEOUT');
    expect(calls).toHaveLength(1);
    expect(result.trace.map((call) => call.tool)).toEqual(['echo']);
  });

  it('stops a loop hidden in a getter the runtime might read (then) with TIMEOUT', async () => {
    const result = await run(skill('return { get then() { while (true) {} } };'), {
      limits: { timeoutMs: 300 },
    });
    expectFailure(result, 'TIMEOUT', 'SKILL_THREW', 'INVALID_OUTPUT');
    await expectStillServing(run);
  });
});

describe('infinite synchronous loops through runSkill', () => {
  it('stops while(true) with TIMEOUT and serves the next runSkill call', async () => {
    const { runSkill, defineTools } = await import('../../sandbox/index.js');
    const tools = defineTools({});
    expectFailure(
      await runSkill({ source: skill('while (true) {}'), tools, limits: { timeoutMs: 300 } }),
      'TIMEOUT',
    );
    const result = await runSkill({ source: skill('return input.n + 1;'), input: { n: 1 }, tools });
    expect(result.ok && result.value).toBe(2);
  });
});
