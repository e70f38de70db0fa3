import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, expectValue, skill, useSandbox } from '../helpers/hostile.js';
import type { RunResult } from '../../sandbox/index.js';

function logBytes(result: RunResult): number {
  return result.logs.reduce(
    (total, entry) => total + Buffer.byteLength(entry.message) + entry.level.length,
    0,
  );
}

describe('console floods', () => {
  const { run } = useSandbox();

  it('keeps captured logs within maxLogBytes when a skill logs a million lines', async () => {
    const result = await run(
      skill(
        'for (let i = 0; i < 1_000_000; i++) console.log("line " + i + " " + "z".repeat(100)); return "logged";',
      ),
      { limits: { maxLogBytes: 16 * 1024, timeoutMs: 5000 } },
    );
    if (!result.ok) expectFailure(result, 'TIMEOUT');
    // Some slack for a truncation notice and per-entry overhead.
    expect(logBytes(result)).toBeLessThanOrEqual(16 * 1024 + 1024);
    expect(result.logs.length).toBeGreaterThan(0);
    await expectStillServing(run);
  });

  it('keeps one huge log line within maxLogBytes', async () => {
    const result = await run(skill('console.error("e".repeat(8 * 1024 * 1024)); return "logged";'), {
      limits: { maxLogBytes: 16 * 1024, timeoutMs: 5000 },
    });
    expect(expectValue(result)).toBe('logged');
    expect(logBytes(result)).toBeLessThanOrEqual(16 * 1024 + 1024);
  });

  it('counts multi-byte characters in bytes, so emoji logs stay within maxLogBytes', async () => {
    const result = await run(
      skill('for (let i = 0; i < 10_000; i++) console.log("\u{1F4A5}€".repeat(50)); return "logged";'),
      {
        limits: { maxLogBytes: 16 * 1024, timeoutMs: 5000 },
      },
    );
    expect(expectValue(result)).toBe('logged');
    expect(logBytes(result)).toBeLessThanOrEqual(16 * 1024 + 1024);
  });

  it('logs hostile objects (throwing getters, proxies, cycles) without failing the run', async () => {
    const result = await run(
      skill(`const loop: any = { id: 1 }; loop.self = loop;
      const bomb = () => { throw new Error('bomb'); };
      console.log({ get x() { throw new Error('getter bomb'); } });
      console.log(new Proxy({}, { get: bomb, ownKeys: bomb, getOwnPropertyDescriptor: bomb }));
      console.warn(loop, Symbol('s'), 10n, () => 1);
      console.info({ toString: bomb, [Symbol.toPrimitive]: bomb });
      return 'survived';`),
      { limits: { timeoutMs: 2000 } },
    );
    if (result.ok) expect(result.value).toBe('survived');
    else expectFailure(result, 'SKILL_THREW');
    for (const entry of result.logs) expect(typeof entry.message).toBe('string');
  });

  it('keeps a replaced console from reaching the host', async () => {
    const result = await run(
      skill(`(globalThis as any).console = { log: () => { throw new Error('hijacked'); } };
      return typeof (globalThis as any).console.log;`),
    );
    expect(expectValue(result)).toBe('function');
    await expectStillServing(run);
  });
});
