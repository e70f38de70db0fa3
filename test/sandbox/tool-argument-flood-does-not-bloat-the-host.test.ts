import { describe, expect, it } from 'vitest';
import { expectStillServing, recordTools, skill, useSandbox } from '../helpers/hostile.js';

// Each call's arguments are capped on the host, but a run may make maxToolCalls calls: without a
// budget per run, one skill makes the caller hold (in the trace) maxToolCalls times the cap.
describe('a flood of large tool arguments', () => {
  const { run } = useSandbox();

  it('keeps the trace a run hands the caller bounded', { timeout: 30_000 }, async () => {
    const { tools, calls } = recordTools({ sink: { handler: () => ({ stored: true }) } });
    const result = await run(
      skill(`const blob = 'x'.repeat(7_500_000);
      let sent = 0;
      for (let i = 0; i < 12; i++) {
        try { await tools.sink({ i, blob }); sent++; } catch { break; }
      }
      return { sent };`),
      { tools, limits: { timeoutMs: 20_000, memoryLimitMb: 128 } },
    );
    const traceChars = JSON.stringify(result.trace).length;
    // The handler saw every call (each within the per-call cap) and dropped it; the trace keeps them.
    expect(calls.length).toBeGreaterThan(0);
    calls.length = 0;
    expect(traceChars).toBeLessThan(64 * 1024 * 1024);
    await expectStillServing(run);
  });
});
