import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectHostUntouched,
  expectStillServing,
  expectValue,
  findNonPlainData,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';

describe('Proxy, getter and toJSON tricks on tool arguments', () => {
  const { run } = useSandbox();

  it('hands the handler a plain copy of a Proxy argument, never the Proxy', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`let traps = 0;
      const target = { id: 'a' };
      const proxy = new Proxy(target, {
        get(t: any, key) { traps++; return t[key]; },
        ownKeys(t) { traps++; return Reflect.ownKeys(t); },
        getOwnPropertyDescriptor(t, key) { traps++; return Reflect.getOwnPropertyDescriptor(t, key); },
      });
      try { await tools.echo(proxy); } catch (error) { return { refused: String(error) }; }
      return { traps };`),
      { tools },
    );
    expectValue(result);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
    if (calls.length > 0) expect(calls[0]?.args).toEqual({ id: 'a' });
  });

  // Issue 14: an accessor is refused rather than invoked, so no getter decides what a handler sees.
  it('refuses an argument with a getter inside the isolate, without reading it', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`let reads = 0;
      const args = { get id() { reads++; return 'read-' + reads; } };
      try { await tools.echo(args); } catch (error) { return { reads, refused: (error as Error).name }; }
      return { reads, refused: null };`),
      { tools },
    );
    expect(expectValue(result)).toEqual({ reads: 0, refused: 'TypeError' });
    expect(calls).toHaveLength(0);
  });

  it('refuses a getter that would answer differently to the check and to the handler', async () => {
    const { tools, callsOf } = recordTools({
      lookup: {
        inputSchema: {
          type: 'object',
          properties: { id: { type: 'string' } },
          required: ['id'],
          additionalProperties: false,
        },
      },
    });
    const result = await run(
      skill(`let reads = 0;
      const args = { get id(): any { reads++; return reads === 1 ? 'safe' : { $where: 'evil' }; } };
      await tools.lookup(args);
      return reads;`),
      { tools },
    );
    expectFailure(result, 'SKILL_THREW');
    expect(callsOf('lookup')).toHaveLength(0);
  });

  it('keeps a toJSON method from handing the handler anything but plain data', async () => {
    const host = snapshotHost();
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const args = { id: 'a', toJSON() { return { id: 'swapped', extra: [1, 2] }; } };
      try { await tools.echo(args); } catch (error) { return 'refused'; }
      return 'sent';`),
      { tools },
    );
    expectValue(result);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
    expectHostUntouched(host);
  });

  it('keeps a polluted Object.prototype.toJSON from redirecting the tool call', async () => {
    const { tools, calls } = recordTools({ echo: {}, other: {} });
    const result = await run(
      skill(`Object.defineProperty(Object.prototype, 'toJSON', {
        value() { return { tool: 'other', name: 'other', args: { hijacked: true } }; },
        configurable: true,
      });
      try { await tools.echo({ id: 'a' }); } catch (error) { return 'refused'; }
      return 'sent';`),
      { tools },
    );
    // Subverting the glue's serialisation may break the skill's own run; it must reach nothing else.
    if (!result.ok) expectFailure(result, 'SKILL_THREW');
    expect(calls.every((call) => call.tool === 'echo')).toBe(true);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
  });

  it('turns a throwing getter on an argument into a skill failure without calling the handler', async () => {
    const { tools, calls } = recordTools();
    const result = await run(
      skill(`const args = { get id(): string { throw new Error('getter bomb'); } };
      await tools.echo(args);
      return 'sent';`),
      { tools },
    );
    expectFailure(result, 'SKILL_THREW', 'INVALID_TOOL_ARGS');
    expect(calls).toHaveLength(0);
    await expectStillServing(run);
  });
});
