import { afterEach, describe, expect, it } from 'vitest';
import { type SkillStore } from '../../src/store/index.js';
import { compiledSkill } from '../helpers/compiled-skill.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const stores: SkillStore[] = [];
async function storeWith(autoApprove: boolean): Promise<SkillStore> {
  const { store } = await openTempStore({ review: { autoApprove } });
  stores.push(store);
  await store.publish(compiledSkill({ variant: 'base' }));
  await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
  await store.promote('refund_order@1', { by: 'ana' });
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

describe('review policy', () => {
  it('asks for a human when a version adds a tool, widens its input or failed replay', async () => {
    const store = await storeWith(false);
    await store.publish(
      compiledSkill({ variant: 'tool', tools: ['get_order', 'refund_payment', 'delete_account'] }),
    );
    await store.publish(
      compiledSkill({ variant: 'wider', fields: { orderId: 'string', 'note?': 'string' } }),
    );
    await store.publish(compiledSkill({ variant: 'unverified', isVerified: false }));
    expect((await store.reviewRequirements('refund_order@2')).map((item) => item.reason)).toEqual([
      'permission-added',
    ]);
    expect((await store.reviewRequirements('refund_order@3')).map((item) => item.reason)).toEqual([
      'input-widened',
    ]);
    expect((await store.reviewRequirements('refund_order@4')).map((item) => item.reason)).toEqual([
      'unverified',
    ]);
    for (const ref of ['refund_order@2', 'refund_order@3', 'refund_order@4']) {
      await expect(store.promote(ref)).rejects.toMatchObject({ code: 'REVIEW_REQUIRED' });
    }
    await expect(store.promote('refund_order@2')).rejects.toThrow('knack review approve refund_order@2');
  });

  it('activates without review a verified version with the same tools and input', async () => {
    const store = await storeWith(false);
    await store.publish(compiledSkill({ variant: 'same' }));
    expect(await store.reviewRequirements('refund_order@2')).toEqual([]);
    await store.promote('refund_order@2', { by: 'bo' });
    expect((await store.get('refund_order')).version).toBe(2);
  });

  it('asks for a human for a proposed version even with the same tools and input, auto-approve or not', async () => {
    const store = await storeWith(true);
    const same = compiledSkill({ variant: 'proposed' });
    const proposal = {
      by: 'knack propose',
      runs: 3,
      minRuns: 3,
      distinctTasks: 3,
      at: '2026-12-07T12:00:00.000Z',
    };
    await store.publish({ ...same, provenance: { ...same.provenance, proposal } });
    expect((await store.reviewRequirements('refund_order@2')).map((item) => item.reason)).toEqual([
      'proposed',
    ]);
    await expect(store.promote('refund_order@2', { by: 'bot' })).rejects.toMatchObject({
      code: 'REVIEW_REQUIRED',
    });
    await store.review('refund_order@2', { decision: 'approve', by: 'ana' });
    await store.promote('refund_order@2', { by: 'ana' });
    expect((await store.get('refund_order')).version).toBe(2);
  });

  it('auto-approves under the policy when permissions do not grow and replay passed', async () => {
    const store = await storeWith(true);
    await store.publish(
      compiledSkill({ variant: 'wider', fields: { orderId: 'string', 'note?': 'string' } }),
    );
    await store.promote('refund_order@2', { by: 'bot' });
    const history = await store.history('refund_order');
    expect(history.filter((event) => event.kind !== 'maturity-changed').at(-2)).toMatchObject({
      kind: 'reviewed',
      version: 2,
      decision: 'approve',
      by: 'policy:auto-approve',
    });
    expect((await store.get('refund_order@2')).review?.by).toBe('policy:auto-approve');
  });

  it('never auto-approves an added permission or a failed replay', async () => {
    const store = await storeWith(true);
    await store.publish(
      compiledSkill({ variant: 'tool', tools: ['get_order', 'refund_payment', 'delete_account'] }),
    );
    await store.publish(compiledSkill({ variant: 'unverified', isVerified: false }));
    await expect(store.promote('refund_order@2')).rejects.toMatchObject({ code: 'REVIEW_REQUIRED' });
    await expect(store.promote('refund_order@3')).rejects.toMatchObject({ code: 'REVIEW_REQUIRED' });
  });

  it('requires a reviewer name and refuses publishing straight to active when review is needed', async () => {
    const store = await storeWith(false);
    await expect(store.review('refund_order@1', { decision: 'approve', by: ' ' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const risky = {
      ...compiledSkill({ variant: 'risky', tools: ['wire_money'] }),
      status: 'active' as const,
    };
    await expect(store.publish(risky)).rejects.toMatchObject({ code: 'REVIEW_REQUIRED' });
    expect((await store.get('refund_order@latest')).version).toBe(1);
  });
});
