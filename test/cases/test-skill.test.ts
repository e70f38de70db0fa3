import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from '../../sandbox/index.js';
import { importLibrary, type SkillStore, type SkillVersion } from '../../src/store/index.js';
import { testSkill, testSkills } from '../../src/cases/index.js';
import type { PublishInput } from '../../src/store/index.js';
import { LIBRARY_DIR } from '../helpers/support-desk-versions.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

let store: SkillStore;
let sandbox: Sandbox;

// A new version of a stored one: the same bundle and cases, edited, under a source that differs by a comment.
function variantOf(version: SkillVersion, edit: (input: PublishInput) => void): PublishInput {
  const {
    version: _version,
    contentHash: _hash,
    initialStatus: _initial,
    createdAt: _created,
    status: _status,
    reliability: _reliability,
    review: _review,
    ...compiled
  } = structuredClone(version);
  const input: PublishInput = { ...compiled, source: `${compiled.source}\n// variant\n` };
  edit(input);
  return input;
}

beforeAll(async () => {
  ({ store } = await openTempStore());
  await importLibrary({ store, dir: LIBRARY_DIR });
  sandbox = await createSandbox();
});
afterAll(async () => {
  await sandbox.close();
  await store.close();
});

describe('testSkill', { timeout: 60_000 }, () => {
  it('replays every stored case of every shipped support-desk version offline, all passing', async () => {
    const results = await testSkills({ store, sandbox });
    expect(results).toHaveLength(12);
    expect(results.filter((result) => result.status !== 'passed')).toEqual([]);
    const refund = results.find((result) => result.ref === 'refund_order_full@1');
    expect(refund?.cases.map((skillCase) => skillCase.trajectoryId)).toEqual([
      'refund-damaged-8812',
      'refund-damaged-8814',
      'refund-damaged-8817',
    ]);
  });

  it('fails a version whose run no longer makes the recorded call, naming the case and step', async () => {
    const refund = await store.get('refund_order_full@1');
    const { ref } = await store.publish(
      variantOf(refund, (input) => {
        const call = input.cases?.[1]?.calls[1];
        if (call) call.args = { ...(call.args as object), amount: 1 };
      }),
    );
    const result = await testSkill({ store, ref, sandbox });
    expect(result.status).toBe('failed');
    expect(result.cases.map((skillCase) => skillCase.ok)).toEqual([true, false, true]);
    expect(result.cases[1]).toMatchObject({ trajectoryId: 'refund-damaged-8814', step: 2 });
    expect(result.cases[1]?.message).toMatch(
      /^step 2: called refund_order\(\{"amount":\d.*, the case had refund_order\(\{"amount":1,/,
    );
  });

  it('fails a version that returns another output than the case expects, showing both', async () => {
    const status = await store.get('order_carrier_status@1');
    const { ref } = await store.publish(
      variantOf(status, (input) => {
        const first = input.cases?.[0];
        if (first) first.expected = { ...(first.expected as object), carrier: 'Pigeon Post' };
      }),
    );
    const result = await testSkill({ store, ref, sandbox });
    expect(result.status).toBe('failed');
    expect(result.cases[0]?.message).toMatch(
      /^returned \{.*"carrier":"(?!Pigeon).*expected \{.*"carrier":"Pigeon Post"/,
    );
  });

  it('reports a version stored without cases as no-cases, not as a failure', async () => {
    const stock = await store.get('check_stock_item@1');
    const { ref } = await store.publish(variantOf(stock, (input) => delete input.cases));
    expect(await testSkill({ store, ref, sandbox })).toEqual({ ref, status: 'no-cases', cases: [] });
  });

  it('throws NOT_FOUND for a version the store does not hold', async () => {
    await expect(testSkill({ store, ref: 'refund_order_full@9', sandbox })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
