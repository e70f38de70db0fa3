import { describe, expect, it } from 'vitest';
import { createSandbox } from '../../sandbox/index.js';
import { KnackError } from '../../core/index.js';
import { expectFailure, recordTools, skill } from '../helpers/hostile.js';

describe('closing a pool with hostile runs in flight', () => {
  it(
    'closes once the hostile runs hit their limits, and refuses runs afterwards',
    { timeout: 20_000 },
    async () => {
      // One worker per run, so all three are in flight (not queued) when close() is called.
      const sandbox = await createSandbox({ size: 3, killGraceMs: 500 });
      const { tools } = recordTools({ hang: { handler: () => new Promise(() => {}) } });
      const limits = { timeoutMs: 1000, memoryLimitMb: 32 };
      const inFlight = [
        sandbox.run({ source: skill('while (true) {}'), tools, limits }),
        sandbox.run({
          source: skill('return "x".repeat(2 ** 28).replace(/x/g, "yy").length;'),
          tools,
          limits,
        }),
        sandbox.run({ source: skill('await tools.hang({}); return "never";'), tools, limits }),
      ];
      // Runs are compiled before they reach a worker: let them get there before closing.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await sandbox.close();
      expect(sandbox.isClosed).toBe(true);
      const results = await Promise.all(inFlight);
      expectFailure(results[0]!, 'TIMEOUT', 'ABORTED', 'WORKER_CRASHED');
      expectFailure(results[1]!, 'TIMEOUT', 'MEMORY_LIMIT', 'ABORTED', 'WORKER_CRASHED');
      expectFailure(results[2]!, 'TIMEOUT', 'ABORTED', 'WORKER_CRASHED');
      await expect(sandbox.run({ source: skill('return 1;'), tools })).rejects.toSatisfy(
        (error: unknown) => KnackError.isInstance(error) && error.code === 'CLOSED',
      );
      await sandbox.close();
    },
  );
});
