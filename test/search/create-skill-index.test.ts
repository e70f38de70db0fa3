import { describe, expect, it } from 'vitest';
import { KnackError } from '../../core/index.js';
import { createSkillIndex, type SearchableSkill } from '../../src/search/index.js';

function skill(overrides: Partial<SearchableSkill> = {}): SearchableSkill {
  return {
    name: 'refund_order_full',
    version: 1,
    description: 'Refund order <orderId> in full, it arrived damaged.',
    status: 'active',
    inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } },
    permissions: ['get_order', 'refund_order', 'send_email'],
    provenance: { tasks: ['Refund order 8812 in full, it arrived damaged.'] },
    ...overrides,
  };
}

const stockSkill = skill({
  name: 'check_stock_item',
  description: 'Check the stock of every item of order <orderId>.',
  inputSchema: { type: 'object', properties: { orderId: { type: 'string' } } },
  permissions: ['get_order', 'inventory.check_stock'],
  provenance: { tasks: ['Check the stock of every item of order 8822.'] },
});

const ticketSkill = skill({
  name: 'assign_ticket_oncall',
  description: 'Assign ticket <ticketId> to the on-call member of the <team> team.',
  inputSchema: { type: 'object', properties: { ticketId: {}, teamName: {} } },
  permissions: ['team.list_members', 'tickets.assign'],
  provenance: {},
});

describe('createSkillIndex', () => {
  it('ranks the skill whose words the request uses first, with a score and where it matched', () => {
    const index = createSkillIndex({ skills: [skill(), stockSkill, ticketSkill] });
    const [first] = index.search({ query: 'The parcel arrived damaged: refund the whole order' });
    expect(first).toMatchObject({ name: 'refund_order_full', version: 1, ref: 'refund_order_full@1' });
    expect(first?.score).toBeGreaterThan(0);
    expect(first?.matchedFields).toEqual(expect.arrayContaining(['name', 'description', 'tasks']));
    expect(first?.matchedTerms).toEqual(expect.arrayContaining(['refund', 'damag']));
  });

  it('splits snake_case, camelCase and dotted identifiers into words', () => {
    const index = createSkillIndex({ skills: [skill(), stockSkill, ticketSkill] });
    const byTool = index.search({ query: 'list them', minScore: 0 });
    expect(byTool).toEqual([
      expect.objectContaining({
        name: 'assign_ticket_oncall',
        matchedFields: ['tools'],
        matchedTerms: ['list'],
      }),
    ]);
    const byField = index.search({ query: 'team name', minScore: 0 });
    expect(byField[0]?.matchedFields).toContain('inputFields');
    const byName = index.search({ query: 'inventory', minScore: 0 });
    expect(byName.map((hit) => hit.name)).toEqual(['check_stock_item']);
  });

  it('returns nothing for a request no skill covers, and for stop words alone', () => {
    const index = createSkillIndex({ skills: [skill(), stockSkill, ticketSkill] });
    expect(index.search({ query: 'What is the weather in Berlin tomorrow?' })).toEqual([]);
    expect(index.search({ query: 'Export the orders to a spreadsheet' })).toEqual([]);
    expect(index.search({ query: 'is it the' })).toEqual([]);
  });

  it('replaces a skill on add of a new version, and forgets it on remove', () => {
    const index = createSkillIndex({ skills: [skill()] });
    index.add(skill({ version: 2, description: 'Refund a broken order in full.' }));
    expect(index.size).toBe(1);
    expect(index.search({ query: 'refund broken order' })[0]?.ref).toBe('refund_order_full@2');
    expect(index.remove('refund_order_full')).toBe(true);
    expect(index.remove('refund_order_full')).toBe(false);
    expect(index.has('refund_order_full')).toBe(false);
    expect(index.search({ query: 'refund broken order' })).toEqual([]);
  });

  it('indexes a version recorded before provenance.tasks existed', () => {
    const index = createSkillIndex({ skills: [skill({ provenance: {} }), stockSkill] });
    expect(index.search({ query: 'refund a damaged order in full' })[0]?.name).toBe('refund_order_full');
  });

  it('leaves words most skills have out of the query, unless the query has nothing else', () => {
    const shop = Array.from({ length: 30 }, (_, position) =>
      skill({
        name: `order_skill_${position}`,
        description: 'Look up order <orderId>.',
        permissions: ['get_order'],
        provenance: { tasks: ['Look up order 8812.'] },
      }),
    );
    const index = createSkillIndex({ skills: [...shop, skill()] });
    const [first] = index.search({ query: 'refund the order' });
    expect(first).toMatchObject({ name: 'refund_order_full', matchedTerms: ['refund'] });
    expect(index.search({ query: 'order', minScore: 0, limit: 50 })).toHaveLength(31);
  });

  it('limits the hits and refuses bad options with INVALID_ARGUMENT', () => {
    const index = createSkillIndex({ skills: [skill(), stockSkill, ticketSkill] });
    expect(index.search({ query: 'order', limit: 1, minScore: 0 })).toHaveLength(1);
    for (const options of [{ query: 'x', limit: 0 }, { query: 'x', minScore: -1 }, { query: 7 }]) {
      try {
        index.search(options as never);
        expect.unreachable();
      } catch (error) {
        expect(KnackError.isInstance(error) && error.code).toBe('INVALID_ARGUMENT');
      }
    }
  });
});
