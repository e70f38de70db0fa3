// Skills as typed functions: `skillTypes` declarations type-check host code (and reject a wrong
// input), and `openLibrary` calls the active versions over the real sandbox and store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project } from 'ts-morph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importLibrary, openLibrary, skillTypes, type SkillStore } from '../src/index.js';
import { createTools } from '../skills/index.js';
import { runCli } from './helpers/run-cli.js';
import { openTempStore } from './helpers/temp-sqlite-store.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const libraryDir = join(root, 'skills/library');
let store: SkillStore;
let url: string;

beforeAll(async () => {
  ({ store, url } = await openTempStore());
  await importLibrary({ store, dir: libraryDir });
});
afterAll(async () => {
  await store.close();
});

/** Type-checks `host` (a file beside the generated declarations) and returns its error messages. */
function typeErrors(declarations: string, host: string): string[] {
  const dir = join(root, '.vitest', `types-${Math.random().toString(36).slice(2)}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'knack-skills.ts'), declarations);
  writeFileSync(join(dir, 'host.ts'), host);
  const project = new Project({
    tsConfigFilePath: join(root, 'tsconfig.json'),
    skipAddingFilesFromTsConfig: true,
  });
  const file = project.addSourceFileAtPath(join(dir, 'host.ts'));
  project.resolveSourceFileDependencies();
  return file.getPreEmitDiagnostics().map((diagnostic) => {
    const text = diagnostic.getMessageText();
    return typeof text === 'string' ? text : text.getMessageText();
  });
}

const hostPrelude = `import { openLibrary, type SkillStore, type ToolPack } from '../../src/index.js';
import type { Skills } from './knack-skills.js';
declare const store: SkillStore;
declare const tools: ToolPack;
const lib = await openLibrary<Skills>({ store, tools });
`;

describe('skillTypes and openLibrary', () => {
  it('declares every active skill with its Input and Output, and host code using them type-checks', async () => {
    const declarations = await skillTypes({ store });
    expect(declarations).toContain('export interface RefundOrderFullInput');
    expect(declarations).toMatch(
      /refund_order_full: \{ input: RefundOrderFullInput; output: RefundOrderFullOutput \};/,
    );
    const errors = typeErrors(
      declarations,
      `${hostPrelude}const result = await lib.skills.refund_order_full({ orderId: '8811' });
if (result.ok) { const amount: number = result.value.amount; void amount; }
`,
    );
    expect(errors).toEqual([]);
  });

  it('fails to compile a call with a wrong input type or an unknown skill', async () => {
    const declarations = await skillTypes({ store });
    const errors = typeErrors(
      declarations,
      `${hostPrelude}await lib.skills.refund_order_full({ orderId: 8811 });
await lib.skills.no_such_skill({});
`,
    );
    expect(
      errors.some((message) => message.includes("Type 'number' is not assignable to type 'string'")),
    ).toBe(true);
    expect(errors.some((message) => message.includes("Property 'no_such_skill' does not exist"))).toBe(true);
  });

  it('calls the active version through the sandbox with its granted tools and counts the run', async () => {
    using lib = await openLibrary({ store, tools: createTools });
    expect(Object.keys(lib.skills)).toContain('refund_order_full');
    const result = await lib.skills['refund_order_full']!({ orderId: '8811' });
    expect(result).toMatchObject({ ok: true, ref: 'refund_order_full@1' });
    expect((await store.get('refund_order_full')).reliability.runs).toBe(1);
  });

  it('prints the declarations from the CLI (knack types)', () => {
    const result = runCli(['types', '--store', url]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('export type Skills = {');
  });
});
