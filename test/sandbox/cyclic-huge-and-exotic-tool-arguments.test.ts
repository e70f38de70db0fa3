import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectStillServing,
  expectValue,
  findNonPlainData,
  recordTools,
  skill,
  useSandbox,
} from '../helpers/hostile.js';

// Tool arguments are JSON data (MCP tools take JSON): anything else is refused before a handler runs,
// or reaches it as plain data. Either way the host must never hold a cycle, function, symbol or bigint.
describe('cyclic, huge and exotic tool arguments', () => {
  const { run } = useSandbox();

  it('refuses cyclic arguments without calling the handler', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const args: any = { id: 'a' };
      args.self = args;
      await tools.echo(args);
      return 'sent';`),
      { tools },
    );
    expectFailure(result, 'INVALID_TOOL_ARGS', 'SKILL_THREW');
    expect(calls).toHaveLength(0);
  });

  it('keeps deeply nested arguments from overflowing the host stack', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`let args: any = { leaf: true };
      for (let i = 0; i < 100000; i++) args = { a: args };
      try { await tools.echo(args); } catch (error) { return 'refused'; }
      return 'sent';`),
      { tools, limits: { timeoutMs: 3000 } },
    );
    if (!result.ok) expectFailure(result, 'INVALID_TOOL_ARGS', 'SKILL_THREW', 'MEMORY_LIMIT');
    for (const call of calls) expect(call.args).toBeTypeOf('object');
    await expectStillServing(run);
  });

  it('survives a huge string argument with the host intact', async () => {
    const { tools, calls } = recordTools({ echo: { handler: () => ({ received: true }) } });
    const result = await run(
      skill(`const blob = 'x'.repeat(16 * 1024 * 1024);
      try { await tools.echo({ blob }); } catch (error) { return 'refused'; }
      return 'sent';`),
      { tools, limits: { timeoutMs: 4000 } },
    );
    if (!result.ok) expectFailure(result, 'INVALID_TOOL_ARGS', 'MEMORY_LIMIT', 'SKILL_THREW', 'TIMEOUT');
    for (const call of calls) expect((call.args as { blob: string }).blob).toHaveLength(16 * 1024 * 1024);
    await expectStillServing(run);
  });

  it('never hands the handler a function passed as an argument', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`let ran = false;
      const callback = () => { ran = true; return 'called back'; };
      try { await tools.echo({ callback, nested: { fn: callback }, list: [callback] }); } catch (error) { return { ran, refused: true }; }
      return { ran };`),
      { tools },
    );
    expect(expectValue(result)).toMatchObject({ ran: false });
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
  });

  it('never hands the handler the tools object or a tool function', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`try { await tools.echo({ tools, echo: tools.echo }); } catch (error) { return 'refused'; }
      return 'sent';`),
      { tools },
    );
    expectValue(result);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
  });

  it('never hands the handler a symbol or a BigInt', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const outcomes: string[] = [];
      for (const args of [{ s: Symbol('x') }, { n: 10n }, { [Symbol('key')]: 1, id: 'a' }]) {
        try { await tools.echo(args); outcomes.push('sent'); } catch (error) { outcomes.push('refused'); }
      }
      return outcomes;`),
      { tools },
    );
    expect(expectValue(result)).toHaveLength(3);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
  });

  it('refuses non-object arguments against an object schema without calling the handler', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const outcomes: string[] = [];
      for (const args of [undefined, null, 42, 'text', [1, 2]]) {
        try { await tools.echo(args); outcomes.push('sent'); } catch (error) { outcomes.push('refused'); }
      }
      return outcomes;`),
      { tools },
    );
    // Whether the refusal is catchable or ends the run is the runtime's choice; the handler never runs.
    if (result.ok) expect(result.value).toEqual(['refused', 'refused', 'refused', 'refused', 'refused']);
    else expectFailure(result, 'INVALID_TOOL_ARGS');
    expect(calls).toHaveLength(0);
  });
});
