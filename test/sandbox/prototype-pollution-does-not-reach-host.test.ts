import { describe, expect, it } from 'vitest';
import {
  expectHostUntouched,
  expectValue,
  findNonPlainData,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';

describe('prototype pollution meant to reach the host', () => {
  const { run } = useSandbox();

  it('keeps Object.prototype pollution inside the isolate and hands the handler a plain object', async () => {
    const host = snapshotHost();
    const { tools, callsOf } = recordTools();
    const result = await run(
      skill(`(Object.prototype as any).polluted = 'yes';
      (Array.prototype as any).polluted = 'yes';
      await tools.echo({ id: 'a', list: [1, 2] });
      return 'done';`),
      { tools },
    );
    expectValue(result);
    const [call] = callsOf('echo');
    expect(call?.args).toEqual({ id: 'a', list: [1, 2] });
    expect(Object.getPrototypeOf(call?.args)).toBe(Object.prototype);
    expect(findNonPlainData(call?.args)).toBeUndefined();
    expectHostUntouched(host);
  });

  it('hands the handler a plain object with the host prototype when args carry a __proto__ key', async () => {
    const host = snapshotHost();
    const { tools, callsOf } = recordTools();
    const result = await run(
      skill(`const args = JSON.parse('{"__proto__": {"polluted": "yes", "isAdmin": true}, "id": "a"}');
      await tools.echo(args);
      return 'done';`),
      { tools },
    );
    expectValue(result);
    const args = callsOf('echo')[0]?.args as Record<string, unknown>;
    expect(Object.getPrototypeOf(args)).toBe(Object.prototype);
    expect(args['id']).toBe('a');
    expect(args['polluted']).toBeUndefined();
    expect(args['isAdmin']).toBeUndefined();
    expect(findNonPlainData(args)).toBeUndefined();
    expectHostUntouched(host);
  });

  it('hands the handler plain data when args carry constructor.prototype keys', async () => {
    const host = snapshotHost();
    const { tools, callsOf } = recordTools();
    const result = await run(
      skill(`await tools.echo({ constructor: { prototype: { polluted: 'yes' } }, nested: JSON.parse('{"__proto__": {"polluted": "yes"}}') });
      return 'done';`),
      { tools },
    );
    expectValue(result);
    const args = callsOf('echo')[0]?.args as Record<string, Record<string, unknown>>;
    expect(findNonPlainData(args)).toBeUndefined();
    expect(Object.getPrototypeOf(args['nested'])).toBe(Object.prototype);
    expect(args['nested']?.['polluted']).toBeUndefined();
    expectHostUntouched(host);
  });

  it('keeps a __proto__ key in a tool result from polluting the isolate or the host', async () => {
    const host = snapshotHost();
    const { tools } = recordTools({
      evil: { handler: () => JSON.parse('{"__proto__": {"polluted": "yes"}, "ok": true}') as unknown },
    });
    const result = await run(
      skill(`const value = await tools.evil({});
      return { ok: value.ok, ownProto: Object.getPrototypeOf(value) === Object.prototype, polluted: ({} as any).polluted ?? null };`),
      { tools },
    );
    expect(expectValue(result)).toEqual({ ok: true, ownProto: true, polluted: null });
    expectHostUntouched(host);
  });

  it('returns an output with a __proto__ key as plain data without polluting the host', async () => {
    const host = snapshotHost();
    const result = await run(skill(`return JSON.parse('{"__proto__": {"polluted": "yes"}, "id": 1}');`));
    const value = expectValue(result) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value['polluted']).toBeUndefined();
    expect(findNonPlainData(value)).toBeUndefined();
    expectHostUntouched(host);
  });

  it('does not carry pollution or globals from one run into the next', async () => {
    const { tools } = recordTools();
    const first = await run(
      skill(`(Object.prototype as any).leak = 'from run 1';
      (globalThis as any).savedTools = tools;
      (globalThis as any).secret = input.secret;
      (Array.prototype as any).push = () => 0;
      return 'planted';`),
      { tools, input: { secret: 'run-1-secret' } },
    );
    expect(expectValue(first)).toBe('planted');
    const second = await run(
      skill(`const list: number[] = [];
      list.push(1);
      return {
        leak: ({} as any).leak ?? null,
        savedTools: typeof (globalThis as any).savedTools,
        secret: (globalThis as any).secret ?? null,
        push: list.length,
      };`),
      { tools },
    );
    expect(expectValue(second)).toEqual({ leak: null, savedTools: 'undefined', secret: null, push: 1 });
  });
});
