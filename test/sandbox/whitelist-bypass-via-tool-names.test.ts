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
import { createSandbox, defineTools } from '../../sandbox/index.js';

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

  it("shows each run only its own pack's tools while runs with other packs take turns on one worker", async () => {
    // One worker and one isolate: each next context is prepared with the tools of the run before.
    await using sandbox = await createSandbox({ size: 1 });
    const packs = {
      mail: {
        tools: recordTools({ 'mail.send': {}, 'mail.read': {}, audit: {} }).tools,
        names: ['audit', 'mail.read', 'mail.send'],
      },
      admin: { tools: recordTools({ 'admin.drop_table': {} }).tools, names: ['admin.drop_table'] },
      none: { tools: defineTools({}), names: [] },
    };
    const source = skill(`const names: string[] = [];
      for (const key of Object.keys(tools)) {
        const value = (tools as any)[key];
        if (typeof value === 'function') names.push(key);
        else for (const inner of Object.keys(value)) names.push(key + '.' + inner);
      }
      return names.sort();`);
    for (const pack of ['mail', 'mail', 'admin', 'admin', 'mail', 'none', 'admin', 'none', 'mail'] as const) {
      const result = await sandbox.run({ source, tools: packs[pack].tools });
      expect(result, pack).toMatchObject({ ok: true, value: packs[pack].names });
    }
  });

  it('keeps handlers of an empty pack unreachable', async () => {
    const result = await run(skill('return await tools.echo({});'), { tools: defineTools({}) });
    expectFailure(result, 'TOOL_NOT_ALLOWED', 'SKILL_THREW');
  });
});
