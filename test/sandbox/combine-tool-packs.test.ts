import { describe, expect, it } from 'vitest';
import { combineToolPacks, defineTools, runSkill } from '../../sandbox/index.js';

const object = { type: 'object' };
const orders = defineTools({ get: { inputSchema: object, handler: () => ({ id: 'o-1' }) } });
const tickets = defineTools({ get: { inputSchema: object, handler: () => ({ id: 't-1' }) } });

describe('combineToolPacks', () => {
  it('puts each pack under its prefix so a skill reaches tools.orders.get and tools.tickets.get', async () => {
    const tools = combineToolPacks([
      { pack: orders, prefix: 'orders' },
      { pack: tickets, prefix: 'tickets' },
    ]);
    expect(tools.manifest.map((tool) => tool.name)).toEqual(['orders.get', 'tickets.get']);
    const result = await runSkill({
      source: `export default async (input: unknown, tools: any) =>
        [(await tools.orders.get({})).id, (await tools.tickets.get({})).id];`,
      tools,
    });
    expect(result).toMatchObject({ ok: true, value: ['o-1', 't-1'] });
  });

  it('throws INVALID_MANIFEST when two packs give the same name, or a prefix is not a name', () => {
    expect(() => combineToolPacks([{ pack: orders }, { pack: tickets }])).toThrowError(
      /`get` comes from two packs; give one of them a prefix/,
    );
    expect(() => combineToolPacks([{ pack: orders, prefix: 'my-fs' }])).toThrowError(/prefix "my-fs"/);
  });
});
