import { describe, expect, it } from 'vitest';
import { defineTools } from '../../sandbox/index.js';
import { expectFailure, expectStillServing, skill, useSandbox } from '../helpers/hostile.js';

// Every byte from a worker is untrusted input: a report or a tool call nested thousands of levels
// deep, or a handler failure of an exotic shape, must end as a run result, never as an uncaught
// exception or unhandled rejection in the caller (vitest fails the file on either).
// Each level of the value passes five schemas: ajv recurses through all of them, so the host's
// stack runs out at a depth the isolate can still serialise (about 2,000 levels).
const recursive = {
  definitions: {
    node: { oneOf: [{ type: 'array', items: { $ref: '#/definitions/a' } }, { type: 'number' }] },
    a: { anyOf: [{ $ref: '#/definitions/b' }, { type: 'string' }] },
    b: { allOf: [{ $ref: '#/definitions/c' }] },
    c: { anyOf: [{ $ref: '#/definitions/d' }, { type: 'boolean' }] },
    d: { allOf: [{ $ref: '#/definitions/node' }] },
  },
  $ref: '#/definitions/node',
};

describe('a worker message nested thousands of levels deep', () => {
  const { run } = useSandbox({ size: 1 });

  it('settles a run whose report is broken JSON around a deeply nested value', async () => {
    const result = await run(
      skill(`(Array.prototype as any).toJSON = function (this: unknown[]) {
        return this.length === 0 ? undefined : this;
      };
      let deep: unknown = 1;
      for (let i = 0; i < 4000; i++) deep = { a: deep };
      return deep;`),
      { limits: { timeoutMs: 3000 } },
    );
    expectFailure(result, 'SKILL_THREW', 'INVALID_OUTPUT');
    await expectStillServing(run);
  });

  it('refuses tool arguments nested 1,800 deep against a recursive schema', async () => {
    const tools = defineTools({ walk: { inputSchema: recursive, handler: () => 'walked' } });
    const result = await run(
      skill(`let deep: unknown = 1;
      for (let i = 0; i < 1800; i++) deep = [deep];
      return await tools.walk(deep);`),
      { tools, limits: { timeoutMs: 3000 } },
    );
    // The glue refuses it in the isolate (SKILL_THREW); a forged call is refused by the host.
    const error = expectFailure(result, 'INVALID_TOOL_ARGS', 'SKILL_THREW');
    expect(error.message).toMatch(/nested deeper/);
    await expectStillServing(run);
  });

  it('accepts arguments nested 200 deep against the same recursive schema', async () => {
    const tools = defineTools({ walk: { inputSchema: recursive, handler: () => 'walked' } });
    const result = await run(
      skill(`let deep: unknown = 1;
      for (let i = 0; i < 200; i++) deep = [deep];
      return await tools.walk(deep);`),
      { tools, limits: { timeoutMs: 3000 } },
    );
    expect(result.ok && result.value).toBe('walked');
  });

  it('turns a handler throwing a null-prototype object into TOOL_FAILED', async () => {
    const tools = defineTools({
      bad: {
        inputSchema: { type: 'object' },
        handler: () => {
          throw Object.create(null);
        },
      },
    });
    const result = await run(skill('return await tools.bad({});'), { tools, limits: { timeoutMs: 3000 } });
    expectFailure(result, 'TOOL_FAILED');
    expect(result.trace[0]?.error?.code).toBe('TOOL_FAILED');
    await expectStillServing(run);
  });

  it('turns a handler throwing an object with a throwing message getter into TOOL_FAILED', async () => {
    const tools = defineTools({
      bad: {
        inputSchema: { type: 'object' },
        handler: () => {
          const error = new Error('x');
          Object.defineProperty(error, 'message', {
            get() {
              throw new Error('getter bomb');
            },
          });
          throw error;
        },
      },
    });
    const result = await run(skill('return await tools.bad({});'), { tools, limits: { timeoutMs: 3000 } });
    expectFailure(result, 'TOOL_FAILED');
  });
});
