import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  defineTools,
  KnackError,
  runSkill,
  SKILL_BUNDLE_BANNER,
  SKILL_BUNDLE_GLOBAL,
} from '../../src/index.js';

const noTools = defineTools({});
const refundSkill = `import type { Tools } from "knack:tools";
export const meta = { name: "refund_order", description: "Refund a damaged order" } as const;
export interface Input { orderId: string }
export interface Output { refunded: number }
export default async function refundOrder(input: Input, tools: Tools): Promise<Output> {
  const order = (await tools.get_order({ id: input.orderId })) as { total: number };
  return { refunded: order.total };
}
`;
const tools = defineTools({
  get_order: {
    inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
    handler: () => ({ total: 42.5 }),
  },
});

describe('runSkill', () => {
  it('runs a TypeScript skill module and returns its value, trace and metrics', async () => {
    const result = await runSkill({ source: refundSkill, input: { orderId: '8812' }, tools });
    expect(result).toMatchObject({ ok: true, value: { refunded: 42.5 }, metrics: { toolCalls: 1 } });
    expect(result.trace[0]).toMatchObject({ step: 1, tool: 'get_order', result: { total: 42.5 } });
    expect(result.metrics.wallMs).toBeGreaterThan(0);
  });

  it('runs a prebuilt bundle as is', async () => {
    const bundled = await build({
      stdin: { contents: refundSkill, loader: 'ts', sourcefile: 'refund_order.ts' },
      bundle: true,
      write: false,
      format: 'iife',
      globalName: SKILL_BUNDLE_GLOBAL,
      banner: { js: SKILL_BUNDLE_BANNER },
      target: 'es2022',
      sourcemap: 'inline',
      external: ['knack:tools'],
    });
    const source = bundled.outputFiles[0]!.text;
    expect(source.startsWith(SKILL_BUNDLE_BANNER)).toBe(true);
    const result = await runSkill({ source, input: { orderId: '1' }, tools });
    expect(result).toMatchObject({ ok: true, value: { refunded: 42.5 } });
  });

  it('returns SKILL_THREW with a stack pointing at the TypeScript source line', async () => {
    const source = `interface Input { orderId: string }
type Unused = { a: number };

export default async function failing(input: Input): Promise<never> {
  throw new Error('order ' + input.orderId + ' is gone');
}
`;
    const result = await runSkill({
      source,
      input: { orderId: '9' },
      tools: noTools,
      filename: 'failing.ts',
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SKILL_THREW', message: 'Error: order 9 is gone' },
    });
    expect(result.ok || result.error.stack).toMatch(/failing\.ts:5:\d+/);
  });

  it('returns COMPILE_ERROR with the line and column of a syntax error', async () => {
    const result = await runSkill({ source: 'export default async () => {\n  let x = ;\n}', tools: noTools });
    expect(result).toMatchObject({ ok: false, error: { code: 'COMPILE_ERROR', line: 2, column: 11 } });
  });

  it('returns COMPILE_ERROR for a bundle that V8 cannot parse', async () => {
    const result = await runSkill({
      source: `${SKILL_BUNDLE_BANNER}\nvar ${SKILL_BUNDLE_GLOBAL} = {;`,
      tools: noTools,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'COMPILE_ERROR' } });
  });

  it('returns SKILL_THREW with a mapped stack when the module body throws', async () => {
    const source = `const table: Record<string, number> = {};\nthrow new RangeError('bad table ' + Object.keys(table).length);\nexport default async () => 1;`;
    const result = await runSkill({ source, tools: noTools, filename: 'top.ts' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'SKILL_THREW', message: 'RangeError: bad table 0' },
    });
    expect(result.ok || result.error.stack).toMatch(/top\.ts:2:\d+/);
  });

  it('returns COMPILE_ERROR for an import other than the type-only tools import', async () => {
    const result = await runSkill({
      source: `import { readFileSync } from 'node:fs';\nexport default async () => readFileSync('/etc/passwd', 'utf8');`,
      tools: noTools,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'COMPILE_ERROR', line: 1 } });
    expect(result.ok || result.error.message).toMatch(/node:fs.*not allowed/);
  });

  it('checks the input and the output against their schemas', async () => {
    const source = `export default async (input: { n: number }) => ({ doubled: String(input.n * 2) })`;
    const inputSchema = { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] };
    const outputSchema = { type: 'object', properties: { doubled: { type: 'number' } } };
    const badInput = await runSkill({ source, input: { n: 'two' }, inputSchema, tools: noTools });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(badInput.ok || badInput.error.message).toContain('`/n` must be number');
    const badOutput = await runSkill({ source, input: { n: 2 }, inputSchema, outputSchema, tools: noTools });
    expect(badOutput).toMatchObject({ ok: false, error: { code: 'INVALID_OUTPUT' } });
    expect(badOutput.ok || badOutput.error.message).toContain('`/doubled` must be number');
  });

  it('captures console output into logs', async () => {
    const result = await runSkill({
      source: `export default async () => { console.log('step', 1, { a: 2 }); console.warn('careful'); return null; }`,
      tools: noTools,
    });
    expect(result.logs).toEqual([
      { level: 'log', message: 'step 1 {"a":2}' },
      { level: 'warn', message: 'careful' },
    ]);
  });

  it('offers the ES2022 language skills are type-checked against, not the ES2023+ additions', async () => {
    const result = await runSkill({
      source: `export default async () => {
        class Counter { #count = 0; static zero = 0; next() { return ++this.#count; } }
        const es2022 = [
          [1, 2, 3].at(-1) === 3,
          Object.hasOwn({ a: 1 }, 'a'),
          'a-b-c'.replaceAll('-', '') === 'abc',
          new Error('outer', { cause: 'inner' }).cause === 'inner',
          new Counter().next() === 1,
          new Intl.NumberFormat('en-US').format(1234.5) === '1,234.5',
        ];
        let unicodeSets = 'yes';
        try { new RegExp('[a]', 'v'); } catch { unicodeSets = 'SyntaxError'; }
        const later = {
          toSorted: typeof (Array.prototype as any).toSorted,
          with: typeof (Uint8Array.prototype as any).with,
          resize: typeof (ArrayBuffer.prototype as any).resize,
          formatRange: typeof (Intl.NumberFormat.prototype as any).formatRange,
          unicodeSets,
        };
        return { es2022, later };
      }`,
      tools: noTools,
    });
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.value).toEqual({
      es2022: [true, true, true, true, true, true],
      later: {
        toSorted: 'undefined',
        with: 'undefined',
        resize: 'undefined',
        formatRange: 'undefined',
        unicodeSets: 'SyntaxError',
      },
    });
  });

  it('returns ABORTED when the signal is aborted during the run', async () => {
    const controller = new AbortController();
    const slow = defineTools({
      wait: { inputSchema: {}, handler: () => new Promise((resolve) => setTimeout(resolve, 5_000)) },
    });
    const pending = runSkill({
      source: `export default async (_: unknown, tools: any) => tools.wait({})`,
      tools: slow,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect(await pending).toMatchObject({ ok: false, error: { code: 'ABORTED' } });
  });

  it('throws INVALID_ARGUMENT naming the bad field', async () => {
    const call = runSkill({ source: refundSkill, tools, limits: { timeoutMs: -1 } });
    await expect(call).rejects.toThrowError(/limits\.timeoutMs/);
    await expect(call).rejects.toSatisfy(
      (error) => KnackError.isInstance(error) && error.code === 'INVALID_ARGUMENT',
    );
    await expect(runSkill({ source: '', tools })).rejects.toThrowError(/`source`/);
    await expect(runSkill({ source: refundSkill, tools: {} as never })).rejects.toThrowError(/`tools`/);
  });

  it('does not keep a CLI process alive after it resolves', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knack-run-skill-'));
    const script = join(dir, 'run-once.mts');
    const entry = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
    writeFileSync(
      script,
      `import { defineTools, runSkill } from ${JSON.stringify(entry)};
const result = await runSkill({ source: 'export default async () => 41 + 1', tools: defineTools({}) });
process.stdout.write(JSON.stringify(result.ok && result.value));`,
    );
    const tsx = createRequire(import.meta.url).resolve('tsx');
    const child = spawnSync(process.execPath, ['--no-node-snapshot', '--import', tsx, script], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.error).toBeUndefined();
    expect(child.status).toBe(0);
    expect(child.stdout).toBe('42');
  });
});
