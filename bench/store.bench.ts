// `npm run bench -- store`: publish and resolve latency (p50/p99) and throughput on each backend,
// then resolution with 10,000 skills stored. Baseline: one raw backend read (the floor any
// resolution pays), and callSkill end to end on each backend side by side with runSkill
// (`--calls-only` measures just that). Needs PostgreSQL and Redis on
// 127.0.0.1 (see README "Store backends").
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox, defineTools, type Sandbox } from '../sandbox/index.js';
import { callSkill } from '../src/index.js';
import {
  openStore,
  postgresBackend,
  redisBackend,
  sqliteBackend,
  type PublishInput,
  type SkillStore,
  type StoreBackend,
} from '../src/store/index.js';
import { collectGarbage } from './_collect-garbage.js';
import { postgresUrl, redisUrl } from './_services.js';
import { createSkillVersions } from './_skill-versions.js';
import { percentile, report, sampleMs, type BenchRow } from './_report.js';

const publishes = 300;
const resolves = 1000;
const librarySize = 10_000;
const seedConcurrency = 16;
const calls = 1000;
/** Interleaved rounds of runSkill and callSkill samples. */
const callRounds = 10;

let skillVersion: (name: string, variant?: string) => PublishInput;

interface Target {
  name: string;
  url: string;
  openBackend: () => Promise<StoreBackend>;
}

function row(backend: string, operation: string, samples: number[], stored: number): BenchRow {
  const totalMs = samples.reduce((sum, sample) => sum + sample, 0);
  return {
    backend,
    operation,
    stored,
    n: samples.length,
    'p50 ms': percentile(samples, 0.5),
    'p99 ms': percentile(samples, 0.99),
    'ops/s': Math.round((samples.length / totalMs) * 1000),
  };
}

async function measureSmall(target: Target, store: SkillStore): Promise<BenchRow[]> {
  let counter = 0;
  const publish = await sampleMs(publishes, () =>
    store.publish(skillVersion('bench_skill', `p${counter++}`), { by: 'bench' }),
  );
  await store.review('bench_skill@1', { decision: 'approve', by: 'bench' });
  await store.promote('bench_skill@1', { by: 'bench' });
  const byVersion = await sampleMs(resolves, () =>
    store.get(`bench_skill@${1 + Math.floor(Math.random() * publishes)}`),
  );
  const active = await sampleMs(resolves, () => store.get('bench_skill'));
  const pinned = await sampleMs(resolves, () =>
    store.resolveSkill('bench_skill', 1 + Math.floor(Math.random() * publishes)),
  );
  const backend = await target.openBackend();
  const raw = await sampleMs(resolves, () => backend.get(`${store.namespace}:version:bench_skill:1`));
  await backend.close();
  return [
    row(target.name, 'publish (new version)', publish, publishes),
    row(target.name, 'get name@N', byVersion, publishes),
    row(target.name, 'get name (active; history of 302 events)', active, publishes),
    row(target.name, 'resolveSkill(name, N)', pinned, publishes),
    row(target.name, 'baseline: raw backend get', raw, publishes),
  ];
}

/**
 * callSkill end to end (resolve the version, run it in the sandbox, count the run) against the
 * same bundle through the sandbox alone (`runSkill`'s work), in interleaved rounds so a noisy
 * machine slows both alike; and the caller's heap growth over the calls.
 */
async function measureCalls(
  target: Target,
  store: SkillStore,
  sandbox: Sandbox,
): Promise<{ rows: BenchRow[]; ratio: number; heapGrowthMb: number }> {
  await store.publish(skillVersion('called_skill'), { by: 'bench' });
  await store.review('called_skill@1', { decision: 'approve', by: 'bench' });
  await store.promote('called_skill@1', { by: 'bench' });
  const skill = await store.get('called_skill@1');
  const tools = defineTools({
    get_order: { inputSchema: { type: 'object' }, handler: () => ({ total: 20 }) },
    refund_payment: { inputSchema: { type: 'object' }, handler: () => ({ ok: true }) },
  });
  const call = async (): Promise<void> => {
    const result = await callSkill({
      store,
      ref: 'called_skill',
      input: { orderId: '8812' },
      tools,
      sandbox,
    });
    if (!result.ok) throw new Error(`callSkill failed: ${result.error.code}: ${result.error.message}`);
  };
  const run = async (): Promise<void> => {
    const result = await sandbox.run({
      source: skill.bundle,
      input: { orderId: '8812' },
      tools: defineTools({}),
      inputSchema: skill.inputSchema,
      outputSchema: skill.outputSchema,
      filename: 'called_skill.ts',
    });
    if (!result.ok) throw new Error(`runSkill failed: ${result.error.code}: ${result.error.message}`);
  };
  for (let i = 0; i < 100; i++) {
    await call();
    await run();
  }
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const called: number[] = [];
  const ran: number[] = [];
  for (let round = 0; round < callRounds; round++) {
    ran.push(...(await sampleMs(calls / callRounds, run)));
    called.push(...(await sampleMs(calls / callRounds, call)));
  }
  collectGarbage();
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const ratio = percentile(called, 0.5) / percentile(ran, 0.5);
  return {
    rows: [
      row(target.name, 'runSkill (the bundle in the sandbox, same skill)', ran, 1),
      row(target.name, 'callSkill (resolve + run + count)', called, 1),
    ],
    ratio: Number(ratio.toFixed(2)),
    heapGrowthMb,
  };
}

async function seed(store: SkillStore): Promise<number> {
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < librarySize) {
      const index = next++;
      await store.publish(skillVersion(`skill_${index}`, String(index)), { by: 'bench' });
    }
  };
  await Promise.all(Array.from({ length: seedConcurrency }, worker));
  return performance.now() - start;
}

async function measureLarge(
  target: Target,
  store: SkillStore,
): Promise<{ rows: BenchRow[]; seedMs: number }> {
  const seedMs = await seed(store);
  const pick = (): string => `skill_${Math.floor(Math.random() * librarySize)}`;
  const byVersion = await sampleMs(resolves, () => store.get(`${pick()}@1`));
  const latest = await sampleMs(resolves, () => store.get(`${pick()}@latest`));
  const pinned = await sampleMs(resolves, () => store.resolveSkill(pick(), 1));
  let counter = 0;
  const publish = await sampleMs(publishes, () =>
    store.publish(skillVersion(pick(), `late${counter++}`), { by: 'bench' }),
  );
  return {
    seedMs,
    rows: [
      row(target.name, 'get name@N', byVersion, librarySize),
      row(target.name, 'get name@latest', latest, librarySize),
      row(target.name, 'resolveSkill(name, N)', pinned, librarySize),
      row(target.name, 'publish (new version)', publish, librarySize),
    ],
  };
}

export async function main(): Promise<void> {
  skillVersion = await createSkillVersions();
  const sqliteUrl = `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-bench-')), 'skills.db')}`;
  const targets: Target[] = [
    { name: 'sqlite', url: sqliteUrl, openBackend: () => sqliteBackend({ url: sqliteUrl }) },
    {
      name: 'postgres',
      url: postgresUrl,
      openBackend: () => postgresBackend({ url: postgresUrl }),
    },
    { name: 'redis', url: redisUrl, openBackend: () => redisBackend({ url: redisUrl }) },
  ];
  const rows: BenchRow[] = [];
  const seedMs: Record<string, number> = {};
  const callHeapGrowthMb: Record<string, number> = {};
  const callToRunRatio: Record<string, number> = {};
  // `npm run bench -- store --calls-only`: only the callSkill / runSkill comparison.
  const isCallsOnly = process.argv.includes('--calls-only');
  await using sandbox = await createSandbox();
  for (const target of targets) {
    process.stderr.write(`store bench: ${target.name}\n`);
    const small = await openStore({ url: target.url, namespace: `bench${randomUUID().slice(0, 8)}` });
    if (!isCallsOnly) rows.push(...(await measureSmall(target, small)));
    const called = await measureCalls(target, small, sandbox);
    rows.push(...called.rows);
    callHeapGrowthMb[target.name] = Number(called.heapGrowthMb.toFixed(2));
    callToRunRatio[target.name] = called.ratio;
    process.stderr.write(
      `  callSkill p50 / runSkill p50 = ${called.ratio}; heap grew ${called.heapGrowthMb.toFixed(2)} MB over ${calls} calls\n`,
    );
    await small.close();
    if (isCallsOnly) continue;
    const large = await openStore({ url: target.url, namespace: `bench${randomUUID().slice(0, 8)}` });
    const measured = await measureLarge(target, large);
    rows.push(...measured.rows);
    seedMs[target.name] = Math.round(measured.seedMs);
    process.stderr.write(
      `  seeded ${librarySize} skills in ${(measured.seedMs / 1000).toFixed(1)} s (${seedConcurrency} concurrent publishes)\n`,
    );
    await large.close();
  }
  report(isCallsOnly ? 'store-calls' : 'store', rows, {
    publishes,
    resolves,
    librarySize,
    seedConcurrency,
    seedMs,
    calls,
    callHeapGrowthMb,
    callToRunRatio,
    note: 'Each bench run uses fresh namespaces; data is left in place (PostgreSQL table knack_skills, Redis keys bench*).',
  });
}
