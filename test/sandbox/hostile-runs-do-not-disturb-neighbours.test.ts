import { describe, expect, it } from 'vitest';
import { expectFailure, recordTools, skill, useSandbox } from '../helpers/hostile.js';

describe('hostile runs beside normal ones', () => {
  const { run } = useSandbox();

  it(
    'lets concurrent normal runs succeed while neighbours loop, hoard memory and crash workers',
    { timeout: 30_000 },
    async () => {
      const { tools } = recordTools();
      const hostileLimits = { timeoutMs: 300, memoryLimitMb: 32 };
      const hostile = [
        run(skill('while (true) {}'), { limits: hostileLimits }),
        run(skill('const hoard: number[][] = []; for (;;) hoard.push(new Array(1e6).fill(1));'), {
          limits: hostileLimits,
        }),
        run(skill('return new Array(2 ** 30).fill(0).length;'), { limits: hostileLimits }),
      ];
      const normal = Array.from({ length: 20 }, (_, n) =>
        run(skill('const echoed = await tools.echo({ n: input.n }); return echoed.n;'), {
          tools,
          input: { n },
          limits: { timeoutMs: 10_000 },
        }),
      );
      const [loop, hoard, crash] = await Promise.all(hostile);
      expectFailure(loop!, 'TIMEOUT');
      expectFailure(hoard!, 'MEMORY_LIMIT', 'TIMEOUT');
      expectFailure(crash!, 'WORKER_CRASHED', 'MEMORY_LIMIT', 'TIMEOUT');
      const values = (await Promise.all(normal)).map((result) =>
        result.ok ? result.value : `${result.error.code}: ${result.error.message}`,
      );
      expect(values).toEqual(Array.from({ length: 20 }, (_, n) => n));
    },
  );
});
