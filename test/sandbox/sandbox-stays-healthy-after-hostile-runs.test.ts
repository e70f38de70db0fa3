import { describe, expect, it } from 'vitest';
import {
  expectFailure,
  expectHostUntouched,
  recordTools,
  skill,
  snapshotHost,
  useSandbox,
  type RunErrorCode,
} from '../helpers/hostile.js';
import { collectGarbage } from '../helpers/collect-garbage.js';

const hostile: { source: string; codes: RunErrorCode[] }[] = [
  { source: skill('while (true) {}'), codes: ['TIMEOUT'] },
  { source: skill('while (true) { await Promise.resolve(); }'), codes: ['TIMEOUT'] },
  { source: skill('await new Promise(() => {});'), codes: ['TIMEOUT'] },
  {
    source: skill('const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1));'),
    // On a loaded machine the hoard may not reach the heap limit before the deadline.
    codes: ['MEMORY_LIMIT', 'TIMEOUT'],
  },
  {
    source: skill('return new Array(2 ** 30).fill(0).length;'),
    codes: ['WORKER_CRASHED', 'MEMORY_LIMIT', 'TIMEOUT'],
  },
  {
    source: skill('const dive = (n: number): number => dive(n + 1) + 1; return dive(0);'),
    codes: ['SKILL_THREW'],
  },
  { source: skill('return /^(a+)+$/.test("a".repeat(40) + "b");'), codes: ['TIMEOUT'] },
  { source: skill('for (;;) await tools.echo({});'), codes: ['TOOL_CALL_LIMIT'] },
  {
    source: skill('(Object.prototype as any).polluted = 1; throw { get message(): string { throw 1; } };'),
    codes: ['SKILL_THREW'],
  },
  { source: skill('return "x".repeat(4 * 1024 * 1024);'), codes: ['OUTPUT_TOO_LARGE'] },
];

function heapUsedAfterGc(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('the sandbox after a batch of hostile runs', () => {
  const { run, sandbox } = useSandbox();

  it('serves 1,000 normal runs afterwards, all ok, with host memory flat', { timeout: 60_000 }, async () => {
    const host = snapshotHost();
    const { tools } = recordTools();
    const limits = { timeoutMs: 1000, memoryLimitMb: 32, maxToolCalls: 20, maxOutputBytes: 1024 * 1024 };
    for (const { source, codes } of hostile) expectFailure(await run(source, { tools, limits }), ...codes);

    const normal = skill('const echoed = await tools.echo({ n: input.n }); return { n: echoed.n * 2 };');
    const runNormal = async (n: number): Promise<void> => {
      const result = await run(normal, { tools, input: { n } });
      if (!result.ok) expect.fail(`run ${n} failed: ${result.error.code}: ${result.error.message}`);
      expect(result.value).toEqual({ n: n * 2 });
    };
    // Warm up before measuring, so lazily created caches do not count as growth.
    for (let n = 0; n < 50; n++) await runNormal(n);
    const heapBefore = heapUsedAfterGc();
    const concurrency = 8;
    for (let start = 0; start < 1000; start += concurrency) {
      await Promise.all(Array.from({ length: concurrency }, (_, offset) => runNormal(start + offset)));
    }
    const growthBytes = heapUsedAfterGc() - heapBefore;

    expect(sandbox().isClosed).toBe(false);
    // Measured about 3 MB over 1,000 runs with a forced GC; anything near the bound is a leak.
    expect(growthBytes).toBeLessThan(20 * 1024 * 1024);
    expectHostUntouched(host);
    // Hostile runs again after the normal ones still fail cleanly, and the pool still serves.
    expectFailure(await run(hostile[0]!.source, { tools, limits }), 'TIMEOUT');
    await runNormal(7);
  });
});
