import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportLibrary, importLibrary, type SkillStore } from '../../src/store/index.js';
import { compiledSkill } from '../helpers/compiled-skill.js';
import { openTempStore } from '../helpers/temp-sqlite-store.js';

const libraryDir = join(import.meta.dirname, '../../skills/library');
const stores: SkillStore[] = [];
async function fresh(): Promise<SkillStore> {
  const { store } = await openTempStore();
  stores.push(store);
  return store;
}
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

function readTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

async function seed(store: SkillStore): Promise<void> {
  await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler', note: 'from t-001' });
  await store.publish({ ...compiledSkill({ variant: 'b' }), sourcemap: '{"version":3,"mappings":""}' });
  await store.review('refund_order@1', { decision: 'approve', by: 'ana', note: 'ok' });
  await store.promote('refund_order@1', { by: 'ana' });
  await store.recordRun('refund_order', { ok: false, error: { code: 'TOOL_FAILED' } });
  await store.recordRun('refund_order', { ok: true });
  await store.publish(compiledSkill({ name: 'lookup_order', tools: ['get_order'] }));
}

describe('exportLibrary / importLibrary', () => {
  it('writes v<N>.ts, v<N>.bundle.js and skill.json per skill', async () => {
    const store = await fresh();
    await seed(store);
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    const result = await exportLibrary({ store, dir });
    expect(result.skills).toEqual([
      { name: 'lookup_order', versions: [1] },
      { name: 'refund_order', versions: [1, 2] },
    ]);
    const files = readTree(dir);
    expect([...files.keys()].sort()).toEqual([
      'lookup_order/skill.json',
      'lookup_order/v1.bundle.js',
      'lookup_order/v1.ts',
      'refund_order/skill.json',
      'refund_order/v1.bundle.js',
      'refund_order/v1.ts',
      'refund_order/v2.bundle.js',
      'refund_order/v2.js.map',
      'refund_order/v2.ts',
    ]);
    expect(files.get('refund_order/v1.ts')).toBe(compiledSkill({ variant: 'a' }).source);
    const skillFile = JSON.parse(files.get('refund_order/skill.json') ?? '') as Record<string, unknown>;
    expect(JSON.stringify(skillFile)).not.toContain('knack:bundle');
    expect(skillFile['history']).toHaveLength(4);
  });

  it('round-trips losslessly: export, import into a fresh store, export again byte for byte', async () => {
    const source = await fresh();
    await seed(source);
    const first = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store: source, dir: first });
    const target = await fresh();
    const imported = await importLibrary({ store: target, dir: first });
    expect(imported.skills.map((skill) => skill.name)).toEqual(['lookup_order', 'refund_order']);
    const second = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store: target, dir: second });
    expect(readTree(second)).toEqual(readTree(first));
    expect(await target.get('refund_order')).toEqual(await source.get('refund_order'));
    const next = await target.publish(compiledSkill({ variant: 'c' }));
    expect(next.version).toBe(3);
  });

  it("writes each version's test cases beside its source and restores them on import", async () => {
    const store = await fresh();
    await importLibrary({ store, dir: libraryDir });
    const refund = await store.get('refund_order_full@1');
    expect(refund.cases?.map((skillCase) => skillCase.trajectoryId)).toEqual([
      'refund-damaged-8812',
      'refund-damaged-8814',
      'refund-damaged-8817',
    ]);
    expect(refund.cases?.[0]?.calls.map((call) => call.tool)).toEqual([
      'get_order',
      'refund_order',
      'send_email',
    ]);
    expect(refund.toolSchemas?.map((tool) => tool.name)).toEqual(['get_order', 'refund_order', 'send_email']);
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    const result = await exportLibrary({ store, dir });
    expect(result.files).toContain('refund_order_full/v1.cases.json');
    const casesFile = 'refund_order_full/v1.cases.json';
    expect(readTree(dir).get(casesFile)).toBe(readFileSync(join(libraryDir, casesFile), 'utf8'));
    const skillFile = JSON.parse(readTree(dir).get('refund_order_full/skill.json') ?? '') as {
      versions: Record<string, unknown>[];
    };
    expect(Object.keys(skillFile.versions[0] ?? {})).not.toContain('cases');
  });

  it("refuses a cases file that lost a case's calls, naming the version", async () => {
    const store = await fresh();
    await importLibrary({ store, dir: libraryDir });
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store, dir });
    const path = join(dir, 'refund_order_full', 'v1.cases.json');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { cases: Record<string, unknown>[] };
    delete file.cases[0]?.['calls'];
    writeFileSync(path, JSON.stringify(file));
    await expect(importLibrary({ store: await fresh(), dir })).rejects.toThrow(
      /`refund_order_full`, version 1: .*calls/,
    );
  });

  it('refuses a version file edited after export, naming the skill and version', async () => {
    const store = await fresh();
    await seed(store);
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store, dir });
    writeFileSync(join(dir, 'refund_order', 'v2.ts'), 'export default 1;\n');
    await expect(importLibrary({ store: await fresh(), dir })).rejects.toThrow(
      '`refund_order`, version 2: the source does not match its content hash',
    );
  });

  it('refuses to import a skill the store already holds', async () => {
    const store = await fresh();
    await seed(store);
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store, dir });
    await expect(importLibrary({ store, dir })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('names the file of a broken skill.json', async () => {
    const store = await fresh();
    await seed(store);
    const dir = mkdtempSync(join(tmpdir(), 'knack-export-'));
    await exportLibrary({ store, dir });
    writeFileSync(join(dir, 'lookup_order', 'skill.json'), '{ "format": ');
    await expect(importLibrary({ store: await fresh(), dir })).rejects.toThrow(
      join(dir, 'lookup_order', 'skill.json'),
    );
  });

  it('refuses options without a store or a folder with INVALID_ARGUMENT naming the field', async () => {
    const store = await fresh();
    await expect(exportLibrary({ store, dir: '' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
      where: { field: 'dir' },
    });
    await expect(
      importLibrary({ store: undefined as unknown as SkillStore, dir: tmpdir() }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', where: { field: 'store' } });
  });
});
