// `npm run bench -- search`: quality and speed of skill search.
// Quality, on the support-desk library (12 skills): for held-aside requests (bench/_search-queries.ts,
// four paraphrases per skill, none a trajectory a skill was compiled from), the share where the
// right skill is among the top 3 that search returns (threshold applied); for requests no skill
// covers, the share where nothing scores above the threshold. Half the requests calibrated
// DEFAULT_MIN_SCORE; the other half only measures it. Baseline: minisearch with its defaults
// (no identifier splitting, stemming or stop words) over the same fields.
// Speed: top-5 among 10,000 stored skills (synthetic variants in SQLite), p50/p99 warm; index
// build time (from the store, and from records in memory) and the index's heap.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import {
  createSkillIndex,
  DEFAULT_MIN_SCORE,
  importLibrary,
  loadSkillIndex,
  openStore,
  type SkillIndex,
  type SkillStore,
  type SkillVersion,
} from '../src/index.js';
import { collectGarbage } from './_collect-garbage.js';
import { percentile, report, sampleMs, type BenchRow } from './_report.js';
import { coveredRequests, uncoveredRequests, type CoveredRequest } from './_search-queries.js';
import { createSearchVariants } from './_search-variants.js';

const librarySize = 10_000;
const searches = 2000;
const seedConcurrency = 16;
const thresholds = [0, 1, 2, DEFAULT_MIN_SCORE, 3, 4, 6];
const libraryDir = fileURLToPath(new URL('../skills/library', import.meta.url));

const share = (part: number, whole: number): string =>
  `${part}/${whole} (${((part / whole) * 100).toFixed(0)}%)`;

function rankOf(index: SkillIndex, request: CoveredRequest, minScore: number): number {
  return index
    .search({ query: request.query, limit: 3, minScore })
    .findIndex((hit) => hit.name === request.skill);
}

function qualityRow(
  index: SkillIndex,
  set: string,
  calibration: boolean | undefined,
  minScore: number,
): BenchRow {
  const covered = coveredRequests.filter(
    (request) => calibration === undefined || request.calibration === calibration,
  );
  const uncovered = uncoveredRequests.filter(
    (request) => calibration === undefined || request.calibration === calibration,
  );
  const ranks = covered.map((request) => rankOf(index, request, minScore));
  const empty = uncovered.filter((request) => index.search({ query: request.query, minScore }).length === 0);
  return {
    requests: set,
    'min score': Number(minScore.toFixed(1)),
    'right skill 1st': share(ranks.filter((rank) => rank === 0).length, covered.length),
    'right skill in top 3': share(ranks.filter((rank) => rank >= 0).length, covered.length),
    'uncovered: nothing returned': share(empty.length, uncovered.length),
  };
}

// minisearch as it comes: its default tokenizer and term processing, the same fields, BM25.
function baselineRow(versions: readonly SkillVersion[]): BenchRow {
  const engine = new MiniSearch({ fields: ['name', 'description', 'tasks', 'inputFields', 'tools'] });
  engine.addAll(
    versions.map((version) => ({
      id: version.name,
      name: version.name,
      description: version.description,
      tasks: (version.provenance.tasks ?? []).join('\n'),
      inputFields: Object.keys((version.inputSchema as { properties?: object }).properties ?? {}).join(' '),
      tools: version.permissions.join(' '),
    })),
  );
  const inTop3 = coveredRequests.filter((request) =>
    engine
      .search(request.query)
      .slice(0, 3)
      .some((result) => result.id === request.skill),
  );
  const first = coveredRequests.filter((request) => engine.search(request.query)[0]?.id === request.skill);
  return {
    requests: 'baseline: minisearch defaults, all',
    'min score': '-',
    'right skill 1st': share(first.length, coveredRequests.length),
    'right skill in top 3': share(inTop3.length, coveredRequests.length),
    'uncovered: nothing returned': share(
      uncoveredRequests.filter((request) => engine.search(request.query).length === 0).length,
      uncoveredRequests.length,
    ),
  };
}

async function seed(store: SkillStore, bases: readonly SkillVersion[]): Promise<number> {
  const variants = createSearchVariants(bases, librarySize);
  const start = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < variants.length) {
      const variant = variants[next++];
      if (variant) await store.publish(variant, { by: 'bench' });
    }
  };
  await Promise.all(Array.from({ length: seedConcurrency }, worker));
  return performance.now() - start;
}

// The same records as the store holds, already in memory: the index's own build time and heap.
function buildInMemory(bases: readonly SkillVersion[]): {
  index: SkillIndex;
  buildMs: number;
  heapMb: number;
} {
  const records = createSearchVariants(bases, librarySize).map((variant) => ({
    ...variant,
    version: 1,
    status: 'verified' as const,
  }));
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const index = createSkillIndex({ skills: records });
  const buildMs = performance.now() - start;
  collectGarbage();
  return { index, buildMs, heapMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 };
}

async function timeSearches(index: SkillIndex, loaded: SkillIndex): Promise<BenchRow[]> {
  const queries = coveredRequests.map((request) => request.query);
  const uncovered = uncoveredRequests.map((request) => request.query);
  let turn = 0;
  for (const query of [...queries, ...uncovered]) index.search({ query, limit: 5 });
  const top5 = await sampleMs(searches, () =>
    index.search({ query: queries[turn++ % queries.length] ?? '', limit: 5 }),
  );
  const none = await sampleMs(searches, () =>
    index.search({ query: uncovered[turn++ % uncovered.length] ?? '', limit: 5 }),
  );
  // The worst case: a query made only of a word most skills have (nothing else to search with).
  const common = await sampleMs(200, () => index.search({ query: 'order', limit: 5, minScore: 0 }));
  const fromStore = await sampleMs(3, () => loaded.search({ query: queries[0] ?? '', limit: 5 }));
  const row = (operation: string, samples: number[]): BenchRow => ({
    operation,
    skills: librarySize,
    n: samples.length,
    'p50 ms': percentile(samples, 0.5),
    'p99 ms': percentile(samples, 0.99),
  });
  return [
    row('search top 5, covered requests (warm)', top5),
    row('search top 5, uncovered requests (warm)', none),
    row('worst case: only a word most skills have ("order")', common),
    row('search top 5 on the index loaded from the store', fromStore),
  ];
}

async function measureSpeed(
  bases: readonly SkillVersion[],
): Promise<{ rows: BenchRow[]; facts: Record<string, number> }> {
  const store = await openStore({
    url: `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-bench-')), 'skills.db')}`,
  });
  try {
    const seedMs = await seed(store, bases);
    process.stderr.write(`  seeded ${librarySize} skills in ${(seedMs / 1000).toFixed(1)} s\n`);
    const start = performance.now();
    const loaded = await loadSkillIndex({ store });
    const loadMs = performance.now() - start;
    const { index, buildMs, heapMb } = buildInMemory(bases);
    return {
      rows: await timeSearches(index, loaded),
      facts: {
        seedMs: Math.round(seedMs),
        loadFromStoreMs: Math.round(loadMs),
        buildFromMemoryMs: Math.round(buildMs),
        indexHeapMb: Number(heapMb.toFixed(1)),
      },
    };
  } finally {
    await store.close();
  }
}

export async function main(): Promise<void> {
  process.stdout.write(
    `load average at the start: ${loadavg()
      .map((value) => value.toFixed(1))
      .join(', ')}\n`,
  );
  const store = await openStore({
    url: `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-bench-')), 'skills.db')}`,
  });
  const bases: SkillVersion[] = [];
  let qualityRows: BenchRow[];
  try {
    await importLibrary({ store, dir: libraryDir });
    for (const summary of await store.list()) bases.push(await store.get(summary.name));
    const index = await loadSkillIndex({ store });
    qualityRows = [
      qualityRow(index, 'calibration half', true, DEFAULT_MIN_SCORE),
      qualityRow(index, 'evaluation half', false, DEFAULT_MIN_SCORE),
      qualityRow(index, 'all', undefined, DEFAULT_MIN_SCORE),
      ...thresholds
        .filter((threshold) => threshold !== DEFAULT_MIN_SCORE)
        .map((threshold) => qualityRow(index, 'all (other thresholds)', undefined, threshold)),
      baselineRow(bases),
    ];
  } finally {
    await store.close();
  }
  report('search-quality', qualityRows, {
    skills: bases.length,
    coveredRequests: coveredRequests.length,
    uncoveredRequests: uncoveredRequests.length,
    defaultMinScore: DEFAULT_MIN_SCORE,
  });
  process.stderr.write(`search bench: ${librarySize} skills\n`);
  const speed = await measureSpeed(bases);
  process.stdout.write(
    `\nindex of ${librarySize} skills: loaded from SQLite in ${speed.facts['loadFromStoreMs']} ms, built from memory in ${speed.facts['buildFromMemoryMs']} ms, heap ${speed.facts['indexHeapMb']} MB\n`,
  );
  const load = loadavg().map((value) => Number(value.toFixed(1)));
  process.stdout.write(`load average at the end: ${load.join(', ')}\n`);
  report('search-speed', speed.rows, {
    librarySize,
    searches,
    seedConcurrency,
    loadAverage: load,
    ...speed.facts,
  });
}
