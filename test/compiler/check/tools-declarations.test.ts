import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { toolsDeclarations } from '../../../compiler/index.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

describe('toolsDeclarations', () => {
  it('declares a Tools interface with nested objects for dotted names', async () => {
    const text = await toolsDeclarations(manifest);
    expect(text).toContain('declare module "knack:tools"');
    expect(text).toMatch(/readonly get_order: \(args: GetOrderArgs\) => Promise<GetOrderResult>;/);
    expect(text).toMatch(/readonly team: \{\n\s+readonly list_members:/);
    expect(text).toContain('/** Look up an order by id. */');
  });

  it('declares any for tools without an output schema and keeps titled sub-schemas from colliding', async () => {
    const text = await toolsDeclarations([
      {
        name: 'a.one',
        inputSchema: { type: 'object', properties: { x: { title: 'Thing', type: 'string' } } },
      },
      { name: 'b', inputSchema: { type: 'object', properties: { y: { title: 'Thing', type: 'number' } } } },
    ]);
    expect(text).toContain('export type AOneResult = any;');
    expect(text).not.toContain('interface Thing');
  });

  it('answers from its cache for the same manifest', async () => {
    expect(toolsDeclarations(manifest)).toBe(toolsDeclarations(structuredClone(manifest)));
  });
});
