import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSandbox, defineTools, KnackError } from '../../src/index.js';

// Worker processes of this test process, found through /proc (Linux): real processes, no mocks.
function workerPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (parent === process.pid && cmdline.includes('worker-')) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

describe('createSandbox', () => {
  it('starts the requested number of worker processes and keeps isolated-vm out of the caller', async () => {
    await using sandbox = await createSandbox({ size: 2 });
    // Ready with the first worker; the second starts once the first is up.
    await expect.poll(() => workerPids().length, { timeout: 5000 }).toBe(2);
    const result = await sandbox.run({ source: 'export default async () => 1', tools: defineTools({}) });
    expect(result).toMatchObject({ ok: true, value: 1 });
    const loaded = Object.keys((await import('node:module')).createRequire(import.meta.url).cache);
    expect(loaded.some((file) => file.includes('isolated-vm'))).toBe(false);
  });

  it("starts workers without the caller's NODE_OPTIONS, so a preload or an inspector never reaches them", async () => {
    const folder = mkdtempSync(join(tmpdir(), 'knack-node-options-'));
    const marker = join(folder, 'preloaded');
    const preload = join(folder, 'preload.cjs');
    writeFileSync(
      preload,
      `require('node:fs').writeFileSync(${JSON.stringify(marker)}, String(process.pid));`,
    );
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = `--require ${preload}`;
    try {
      await using sandbox = await createSandbox({ size: 1 });
      const result = await sandbox.run({ source: 'export default async () => 1', tools: defineTools({}) });
      expect(result).toMatchObject({ ok: true, value: 1 });
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
    expect(existsSync(marker)).toBe(false);
  });

  it('runs every worker thread 10 nice steps below the caller by default, or as `workerNice` says', async () => {
    // Field 19 of /proc/<pid>/task/<tid>/stat is the nice value of that thread.
    const niceOf = (pid: number): number[] =>
      readdirSync(`/proc/${pid}/task`).flatMap((thread) => {
        try {
          const stat = readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
          return [Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])];
        } catch {
          return []; // The thread ended while we looked.
        }
      });
    const callerNice = getPriority();
    const niceOfWorkers = async (options: { workerNice?: number }): Promise<number[]> => {
      await using sandbox = await createSandbox({ size: 1, ...options });
      expect(
        await sandbox.run({ source: 'export default async () => 1', tools: defineTools({}) }),
      ).toMatchObject({
        ok: true,
      });
      return [...new Set(workerPids().flatMap(niceOf))];
    };
    expect(await niceOfWorkers({})).toEqual([Math.min(19, callerNice + 10)]);
    expect(await niceOfWorkers({ workerNice: 0 })).toEqual([callerNice]);
  });

  it('lets a worker sleep while a slow tool works or no run comes, and still answers at once', async () => {
    // Fields 14 and 15 of /proc/<pid>/stat: user and system CPU time, in clock ticks (1/100 s).
    const cpuTicks = (pid: number): number => {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return Number(fields[11]) + Number(fields[12]);
    };
    const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
    await using sandbox = await createSandbox({ size: 1 });
    const [pid] = workerPids();
    let ticksDuringSlowCall = Number.NaN;
    const tools = defineTools({
      slow: {
        inputSchema: {},
        handler: async () => {
          const before = cpuTicks(pid!);
          await sleep(600);
          ticksDuringSlowCall = cpuTicks(pid!) - before;
          return 'slow';
        },
      },
      quick: { inputSchema: {}, handler: () => 'quick' },
    });
    const source = `export default async (_: unknown, tools: any) =>
      [await tools.quick({}), await tools.slow({}), await tools.quick({}), await tools.quick({})]`;
    const expected = { ok: true, value: ['quick', 'slow', 'quick', 'quick'] };
    expect(await sandbox.run({ source, tools })).toMatchObject(expected);
    const beforePause = cpuTicks(pid!);
    await sleep(600);
    const ticksWhileIdle = cpuTicks(pid!) - beforePause;
    expect(await sandbox.run({ source, tools })).toMatchObject(expected);
    // A worker that polled through either wait would use all of its 60 ticks.
    expect(ticksDuringSlowCall).toBeLessThan(10);
    expect(ticksWhileIdle).toBeLessThan(10);
  });

  it("lets a worker's threads sleep once a burst of runs is over, while their deadlines pass", async () => {
    // Context switches of every thread of a process, from /proc/<pid>/task/<tid>/status.
    const switches = (pid: number): number =>
      readdirSync(`/proc/${pid}/task`).reduce((sum, thread) => {
        try {
          const status = readFileSync(`/proc/${pid}/task/${thread}/status`, 'utf8');
          const counts = status.match(/^(non)?voluntary_ctxt_switches:\s+\d+$/gm) ?? [];
          return counts.reduce((total, line) => total + Number(line.split(/\s+/)[1]), sum);
        } catch {
          return sum; // The thread ended while we looked.
        }
      }, 0);
    await using sandbox = await createSandbox({ size: 1 });
    const [pid] = workerPids();
    const tools = defineTools({ echo: { inputSchema: {}, handler: (args: unknown) => args } });
    const source =
      'export default async (_: unknown, tools: any) => [await tools.echo({}), await tools.echo({})]';
    const began = performance.now();
    while (performance.now() - began < 500) {
      expect(await sandbox.run({ source, tools, limits: { timeoutMs: 1000 } })).toMatchObject({ ok: true });
    }
    const before = switches(pid!);
    await new Promise((resolve) => setTimeout(resolve, 1600));
    // Each run leaves isolated-vm timers that expire at its deadline, within the next second. Woken
    // at every expiry, the worker switched about 1,500 times here; woken once per 50 ms, about 120.
    expect(switches(pid!) - before).toBeLessThan(400);
  });

  it('stops a synchronous loop inside the worker, which then serves the next run', async () => {
    await using sandbox = await createSandbox({ size: 1 });
    const tools = defineTools({});
    const pids = workerPids();
    const looped = await sandbox.run({
      source: 'export default async () => { for (;;) {} }',
      tools,
      limits: { timeoutMs: 200 },
    });
    expect(looped).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    const next = await sandbox.run({ source: 'export default async () => "next"', tools });
    expect(next).toMatchObject({ ok: true, value: 'next' });
    // Not killed after the grace period and replaced: the worker's own bound stopped the loop.
    expect(workerPids()).toEqual(pids);
  });

  it('replaces a killed worker: the run in flight gets WORKER_CRASHED and the next run works', async () => {
    await using sandbox = await createSandbox({ size: 1 });
    const killer = defineTools({
      kill_worker: {
        inputSchema: {},
        handler: () => {
          for (const pid of workerPids()) process.kill(pid, 'SIGKILL');
          return new Promise(() => undefined);
        },
      },
    });
    const crashed = await sandbox.run({
      source: 'export default async (_: unknown, tools: any) => tools.kill_worker({})',
      tools: killer,
    });
    expect(crashed).toMatchObject({ ok: false, error: { code: 'WORKER_CRASHED' } });
    const next = await sandbox.run({ source: 'export default async () => "alive"', tools: killer });
    expect(next).toMatchObject({ ok: true, value: 'alive' });
  });

  it('keeps other runs working while one run hits its deadline', async () => {
    await using sandbox = await createSandbox({ size: 2 });
    const tools = defineTools({});
    const [stuck, ...others] = await Promise.all([
      sandbox.run({
        source: 'export default async () => { for (;;) {} }',
        tools,
        limits: { timeoutMs: 300 },
      }),
      ...Array.from({ length: 10 }, (_, index) =>
        sandbox.run({ source: `export default async () => ${index}`, tools }),
      ),
    ]);
    expect(stuck).toMatchObject({ ok: false, error: { code: 'TIMEOUT' } });
    expect(others.map((result) => result.ok && result.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('serves many runs concurrently with fresh globals in each', async () => {
    await using sandbox = await createSandbox({ size: 2, runsPerWorker: 2 });
    const tools = defineTools({ echo: { inputSchema: {}, handler: (args) => args } });
    const source = `export default async (input: number, tools: any) => {
      const seen = (globalThis as any).leftover;
      (globalThis as any).leftover = input;
      return { seen, echoed: await tools.echo(input) };
    }`;
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, index) => sandbox.run({ source, input: index, tools })),
    );
    results.forEach((result, index) => expect(result).toMatchObject({ ok: true, value: { echoed: index } }));
    expect(
      results.every((result) => result.ok && (result.value as { seen?: unknown }).seen === undefined),
    ).toBe(true);
  });

  it('keeps serving while isolates are recycled every few runs', async () => {
    await using sandbox = await createSandbox({ size: 1, runsPerIsolate: 2 });
    const tools = defineTools({ echo: { inputSchema: {}, handler: (args) => args } });
    for (let index = 0; index < 7; index++) {
      const result = await sandbox.run({
        source: 'export default async (input: number, tools: any) => tools.echo(input)',
        input: index,
        tools,
      });
      expect(result).toMatchObject({ ok: true, value: index });
    }
  });

  it('closes idempotently, then refuses runs with CLOSED', async () => {
    const sandbox = await createSandbox({ size: 1 });
    await sandbox.close();
    await sandbox.close();
    expect(sandbox.isClosed).toBe(true);
    const call = sandbox.run({ source: 'export default async () => 1', tools: defineTools({}) });
    await expect(call).rejects.toSatisfy((error) => KnackError.isInstance(error) && error.code === 'CLOSED');
  });

  it('resolves close() only once every worker process has exited', async () => {
    const sandbox = await createSandbox({ size: 2 });
    await expect.poll(() => workerPids().length, { timeout: 5000 }).toBe(2);
    await sandbox.close();
    expect(workerPids()).toEqual([]);
  });

  it('leaves no worker behind when closed while the others are still starting', async () => {
    // A grace period longer than the test's timeout: close() must stop a worker still booting by
    // itself, not by waiting out the grace period and killing it.
    const sandbox = await createSandbox({ size: 2, killGraceMs: 60_000 });
    // The second worker starts once the first is ready: it is booting, or about to be forked, now.
    await sandbox.close();
    expect(workerPids()).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(workerPids()).toEqual([]);
  });

  it('lets close() wait for a run accepted just before it', async () => {
    const sandbox = await createSandbox({ size: 1 });
    const pending = sandbox.run({
      source: 'export default async (): Promise<string> => "finished"',
      tools: defineTools({}),
    });
    await sandbox.close();
    expect(await pending).toMatchObject({ ok: true, value: 'finished' });
  });

  it('throws INVALID_ARGUMENT naming a bad pool option', async () => {
    await expect(createSandbox({ size: 0 })).rejects.toThrowError(/`size`/);
    await expect(createSandbox({ killGraceMs: 1.5 })).rejects.toSatisfy(
      (error) => KnackError.isInstance(error) && error.code === 'INVALID_ARGUMENT',
    );
    await expect(createSandbox({ workerNice: 20 })).rejects.toThrowError(
      '`workerNice` must be an integer from 0 to 19, got 20.',
    );
  });
});
