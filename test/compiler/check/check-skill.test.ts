import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { checkSkill, type Trajectory } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

const recorded: Trajectory = {
  id: 't-7',
  task: 'Total of order 7',
  input: { orderId: '7' },
  steps: [
    { tool: 'get_order', args: { id: '7' }, result: { id: '7', total: 1, customerId: 'c', items: [] } },
  ],
  outcome: 'success',
  answer: { total: 1, skus: [] },
};

describe('checkSkill', () => {
  it('returns a verified skill with schemas, permissions, bundle and provenance from a model draft', async () => {
    const skill = await checkSkill({
      source: orderTotalSkill,
      manifest,
      trajectories: [recorded],
      provenance: { compiler: 'openai', model: 'gpt-test', promptHash: 'abc' },
      secretParameters: [],
    });
    expect(skill).toMatchObject({
      name: 'order_total',
      description: 'The total of an order',
      permissions: ['get_order'],
      imports: [],
      diagnostics: [],
      verification: { isVerified: true },
      provenance: {
        compiler: 'openai',
        model: 'gpt-test',
        promptHash: 'abc',
        trajectoryIds: ['t-7'],
        tasks: [recorded.task],
      },
    });
    expect(skill.bundle.length).toBeGreaterThan(0);
    expect(skill.sourcemap).toContain('order_total.ts');
  });

  it('returns contract problems as diagnostics instead of throwing', async () => {
    const skill = await checkSkill({ source: 'const x = 1;', manifest, trajectories: [recorded] });
    const messages = skill.diagnostics.map((diagnostic) => diagnostic.message).join('\n');
    expect(messages).toContain('export `Input`');
    expect(messages).toContain('const meta = { name');
    expect(messages).toContain('export default async function');
    expect(skill.verification.isVerified).toBe(false);
  });
});
