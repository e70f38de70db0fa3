// `npm run bench -- compile`: import + draft + type-check + bundle + verify of one skill, cold and warm, per stage.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';
import {
  bundleSkill,
  checkPolicy,
  deriveSchemas,
  draftSkill,
  importTrajectory,
  toolsDeclarations,
  typeCheckSkill,
  verifySkill,
  type Trajectory,
} from '../compiler/index.js';
import { supportDeskManifest, trajectoryFiles } from '../skills/index.js';
import { airlineManifest, airlineTrajectoryFiles } from '../skills/airline/index.js';
import { percentile, report, type BenchRow } from './_report.js';
import { corpusRows } from './_compile-corpus.js';
import { reportAirlineGeneralization } from './_airline-generalization.js';
import { reportCompilePairs } from './_compile-pairs.js';

const file = fileURLToPath(
  new URL('../skills/support-desk/trajectories/openai/refund-damaged-8812.json', import.meta.url),
);
const text = readFileSync(file, 'utf8');
const manifest = supportDeskManifest;
const warmRuns = 30;

type Stage = 'import' | 'draft' | 'type-check' | 'bundle' | 'verify';
const stages: Stage[] = ['import', 'draft', 'type-check', 'bundle', 'verify'];

async function timed<T>(times: Record<Stage, number>, stage: Stage, work: () => T | Promise<T>): Promise<T> {
  const start = performance.now();
  const value = await work();
  times[stage] = performance.now() - start;
  return value;
}

// `run` makes every source distinct so warm runs re-check a changed file, as a new skill would.
async function compileOnce(run: number): Promise<Record<Stage, number>> {
  const times = {} as Record<Stage, number>;
  const trajectory = await timed(times, 'import', () => importTrajectory(text, { file, manifest }));
  const draft = await timed(times, 'draft', () => {
    const drafted = draftSkill({ trajectories: [trajectory], manifest });
    return { ...drafted, source: `${drafted.source}// run ${run}\n` };
  });
  const schemas = await timed(times, 'type-check', async () => {
    const checked = typeCheckSkill({
      source: draft.source,
      toolsDeclarations: await toolsDeclarations(manifest),
    });
    if (checked.diagnostics.length > 0) throw new Error(checked.diagnostics[0]?.message);
    checkPolicy(checked.sourceFile, manifest);
    return deriveSchemas(checked.sourceFile);
  });
  const bundled = await timed(times, 'bundle', () => bundleSkill({ source: draft.source }));
  const replayable: Trajectory = { ...trajectory, input: draft.inputs.get(trajectory.id) ?? {} };
  const verified = await timed(times, 'verify', () =>
    verifySkill({ bundle: bundled.bundle ?? '', manifest, trajectories: [replayable], ...schemas }),
  );
  if (!verified.isVerified) throw new Error(verified.reports[0]?.message);
  return times;
}

function total(times: Record<Stage, number>): number {
  return stages.reduce((sum, stage) => sum + times[stage], 0);
}

export async function main(): Promise<void> {
  const cold = await compileOnce(0);
  const warm: Record<Stage, number>[] = [];
  for (let run = 0; run < warmRuns; run++) warm.push(await compileOnce(run + 1));
  const rows: BenchRow[] = stages.map((stage) => ({
    stage,
    coldMs: cold[stage],
    warmP50Ms: percentile(
      warm.map((times) => times[stage]),
      0.5,
    ),
    warmP95Ms: percentile(
      warm.map((times) => times[stage]),
      0.95,
    ),
  }));
  const warmTotals = warm.map(total);
  rows.push({
    stage: 'total (one skill)',
    coldMs: total(cold),
    warmP50Ms: percentile(warmTotals, 0.5),
    warmP95Ms: percentile(warmTotals, 0.95),
  });
  // Baseline: the cheapest possible "compile" of the same source, esbuild's TS strip alone.
  const source = draftSkill({ trajectories: [importTrajectory(text, { file, manifest })], manifest }).source;
  const baseline: number[] = [];
  for (let run = 0; run < warmRuns; run++) {
    const start = performance.now();
    await transform(source, { loader: 'ts', format: 'iife', target: 'es2022' });
    baseline.push(performance.now() - start);
  }
  rows.push({
    stage: 'baseline: esbuild transform only',
    coldMs: Number.NaN,
    warmP50Ms: percentile(baseline, 0.5),
    warmP95Ms: percentile(baseline, 0.95),
  });
  report('compile', rows, {
    input: { trajectory: 'openai/refund-damaged-8812.json', steps: 3, tools: manifest.length, warmRuns },
    goal: { warmTotalMs: 50, isMet: percentile(warmTotals, 0.5) < 50 },
  });
  // The corpus figure: every recorded trajectory of a domain compiled in one process (warm after
  // the single-skill runs above): share verified, ms per trajectory, arguments lifted vs constant.
  const corpora = await corpusRows([
    { name: 'airline openai', files: await airlineTrajectoryFiles('openai'), manifest: airlineManifest },
    { name: 'airline native', files: await airlineTrajectoryFiles('native'), manifest: airlineManifest },
    { name: 'support-desk native', files: await trajectoryFiles(), manifest: supportDeskManifest },
  ]);
  report('compile-corpus', corpora);
  // Issue 17's pairs goal: every pair of runs of one airline task compiled together.
  await reportCompilePairs();
  await reportAirlineGeneralization();
}
