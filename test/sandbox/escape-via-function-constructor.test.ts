import { describe, expect, it } from 'vitest';
import {
  expectHostUntouched,
  expectValue,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
} from '../helpers/hostile.js';

// `reach(get)` reports whether `get()` handed the skill anything: a host object would show as REACHED.
const reach = `
function reach(get: () => unknown): string {
  try {
    const value = get();
    return value === undefined || value === null ? 'absent' : 'REACHED ' + typeof value;
  } catch (error) {
    return 'blocked';
  }
}`;

function expectNothingReached(value: unknown): void {
  const probes = value as Record<string, string>;
  expect(Object.keys(probes).length).toBeGreaterThan(0);
  for (const [probe, outcome] of Object.entries(probes)) {
    expect(outcome, probe).toMatch(/^(absent|blocked)$/);
  }
}

describe('escape via the Function constructor', () => {
  const { run } = useSandbox();

  it('finds no process, require or module through an object literal constructor chain', async () => {
    const host = snapshotHost();
    const result = await run(
      skill(
        `return {
          process: reach(() => ({}).constructor.constructor('return process')()),
          require: reach(() => ({}).constructor.constructor('return require')()),
          module: reach(() => ({}).constructor.constructor('return module')()),
          globalProcess: reach(() => ({}).constructor.constructor('return globalThis.process')()),
          thisProcess: reach(() => (Function('return this')() as any).process),
          arrowProcess: reach(() => [].constructor.constructor('return process')()),
        };`,
        reach,
      ),
    );
    expectNothingReached(expectValue(result));
    expectHostUntouched(host);
  });

  it('finds no host through the constructor chain of a tool function', async () => {
    const { tools } = recordTools();
    const result = await run(
      skill(
        `const echo = tools.echo;
        return {
          viaTool: reach(() => echo.constructor.constructor('return process')()),
          viaToolPrototype: reach(() => Object.getPrototypeOf(echo).constructor('return process')()),
          viaToolsObject: reach(() => tools.constructor.constructor('return process')()),
          viaBind: reach(() => echo.bind(null).constructor('return require')()),
          viaCall: reach(() => echo.call.constructor('return process')()),
          viaCallerArguments: reach(() => (echo as any).caller),
        };`,
        reach,
      ),
      { tools },
    );
    expectNothingReached(expectValue(result));
  });

  it('finds no host through the constructor chain of a tool error', async () => {
    const { tools, callsOf } = recordTools({
      fail: {
        handler: () => {
          throw new Error('host failure');
        },
      },
    });
    const result = await run(
      skill(
        `let caught: any;
        try { await tools.fail({}); } catch (error) { caught = error; }
        if (!caught) return { noError: 'REACHED no error was thrown' };
        return {
          viaError: reach(() => caught.constructor.constructor('return process')()),
          viaErrorPrototype: reach(() => Object.getPrototypeOf(caught).constructor.constructor('return require')()),
          viaCause: reach(() => caught.cause && caught.cause.constructor.constructor('return process')()),
          viaStackFrames: reach(() => {
            const prepare = (Error as any).prepareStackTrace;
            (Error as any).prepareStackTrace = (_: unknown, frames: any[]) => frames;
            const frames = new Error('probe').stack as unknown as any[];
            (Error as any).prepareStackTrace = prepare;
            // A frame's function or receiver that carries isolated-vm handle methods would be a host handle.
            return frames
              .flatMap((frame) => [frame.getFunction?.(), frame.getThis?.()])
              .find((value) => value && (value.applySync || value.derefInto || value.copySync));
          }),
        };`,
        reach,
      ),
      { tools },
    );
    expectNothingReached(expectValue(result));
    expect(callsOf('fail')).toHaveLength(1);
  });

  it('finds no host through the constructor chain of a tool promise or its result', async () => {
    const { tools } = recordTools();
    const result = await run(
      skill(
        `const pending = tools.echo({ a: 1 });
        const value = await pending;
        // An AsyncFunction body runs to a promise: await what it found.
        const asyncProcess = await (async () => {}).constructor('return process')().catch(() => undefined);
        return {
          viaPromise: reach(() => pending.constructor.constructor('return process')()),
          viaThen: reach(() => pending.then.constructor('return require')()),
          viaResult: reach(() => value.constructor.constructor('return process')()),
          viaAsyncFunction: reach(() => asyncProcess),
          viaGenerator: reach(() => (function* () {}).constructor('return process')().next().value),
        };`,
        reach,
      ),
      { tools },
    );
    expectNothingReached(expectValue(result));
  });

  it('finds no host through Symbol and Reflect', async () => {
    const { tools } = recordTools();
    const result = await run(
      skill(
        `const found: Record<string, string> = {
          viaReflectConstruct: reach(() => Reflect.construct(Function, ['return process'])()),
          viaReflectApply: reach(() => Reflect.apply(Function, undefined, ['return require'])()),
          viaSymbol: reach(() => Symbol.constructor.constructor('return process')()),
          viaSymbolFor: reach(() => (globalThis as any)[Symbol.for('nodejs.util.inspect.custom')]),
        };
        for (const target of [tools, tools.echo, globalThis]) {
          for (const key of Reflect.ownKeys(target)) {
            if (typeof key !== 'symbol') continue;
            found['symbol ' + String(key)] = reach(() => {
              const value = (target as any)[key];
              return value && (value.applySync || value.derefInto || value.copySync) ? value : undefined;
            });
          }
        }
        return found;`,
        reach,
      ),
      { tools },
    );
    expectNothingReached(expectValue(result));
  });
});
