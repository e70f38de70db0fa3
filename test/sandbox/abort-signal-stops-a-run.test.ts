import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { expectFailure, expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

describe('abort signal', () => {
  const { run } = useSandbox();

  it('stops a busy loop with ABORTED when the caller aborts mid-run', async () => {
    const controller = new AbortController();
    const pending = run(skill('while (true) {}'), { signal: controller.signal, limits: { timeoutMs: 5000 } });
    await sleep(150);
    controller.abort();
    expectFailure(await pending, 'ABORTED');
    await expectStillServing(run);
  });

  it('stops a run waiting on a tool with ABORTED and aborts the handler signal', async () => {
    const controller = new AbortController();
    const { tools, calls } = recordTools({ hang: { handler: () => new Promise(() => {}) } });
    const pending = run(skill('await tools.hang({}); return "never";'), {
      tools,
      signal: controller.signal,
      limits: { timeoutMs: 5000 },
    });
    await sleep(150);
    controller.abort();
    expectFailure(await pending, 'ABORTED');
    expect(calls[0]?.context.signal.aborted).toBe(true);
    await expectStillServing(run);
  });

  it('fires the abort listener a handler added while its call was running, once', async () => {
    const controller = new AbortController();
    let aborts = 0;
    const { tools } = recordTools({
      hang: {
        handler: (_args, context) => {
          expect(context.signal.aborted).toBe(false);
          context.signal.addEventListener('abort', () => aborts++);
          return new Promise(() => {});
        },
      },
    });
    const pending = run(skill('await tools.hang({}); return "never";'), {
      tools,
      signal: controller.signal,
    });
    await sleep(150);
    controller.abort();
    expectFailure(await pending, 'ABORTED');
    expect(aborts).toBe(1);
  });

  it('leaves the signal of a handler that settled before the run ended alone', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('await tools.echo({}); throw new Error("after the call");'), { tools });
    expectFailure(result, 'SKILL_THREW');
    expect(calls[0]?.context.signal.aborted).toBe(false);
  });

  it('returns ABORTED without running the skill when the signal is already aborted', async () => {
    const { tools, calls } = recordTools();
    const result = await run(skill('await tools.echo({}); return "ran";'), {
      tools,
      signal: AbortSignal.abort(),
    });
    expectFailure(result, 'ABORTED');
    expect(calls).toHaveLength(0);
  });
});

describe('abort signal on a queued run', () => {
  const { run } = useSandbox({ size: 1 });

  it('returns ABORTED for a run aborted while it waits behind a busy worker, without running it', async () => {
    const { tools, calls } = recordTools();
    const busy = run(skill('while (true) {}'), { limits: { timeoutMs: 1000 } });
    const controller = new AbortController();
    const queued = run(skill('await tools.echo({ queued: true }); return "ran";'), {
      tools,
      signal: controller.signal,
    });
    await sleep(50);
    controller.abort();
    expectFailure(await queued, 'ABORTED');
    expectFailure(await busy, 'TIMEOUT');
    await sleep(100);
    expect(calls).toHaveLength(0);
  });
});

describe('abort signal while the skill compiles', () => {
  const { run } = useSandbox();

  it('returns ABORTED when the signal aborts before the TypeScript transform is done', async () => {
    const controller = new AbortController();
    // A source never seen before, so the transform cannot come from a cache.
    const source = skill(`// ${Math.random()}\nwhile (true) {}`);
    const pending = run(source, { signal: controller.signal, limits: { timeoutMs: 3000 } });
    await Promise.resolve();
    controller.abort();
    expectFailure(await pending, 'ABORTED');
  });
});
