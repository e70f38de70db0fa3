import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { deriveSchemas, toolsDeclarations, typeCheckSkill } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

async function schemasOf(source: string): Promise<ReturnType<typeof deriveSchemas>> {
  return deriveSchemas(
    typeCheckSkill({ source, toolsDeclarations: await toolsDeclarations(manifest) }).sourceFile,
  );
}

describe('deriveSchemas', () => {
  it('derives objects, arrays, primitives, literal unions and optional fields', async () => {
    const { inputSchema, outputSchema, diagnostics } = await schemasOf(orderTotalSkill);
    expect(diagnostics).toEqual([]);
    expect(inputSchema).toEqual({
      type: 'object',
      properties: { orderId: { type: 'string' }, currency: { enum: ['USD', 'EUR'] } },
      required: ['orderId'],
    });
    expect(outputSchema).toEqual({
      type: 'object',
      properties: { total: { type: 'number' }, skus: { type: 'array', items: { type: 'string' } } },
      required: ['total', 'skus'],
    });
  });

  it('follows an Output alias to a tool result type', async () => {
    const source = orderTotalSkill
      .replace(
        /export interface Output \{[^}]*\}/,
        'export type Output = Awaited<ReturnType<Tools["get_customer"]>>;',
      )
      .replace(/return \{.*\};/, 'return tools.get_customer({ id: order.customerId });');
    const { outputSchema } = await schemasOf(source);
    expect(outputSchema).toMatchObject({ type: 'object', required: ['id', 'name', 'email'] });
  });

  it('asks for an exported Input when it is missing', async () => {
    const { diagnostics } = await schemasOf(
      orderTotalSkill.replace('export interface Input', 'interface Input'),
    );
    expect(diagnostics[0]?.message).toContain('export `Input`');
  });
});
