import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectHostUntouched,
  expectStillServing,
  findNonPlainData,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';

// The glue turning tools.x() into a host call runs inside the isolate next to skill code. A skill
// that replaces the intrinsics it uses may break its own run, but must not reach anything else.
describe('glue against overridden intrinsics', () => {
  const { run } = useSandbox();

  it('hands the handler plain data when JSON, Reflect, Promise and Array intrinsics are replaced', async () => {
    const host = snapshotHost();
    const { tools, calls } = recordTools({ echo: {}, admin: {} });
    const result = await run(
      skill(`JSON.stringify = () => '{"hijacked":true}';
      JSON.parse = () => ({ hijacked: true });
      (Reflect as any).apply = () => 'hijacked';
      (Function.prototype as any).apply = function () { return 'hijacked'; };
      (Function.prototype as any).call = function () { return 'hijacked'; };
      (Promise.prototype as any).then = function () { return 'hijacked'; };
      (Array.prototype as any).push = () => 0;
      (String.prototype as any).slice = () => 'admin';
      (String.prototype as any).split = () => ['admin'];
      try { await tools.echo({ id: 'a' }); } catch {}
      return 'done';`),
      { tools, limits: { timeoutMs: 1000 } },
    );
    if (!result.ok) expectFailure(result, 'SKILL_THREW', 'TIMEOUT', 'INVALID_OUTPUT');
    expect(calls.filter((call) => call.tool === 'admin')).toHaveLength(0);
    for (const call of calls) expect(findNonPlainData(call.args)).toBeUndefined();
    expectHostUntouched(host);
    await expectStillServing(run);
  });

  it('keeps a tool error from carrying the host stack into the isolate', async () => {
    const { tools } = recordTools({
      fail: {
        handler: () => {
          throw new Error('database refused');
        },
      },
    });
    const result = await run(
      skill(`try { await tools.fail({}); return 'no error'; }
      catch (error) { return { message: String((error as Error).message), stack: String((error as Error).stack) }; }`),
      { tools },
    );
    const value = (result.ok ? result.value : {}) as { message?: string; stack?: string };
    expect(value.message).toContain('database refused');
    // Host file paths and frames are host details a skill has no business reading.
    expect(value.stack ?? '').not.toContain(import.meta.filename ?? 'glue-is-not-subverted');
    expect(value.stack ?? '').not.toMatch(/node:internal|node_modules/);
  });

  it('refuses tool results that are not JSON data without handing the skill host objects', async () => {
    const { tools } = recordTools({
      leak: {
        handler: () => ({ fn: () => 'host function', date: new Date(0), map: new Map([[1, 2]]), big: 1n }),
      },
    });
    const result = await run(
      skill(`let value: any;
      try { value = await tools.leak({}); } catch (error) { return 'refused'; }
      return { fn: typeof value.fn, map: Object.prototype.toString.call(value.map), big: typeof value.big };`),
      { tools },
    );
    if (result.ok && result.value !== 'refused') {
      expect(result.value).toMatchObject({ fn: 'undefined' });
      expect((result.value as { big: string }).big).not.toBe('bigint');
    } else if (!result.ok) {
      expectFailure(result, 'TOOL_FAILED', 'INVALID_OUTPUT', 'SKILL_THREW');
    }
  });
});
