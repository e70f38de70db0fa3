import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bindTools, runSkill, SKILL_BUNDLE_BANNER } from '../../../sandbox/index.js';
import type { ToolManifestEntry } from '../../../core/index.js';
import { bundleSkill, checkSkill, type ResolvedSkill, type SkillResolver } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

const lookupV1 = `import type { Tools } from "knack:tools";
export const meta = { name: "lookup_email", description: "Email of a customer" } as const;
export interface Input { customerId: string }
export interface Output { email: string }
export default async function lookupEmail(input: Input, tools: Tools): Promise<Output> {
  const customer = await tools.get_customer({ id: input.customerId });
  return { email: customer.email };
}
`;

// Version 2 answers differently, so a test can tell which version the bundle pinned.
const lookupV2 = lookupV1.replace('{ email: customer.email }', '{ email: customer.email.toUpperCase() }');

function storeOf(versions: Record<string, string>): SkillResolver & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async resolveSkill(name: string, version: number): Promise<ResolvedSkill | undefined> {
      calls.push(`${name}@${version}`);
      const source = versions[`${name}@${version}`];
      if (!source) return undefined;
      const object = (key: string) => ({
        type: 'object',
        properties: { [key]: { type: 'string' } },
        required: [key],
      });
      return {
        name,
        version,
        source,
        bundle: '',
        inputSchema: object('customerId'),
        outputSchema: object('email'),
      };
    },
  };
}

const caller = `import type { Tools } from "knack:tools";
import lookupEmail from "knack:skills/lookup_email@1";
export const meta = { name: "order_email", description: "Email of an order's customer" } as const;
export interface Input { orderId: string }
export interface Output { email: string }
export default async function orderEmail(input: Input, tools: Tools): Promise<Output> {
  const order = await tools.get_order({ id: input.orderId });
  return lookupEmail({ customerId: order.customerId }, tools);
}
`;

const tools = bindTools(
  manifest.filter((entry) => entry.name === 'get_order' || entry.name === 'get_customer'),
  {
    get_order: () => ({ id: '1', total: 3, customerId: 'c-1', items: [] }),
    get_customer: () => ({ id: 'c-1', name: 'Lee', email: 'lee@example.com' }),
  },
);

describe('bundleSkill', () => {
  it('writes one banner-led IIFE script with an inline sourcemap', async () => {
    const result = await bundleSkill({ source: orderTotalSkill, filename: 'order_total.ts' });
    expect(result.diagnostics).toEqual([]);
    expect(result.bundle?.startsWith(SKILL_BUNDLE_BANNER)).toBe(true);
    expect(result.bundle).toContain('var __knackSkill = (() => {');
    expect(JSON.parse(result.sourcemap ?? '{}').sources).toEqual(['order_total.ts']);
  });

  it('resolves knack:skills/<name>@<version> through the resolver and pins that version', async () => {
    const store = storeOf({ 'lookup_email@1': lookupV1, 'lookup_email@2': lookupV2 });
    const result = await bundleSkill({ source: caller, resolver: store });
    expect(result.imports).toEqual(['lookup_email@1']);
    expect(store.calls).toEqual(['lookup_email@1']);
    const run = await runSkill({ source: result.bundle ?? '', input: { orderId: '1' }, tools });
    expect(run).toMatchObject({ ok: true, value: { email: 'lee@example.com' } });
  });

  it('reports a skill import without a resolver as a diagnostic', async () => {
    const result = await bundleSkill({ source: caller });
    expect(result.bundle).toBeUndefined();
    expect(result.diagnostics[0]?.message).toContain('needs a skill resolver');
  });

  it('reports a missing stored version', async () => {
    const result = await bundleSkill({ source: caller, resolver: storeOf({}) });
    expect(result.diagnostics[0]?.message).toContain('skill `lookup_email@1` was not found');
  });
});

describe('checkSkill with skill imports', () => {
  it('type-checks against the imported skill and inherits its permissions', async () => {
    const store = storeOf({ 'lookup_email@1': lookupV1 });
    const skill = await checkSkill({ source: caller, manifest, trajectories: [], resolver: store });
    expect(skill.diagnostics).toEqual([]);
    expect(skill.imports).toEqual(['lookup_email@1']);
    expect(skill.permissions).toEqual(['get_customer', 'get_order']);
  });

  it('flags a call of the imported skill with the wrong input type', async () => {
    const source = caller.replace('{ customerId: order.customerId }', '{ customerId: order.total }');
    const skill = await checkSkill({
      source,
      manifest,
      trajectories: [],
      resolver: storeOf({ 'lookup_email@1': lookupV1 }),
    });
    expect(skill.diagnostics[0]).toMatchObject({ line: 8, code: 'TS2322' });
  });
});
