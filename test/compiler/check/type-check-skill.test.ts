import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { toolsDeclarations, typeCheckSkill } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

describe('typeCheckSkill', () => {
  it('accepts a skill that uses the tools as declared', async () => {
    const result = typeCheckSkill({
      source: orderTotalSkill,
      toolsDeclarations: await toolsDeclarations(manifest),
    });
    expect(result.diagnostics).toEqual([]);
  });

  it('reports a wrong argument type with its line and column', async () => {
    const source = orderTotalSkill.replace('{ id: input.orderId }', '{ id: 42 }');
    const { diagnostics } = typeCheckSkill({ source, toolsDeclarations: await toolsDeclarations(manifest) });
    expect(diagnostics).toEqual([
      expect.objectContaining({
        line: 16,
        column: 41,
        code: 'TS2322',
        severity: 'error',
        message: "Type 'number' is not assignable to type 'string'.",
      }),
    ]);
  });

  it('reports a property a closed tool result does not have', async () => {
    const closed = manifest.map((entry) =>
      entry.name === 'get_order'
        ? { ...entry, outputSchema: { ...(entry.outputSchema as object), additionalProperties: false } }
        : entry,
    );
    const source = orderTotalSkill.replace('order.total', 'order.totl');
    const { diagnostics } = typeCheckSkill({ source, toolsDeclarations: await toolsDeclarations(closed) });
    expect(diagnostics[0]).toMatchObject({ line: 17, code: 'TS2551' });
    expect(diagnostics[0]?.message).toContain("Property 'totl' does not exist");
  });

  it('reuses the project: a fixed source checks clean after a broken one', async () => {
    const declarations = await toolsDeclarations(manifest);
    expect(
      typeCheckSkill({ source: 'const x: number = "a";', toolsDeclarations: declarations }).diagnostics,
    ).toHaveLength(1);
    expect(typeCheckSkill({ source: orderTotalSkill, toolsDeclarations: declarations }).diagnostics).toEqual(
      [],
    );
  });
});
