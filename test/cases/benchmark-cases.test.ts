import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/index.js';
import type { SkillStore } from '../../src/store/index.js';
import { benchmarkCases, fisherExactTest } from '../../src/cases/index.js';
import { openSupportDeskStore } from '../helpers/support-desk-versions.js';

let store: SkillStore;
let sandbox: Sandbox;
const v1 = 'order_carrier_status@1'; // as trace-compiled
const v2 = 'order_carrier_status@2'; // retries a failed track_shipment once
const v3 = 'order_carrier_status@3'; // answers "unknown" when track_shipment fails

beforeAll(async () => {
  ({ store } = await openSupportDeskStore());
  sandbox = await createSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  await store.close();
});

describe('benchmarkCases', { timeout: 120_000 }, () => {
  it('judges every run correct without faults, with intervals, pass^k, latency and calls per run', async () => {
    const report = await benchmarkCases({ store, sandbox, refs: [v1], runs: 12, faults: 'none' });
    const [version] = report.versions;
    expect(report).toMatchObject({ faults: 'none', seed: 'knack', runsPerVersion: 12 });
    expect(version).toMatchObject({ ref: v1, runs: 12, cases: 3, failuresByCode: {}, failures: [] });
    expect(version?.correct).toMatchObject({ count: 12, rate: 1, high: 1 });
    expect(version?.correct.low).toBeCloseTo(0.7575, 3);
    expect(version?.wrong.count).toBe(0);
    expect(version?.passHatK).toEqual([
      { k: 1, value: 1 },
      { k: 2, value: 1 },
      { k: 4, value: 1 },
    ]);
    expect(version?.toolCallsPerRun).toBe(2);
    expect(version?.latencySamplesMs).toHaveLength(12);
    expect(version?.latencyMs.p50).toBeGreaterThan(0);
    expect(version?.latencyMs.p99).toBeGreaterThanOrEqual(version?.latencyMs.p95 ?? Infinity);
    expect(version?.byFault).toEqual({ none: { runs: 12, correct: 12, failedClean: 0, wrong: 0 } });
  });

  it('injects the same faults for the same seed, and others for another seed', async () => {
    const options = { store, sandbox, refs: [v1], runs: 30, faults: 'transient=0.2,schema=0.1,empty=0.1' };
    const first = await benchmarkCases({ ...options, seed: 's1' });
    const again = await benchmarkCases({ ...options, seed: 's1' });
    const other = await benchmarkCases({ ...options, seed: 's2' });
    const outcome = (report: typeof first) =>
      report.versions.map(({ failures, byFault }) => ({ failures, byFault }));
    expect(outcome(again)).toEqual(outcome(first));
    expect(outcome(other)).not.toEqual(outcome(first));
    expect(first.versions[0]?.failures.length).toBeGreaterThan(0);
  });

  it('fails runs clean under each error fault, with the code and the fault it happened under', async () => {
    const run = (faults: string) =>
      benchmarkCases({ store, sandbox, refs: [v1], runs: 3, faults, limits: { timeoutMs: 300 } }).then(
        (report) => report.versions[0]!,
      );
    const transient = await run('transient=1');
    expect(transient.failedClean.count).toBe(3);
    expect(transient.failuresByCode).toEqual({ TOOL_FAILED: 3 });
    expect(transient.failures[0]).toMatchObject({ step: 1, faults: ['transient@get_order#1'] });
    expect(transient.failures[0]?.message).toContain('injected transient fault');
    const timeout = await run('timeout=1');
    expect(timeout.failuresByCode).toEqual({ TIMEOUT: 3 });
    expect(timeout.byFault).toEqual({ timeout: { runs: 3, correct: 0, failedClean: 3, wrong: 0 } });
    const schema = await run('schema=1');
    expect(schema.failuresByCode).toEqual({ TOOL_FAILED: 3 });
    expect(schema.failures[0]?.message).toContain('does not match its output schema');
    const empty = await run('empty=1');
    expect(empty.correct.count).toBe(0);
    expect(empty.wrong.count).toBe(0);
    expect(empty.byFault.empty?.runs).toBe(3);
    const missing = await run('missing=1');
    expect(missing.byFault.missing?.runs).toBe(3);
    expect(missing.wrong.count).toBe(0);
  });

  it('keeps answers right under latency and counts each run under its fault', async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [v1],
      runs: 6,
      faults: 'latency=1,latencyMs=20',
    });
    expect(report.versions[0]?.correct.count).toBe(6);
    expect(report.versions[0]?.byFault).toEqual({
      latency: { runs: 6, correct: 6, failedClean: 0, wrong: 0 },
    });
  });

  it('calls a swallowed tool failure wrong (effects left half-done), never the clean failure', async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [v1, v3],
      runs: 40,
      faults: 'transient=0.3',
    });
    const [clean, swallowing] = report.versions;
    expect(clean?.wrong.count).toBe(0);
    expect(swallowing?.wrong.count).toBeGreaterThan(0);
    expect(swallowing?.byFault.transient?.wrong).toBe(swallowing?.wrong.count);
    expect(swallowing?.failuresByCode['WRONG']).toBe(swallowing?.wrong.count);
    const wrong = swallowing?.failures.find((failure) => failure.verdict === 'wrong');
    expect(wrong?.message).toMatch(/^step 2: returned ok before calling track_shipment/);
    // Same seed, same skill: both versions met the same faults, so they fail on the same runs.
    expect(clean?.correct.count).toBe(swallowing?.correct.count);
  });

  it("puts two versions side by side with the difference and Fisher's exact p-value", async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [v1, v2],
      runs: 80,
      faults: 'transient=0.4',
    });
    const [before, after] = report.versions;
    const [comparison] = report.comparisons;
    expect(comparison).toMatchObject({
      skill: 'order_carrier_status',
      from: v1,
      to: v2,
      test: 'fisher-exact',
    });
    expect(comparison?.difference).toBeCloseTo((after?.correct.rate ?? 0) - (before?.correct.rate ?? 0), 12);
    expect(comparison?.difference).toBeGreaterThan(0); // the retry recovers failed tracking calls
    expect(comparison?.pValue).toBe(
      fisherExactTest({
        successesA: before?.correct.count ?? 0,
        failuresA: (before?.runs ?? 0) - (before?.correct.count ?? 0),
        successesB: after?.correct.count ?? 0,
        failuresB: (after?.runs ?? 0) - (after?.correct.count ?? 0),
      }),
    );
    expect(comparison?.isSignificant).toBe((comparison?.pValue ?? 1) < 0.05);
  });

  it('refuses versions without cases, bad run counts and bad fault specs with INVALID_ARGUMENT', async () => {
    await expect(benchmarkCases({ store, sandbox, refs: [] })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    await expect(benchmarkCases({ store, sandbox, refs: [v1], runs: 0 })).rejects.toThrow(
      /`runs` must be a positive integer/,
    );
    await expect(benchmarkCases({ store, sandbox, refs: [v1], faults: 'boom=1' })).rejects.toThrow(
      /unknown fault `boom`/,
    );
    await expect(benchmarkCases({ store, sandbox, refs: ['nope@1'] })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const stock = await store.get('check_stock_item@1');
    const { ref } = await store.publish({
      name: stock.name,
      description: stock.description,
      source: `${stock.source}\n// without cases\n`,
      bundle: stock.bundle,
      inputSchema: stock.inputSchema,
      outputSchema: stock.outputSchema,
      permissions: stock.permissions,
      imports: stock.imports,
      diagnostics: stock.diagnostics,
      verification: stock.verification,
      provenance: stock.provenance,
      secretParameters: stock.secretParameters,
    });
    await expect(benchmarkCases({ store, sandbox, refs: [ref] })).rejects.toThrow(
      `${ref} has no stored cases to run`,
    );
  });
});
