import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/index.js';
import type { SkillStore } from '../../src/store/index.js';
import { benchmarkCases, type CasesBenchmark } from '../../src/cases/index.js';
import { createTools } from '../../skills/support-desk/pack.js';
import { openSupportDeskStore } from '../helpers/support-desk-versions.js';

let store: SkillStore;
let sandbox: Sandbox;
const v1 = 'order_carrier_status@1'; // as trace-compiled
const v3 = 'order_carrier_status@3'; // answers "unknown" when track_shipment fails
// Held-out orders no trajectory of order_carrier_status uses (skills/support-desk/held-out-inputs.ts).
const inputs = [{ orderId: '8820' }, { orderId: '8811' }];

beforeAll(async () => {
  ({ store } = await openSupportDeskStore());
  sandbox = await createSandbox();
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  await store.close();
});

const outcome = (report: CasesBenchmark) =>
  report.versions.map(({ sources, failures, byFault }) => ({ sources, failures, byFault }));

describe('benchmarkCases with inputs on real tools', { timeout: 120_000 }, () => {
  it('runs each input next to the stored cases, labelled, each run judged', async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [v1],
      runs: 10,
      faults: 'none',
      inputs,
      createTools,
    });
    const [version] = report.versions;
    expect(report.inputs).toBe(2);
    expect(version).toMatchObject({ runs: 10, cases: 3, inputs: 2, unusableInputs: [], failures: [] });
    expect(version?.sources).toEqual([
      { id: 'order-status-8815', source: 'case', runs: 2, correct: 2, failedClean: 0, wrong: 0 },
      { id: 'order-status-8816', source: 'case', runs: 2, correct: 2, failedClean: 0, wrong: 0 },
      { id: 'order-status-8818', source: 'case', runs: 2, correct: 2, failedClean: 0, wrong: 0 },
      { id: 'input #0', source: 'input', runs: 2, correct: 2, failedClean: 0, wrong: 0 },
      { id: 'input #1', source: 'input', runs: 2, correct: 2, failedClean: 0, wrong: 0 },
    ]);
    expect(version?.toolCallsPerRun).toBe(2);
  });

  it('judges input runs under faults like case runs: the swallowing version is wrong on inputs too', async () => {
    const options = {
      store,
      sandbox,
      refs: [v1, v3],
      runs: 40,
      faults: 'transient=0.3,empty=0.05',
      inputs,
      createTools,
      seed: 'inputs',
    };
    const report = await benchmarkCases(options);
    const [clean, swallowing] = report.versions;
    const inputRuns = (version: typeof clean) =>
      version?.sources.filter((source) => source.source === 'input');
    expect(inputRuns(clean)?.map((source) => source.runs)).toEqual([8, 8]);
    expect(inputRuns(clean)?.reduce((sum, source) => sum + source.failedClean, 0)).toBeGreaterThan(0);
    expect(clean?.wrong.count).toBe(0);
    expect(inputRuns(swallowing)?.reduce((sum, source) => sum + source.wrong, 0)).toBeGreaterThan(0);
    const wrongOnInput = swallowing?.failures.find(
      (failure) => failure.source === 'input' && failure.verdict === 'wrong',
    );
    expect(wrongOnInput?.trajectoryId).toMatch(/^input #[01]$/);
    expect(wrongOnInput?.message).toMatch(/^step 2: returned ok before calling track_shipment/);
    expect(wrongOnInput?.faults).toContain('transient@track_shipment#2');
    // The same seed draws the same faults on real tools; another seed draws others.
    expect(outcome(await benchmarkCases(options))).toEqual(outcome(report));
    expect(outcome(await benchmarkCases({ ...options, seed: 'other' }))).not.toEqual(outcome(report));
  });

  it('degrades what the real tool answered under data faults: never correct, never wrong', async () => {
    for (const faults of ['empty=1', 'missing=1']) {
      const report = await benchmarkCases({
        store,
        sandbox,
        refs: [v1],
        runs: 10,
        faults,
        inputs,
        createTools,
      });
      const inputRuns = report.versions[0]?.sources.filter((source) => source.source === 'input');
      expect(inputRuns?.map(({ runs, correct, wrong }) => ({ runs, correct, wrong }))).toEqual([
        { runs: 2, correct: 0, wrong: 0 },
        { runs: 2, correct: 0, wrong: 0 },
      ]);
      const kind = faults.split('=')[0];
      const failure = report.versions[0]?.failures.find((item) => item.source === 'input');
      expect(failure?.faults.every((fault) => fault.startsWith(`${kind}@`))).toBe(true);
      expect(failure?.code).toBe('SKILL_THREW');
    }
  });

  it('gives every run fresh tools: a refund input is correct on each run, not "already refunded"', async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: ['refund_order_full@1'],
      runs: 8,
      faults: 'none',
      inputs: [{ orderId: '8811' }],
      createTools,
    });
    expect(report.versions[0]?.sources.find((source) => source.id === 'input #0')).toEqual({
      id: 'input #0',
      source: 'input',
      runs: 2,
      correct: 2,
      failedClean: 0,
      wrong: 0,
    });
    expect(report.versions[0]?.correct.count).toBe(8);
    // One desk for every run: the reference run refunds the order, the later refunds fail.
    const desk = createTools();
    const shared = await benchmarkCases({
      store,
      sandbox,
      refs: ['refund_order_full@1'],
      runs: 8,
      faults: 'none',
      inputs: [{ orderId: '8811' }],
      createTools: () => desk,
    });
    expect(shared.versions[0]?.sources.find((source) => source.id === 'input #0')).toMatchObject({
      correct: 0,
      failedClean: 2,
    });
    expect(shared.versions[0]?.failures[0]?.message).toContain('already fully refunded');
  });

  it('reports an input whose reference run fails as unusable, not as a verdict', async () => {
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [v1],
      runs: 8,
      faults: 'none',
      inputs: [{ orderId: '8820' }, { orderId: '9999' }],
      createTools,
    });
    const [version] = report.versions;
    expect(version?.unusableInputs).toEqual([
      { index: 1, code: 'TOOL_FAILED', message: 'Tool `get_order` failed: Order 9999 does not exist.' },
    ]);
    expect(version?.inputs).toBe(1);
    expect(version?.sources.map((source) => source.id)).not.toContain('input #1');
    expect(version?.correct.count).toBe(8);
  });

  it('runs a version without stored cases on its inputs alone, and refuses one with no usable input', async () => {
    const carrier = await store.get(v1);
    const { ref } = await store.publish({
      name: carrier.name,
      description: carrier.description,
      source: `${carrier.source}\n// without cases\n`,
      bundle: carrier.bundle,
      inputSchema: carrier.inputSchema,
      outputSchema: carrier.outputSchema,
      permissions: carrier.permissions,
      imports: carrier.imports,
      diagnostics: carrier.diagnostics,
      verification: carrier.verification,
      provenance: carrier.provenance,
      secretParameters: carrier.secretParameters,
    });
    const report = await benchmarkCases({
      store,
      sandbox,
      refs: [ref],
      runs: 4,
      faults: 'none',
      inputs,
      createTools,
    });
    expect(report.versions[0]).toMatchObject({ cases: 0, inputs: 2, correct: { count: 4 } });
    await expect(
      benchmarkCases({
        store,
        sandbox,
        refs: [ref],
        faults: 'none',
        inputs: [{ orderId: '9999' }],
        createTools,
      }),
    ).rejects.toThrow(
      `${ref} has no stored cases, and no input ran fault-free to judge runs by: input #0 TOOL_FAILED`,
    );
  });

  it('names the index and the field of an input off the schema, and refuses inputs without tools', async () => {
    await expect(
      benchmarkCases({
        store,
        sandbox,
        refs: [v1],
        inputs: [{ orderId: '8820' }, { orderId: 42 }],
        createTools,
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'inputs[1].orderId' },
      message: expect.stringContaining('inputs[1] does not fit the input schema of order_carrier_status@1'),
    });
    await expect(benchmarkCases({ store, sandbox, refs: [v1], inputs })).rejects.toThrow(
      /pass `createTools`/,
    );
    await expect(benchmarkCases({ store, sandbox, refs: [v1], createTools })).rejects.toThrow(
      '`createTools` goes with `inputs`',
    );
    await expect(
      benchmarkCases({
        store,
        sandbox,
        refs: [v1],
        inputs: { orderId: '8820' } as unknown as unknown[],
        createTools,
      }),
    ).rejects.toThrow('`inputs` must be an array of inputs, got object.');
  });
});
