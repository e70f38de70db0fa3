import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLibrary, type SkillStore } from '../../src/store/index.js';
import {
  DEFAULT_MIN_SCORE,
  loadSkillIndex,
  refreshSkillIndex,
  searchSkills,
} from '../../src/search/index.js';
import { compiledSkill } from '../helpers/compiled-skill.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const libraryDir = fileURLToPath(new URL('../../skills/library', import.meta.url));
let store: SkillStore;

beforeAll(async () => {
  ({ store } = await openTempStore());
  await importLibrary({ store, dir: libraryDir });
});
afterAll(() => store.close());

describe('searchSkills on the support-desk library', () => {
  it('ranks the right skill first for clear paraphrases of its task', async () => {
    const cases = [
      ['My package showed up smashed. Can I get a full refund?', 'refund_order_full'],
      ['Which engineer is on call for the platform team? Give ticket T-77 to them', 'assign_ticket_oncall'],
      ['Post a comment on ticket T-31 to thank the person who reported it', 'thank_reporter_ticket'],
    ] as const;
    for (const [query, expected] of cases) {
      const [first] = await searchSkills({ store, query });
      expect(first?.name, query).toBe(expected);
    }
  });

  it('returns nothing for a request no skill covers', async () => {
    expect(await searchSkills({ store, query: 'Book a table for two at an Italian restaurant' })).toEqual([]);
    expect(await searchSkills({ store, query: 'Reset the VPN password of anna@example.com' })).toEqual([]);
  });

  it('reports version, status, input schema, score and the fields that matched', async () => {
    const [hit] = await searchSkills({
      store,
      query: 'is there stock for every item of the order',
      limit: 1,
    });
    expect(hit).toMatchObject({
      name: 'check_stock_item',
      version: 1,
      ref: 'check_stock_item@1',
      status: 'active',
      inputSchema: { properties: { orderId: { type: 'string' } } },
    });
    expect(hit?.score).toBeGreaterThan(DEFAULT_MIN_SCORE);
    expect(hit?.matchedFields).toEqual(expect.arrayContaining(['name', 'description', 'tasks', 'tools']));
  });

  it('finds a skill by the later user turns of its trajectories', async () => {
    const [hit] = await searchSkills({ store, query: 'refund the filters, the customer keeps the teapot' });
    expect(hit).toMatchObject({ name: 'refund_order' });
    expect(hit?.matchedFields).toContain('tasks');
  });
});

describe('loadSkillIndex and refreshSkillIndex', () => {
  it('indexes records without provenance.tasks, and picks up a skill published later', async () => {
    const { store: fresh } = await openTempStore();
    try {
      const index = await loadSkillIndex({ store: fresh });
      expect(index.size).toBe(0);
      // The test helper's records predate provenance.tasks.
      await fresh.publish(compiledSkill({ name: 'refund_payment_full' }), { by: 'test' });
      await refreshSkillIndex({ index, store: fresh, names: ['refund_payment_full'] });
      const [hit] = index.search({ query: 'refund a damaged order' });
      expect(hit).toMatchObject({ ref: 'refund_payment_full@1', status: 'verified' });
      await fresh.publish(compiledSkill({ name: 'refund_payment_full', variant: 'b' }), { by: 'test' });
      await refreshSkillIndex({ index, store: fresh, names: ['refund_payment_full', 'never_stored'] });
      expect(index.search({ query: 'refund a damaged order' })[0]?.ref).toBe('refund_payment_full@2');
      expect(index.has('never_stored')).toBe(false);
    } finally {
      await fresh.close();
    }
  });

  it('keeps only the statuses asked for', async () => {
    const onlyActive = await loadSkillIndex({ store, statuses: ['active'] });
    expect(onlyActive.size).toBe(12);
    const { store: fresh } = await openTempStore();
    try {
      await fresh.publish(compiledSkill(), { by: 'test' });
      expect((await loadSkillIndex({ store: fresh, statuses: ['active'] })).size).toBe(0);
      expect((await loadSkillIndex({ store: fresh })).size).toBe(1);
    } finally {
      await fresh.close();
    }
  });
});
