import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { checkPolicy, toolsDeclarations, typeCheckSkill } from '../../../compiler/index.js';
import { orderTotalSkill } from './_skill-source.js';

const manifest = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/compiler/manifest.json'), 'utf8'),
) as ToolManifestEntry[];

async function policyOf(source: string): Promise<ReturnType<typeof checkPolicy>> {
  const { sourceFile } = typeCheckSkill({ source, toolsDeclarations: await toolsDeclarations(manifest) });
  return checkPolicy(sourceFile, manifest);
}

function withBody(statement: string): string {
  return orderTotalSkill.replace('  const order =', `  ${statement}\n  const order =`);
}

describe('checkPolicy', () => {
  it('derives permissions from the tools the skill touches', async () => {
    const source = withBody('await tools.team.page({ userId: "u", message: "m" });');
    const policy = await policyOf(source);
    expect(policy.diagnostics).toEqual([]);
    expect(policy.permissions).toEqual(['get_order', 'team.page']);
  });

  it.each([
    ['eval', 'eval("1");', '`eval` is not allowed'],
    ['the Function constructor', 'new Function("return 1");', '`Function` is not allowed'],
    ['dynamic import()', 'await import("node:fs");', 'dynamic `import()`'],
    ['globalThis', 'globalThis.x = 1;', '`globalThis` is not allowed'],
    ['process', 'process.exit(1);', '`process` is not allowed'],
    ['require', 'require("fs");', '`require` is not allowed'],
    ['constructor walking', '(() => 1).constructor;', '`.constructor` is not allowed'],
  ])('rejects %s with its line', async (_name, statement, message) => {
    const policy = await policyOf(withBody(statement));
    expect(policy.diagnostics[0]).toMatchObject({ line: 16, severity: 'error' });
    expect(policy.diagnostics[0]?.message).toContain(message);
  });

  it('rejects a tool that is not in the manifest', async () => {
    const policy = await policyOf(withBody('await tools.delete_customer({ id: "1" });'));
    expect(policy.diagnostics[0]?.message).toContain('`tools.delete_customer` is not in the tool manifest');
  });

  it('rejects tools picked by a computed name', async () => {
    const policy = await policyOf(withBody('const name = "get_order"; await tools[name]({ id: "1" });'));
    expect(policy.diagnostics[0]?.message).toContain('tools must be named statically');
  });

  it('rejects aliasing the tools object, which would hide permissions', async () => {
    const policy = await policyOf(
      withBody('const { team } = tools; await team.page({ userId: "u", message: "m" });'),
    );
    expect(policy.diagnostics[0]?.message).toContain('aliasing hides permissions');
  });

  it('rejects imports other than knack:tools types and pinned skills', async () => {
    const source = `import { readFileSync } from "node:fs";\nimport lookup from "knack:skills/lookup_order@2";\n${orderTotalSkill}`;
    const policy = await policyOf(source);
    expect(policy.diagnostics).toHaveLength(1);
    expect(policy.diagnostics[0]).toMatchObject({ line: 1, column: 1, code: 'POLICY_IMPORT' });
    expect(policy.skillImports).toEqual(['lookup_order@2']);
  });
});
