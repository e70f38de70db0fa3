import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectHostUntouched,
  expectStillServing,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';
import { defineTools } from '../../sandbox/index.js';

// Names a host might resolve by walking objects or prototypes: each must match no handler.
const trickNames = [
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '__proto__.toString',
  'constructor.constructor',
  'echo.constructor',
  'echo.__proto__',
  'echo.call',
  '.echo',
  'echo.',
  ' echo',
  'ECHO',
  'echo\u0000',
  'secret',
];

describe('whitelist bypass through tool names', () => {
  const { run } = useSandbox();

  for (const name of trickNames) {
    it(`reaches no handler through the tool name ${JSON.stringify(name)}`, async () => {
      const host = snapshotHost();
      const { tools, calls } = recordTools();
      const result = await run(
        skill(`let node: any = tools;
        const value = await node[input.name]({ probe: true });
        return typeof value;`),
        { tools, input: { name }, limits: { timeoutMs: 1000 } },
      );
      expect(calls).toHaveLength(0);
      if (!result.ok) expectFailure(result, 'TOOL_NOT_ALLOWED', 'SKILL_THREW');
      expectHostUntouched(host);
    });
  }

  it('refuses a tool registered for another run with TOOL_NOT_ALLOWED and never calls it', async () => {
    const other = recordTools({ secret: {} });
    const { tools } = recordTools();
    void other.tools;
    const result = await run(skill('return await tools.secret({ steal: true });'), { tools });
    expectFailure(result, 'TOOL_NOT_ALLOWED');
    expect(other.calls).toHaveLength(0);
  });

  it('refuses a sibling of a dotted tool name with TOOL_NOT_ALLOWED', async () => {
    const { tools, calls } = recordTools({ 'github.create_issue': {} });
    const result = await run(skill('return await tools.github.delete_repo({ repo: "knack" });'), { tools });
    expectFailure(result, 'TOOL_NOT_ALLOWED');
    expect(calls).toHaveLength(0);
    await expectStillServing(run);
  });

  it('keeps handlers of an empty pack unreachable', async () => {
    const result = await run(skill('return await tools.echo({});'), { tools: defineTools({}) });
    expectFailure(result, 'TOOL_NOT_ALLOWED', 'SKILL_THREW');
  });
});
