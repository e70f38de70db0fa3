import type { CAC } from 'cac';
import { alignedTable, colors, log, print } from '../output.js';
import type { CompiledSkill } from '../../../compiler/index.js';
import type { SkillStore } from '../../store/index.js';
import type { SkillBenchmark } from '../../benchmark-skill.js';
import type { DemoDomain } from '../../demo-domain.js';

interface DemoFlags {
  store?: string;
  runs?: number;
  domain?: string;
}

const reviewer = 'demo-reviewer';

/** Renders the demo's benchmark rows (success rate and latency) as an aligned table. */
function benchmarkTable(rows: readonly SkillBenchmark[]): string {
  const header = ['skill', 'runs', 'ok', 'success', 'failures', 'p50 ms', 'p99 ms', 'runs/s'];
  const body = rows.map((row) => [
    row.ref,
    String(row.runs),
    String(row.ok),
    `${(row.successRate * 100).toFixed(1)}%`,
    Object.entries(row.failures)
      .map(([code, count]) => `${code} ${count}`)
      .join(', ') || '-',
    row.p50Ms.toFixed(2),
    row.p99Ms.toFixed(2),
    row.runsPerSecond.toFixed(0),
  ]);
  return alignedTable(header, body);
}

/** Publishes a verified skill, approves it as the demo reviewer and makes it the active version. */
async function publishAndActivate(store: SkillStore, skill: CompiledSkill, note: string): Promise<string> {
  const published = await store.publish(skill, { by: 'knack demo', note });
  await store.review(published.ref, { decision: 'approve', by: reviewer, note: 'replays every trajectory' });
  await store.promote(published.ref, { by: reviewer, note });
  return published.ref;
}

async function compileStep(domain: DemoDomain, files: string[]): Promise<CompiledSkill[]> {
  const c = colors();
  const { compileTrajectories } = await import('../../../compiler/index.js');
  print(c.bold(`\n1. Compile ${files.length} example trajectories (trace compiler, no model)`));
  const result = await compileTrajectories({ files, manifest: domain.manifest });
  for (const skill of result.skills) {
    const replays = skill.verification.reports;
    const passed = replays.filter((report) => report.ok).length;
    const mark = skill.verification.isVerified ? c.green('✓ verified') : c.red('✗ not verified');
    const params = Object.keys((skill.inputSchema as { properties?: object }).properties ?? {}).join(', ');
    print(
      `   ${skill.name.padEnd(36)} ${mark} ${passed}/${replays.length} replays  in(${params})  tools: ${skill.permissions.join(', ')}`,
    );
  }
  for (const error of result.errors) print(c.dim(`   refused: ${error.message}`));
  return result.skills.filter((skill) => skill.verification.isVerified);
}

async function runStep(domain: DemoDomain, store: SkillStore, skills: CompiledSkill[]): Promise<void> {
  const c = colors();
  const { callSkill } = await import('../../call-skill.js');
  const { createTools, heldOutInputsFor } = domain;
  print(c.bold('\n4. Call the active skills in the sandbox on inputs no trajectory had'));
  for (const skill of skills) {
    for (const input of heldOutInputsFor(skill.provenance.trajectoryIds, skill).slice(0, 1)) {
      const result = await callSkill({ store, ref: skill.name, input, tools: createTools() });
      const outcome = result.ok ? c.green('ok') : c.red(result.error.code);
      const value = result.ok ? JSON.stringify(result.value) : result.error.message;
      const shown = value.length > 90 ? `${value.slice(0, 87)}...` : value;
      print(
        `   ${result.ref.padEnd(38)} ${JSON.stringify(input).padEnd(42)} ${outcome} ${result.trace.length} calls  ${shown}`,
      );
    }
  }
}

async function diffStep(
  domain: DemoDomain,
  store: SkillStore,
  files: string[],
  skills: CompiledSkill[],
): Promise<void> {
  const c = colors();
  const { compileTrajectories } = await import('../../../compiler/index.js');
  const { renderSkillDiff } = await import('../../diff/index.js');
  const { useColor } = await import('../output.js');
  const target = skills.find((skill) => skill.provenance.trajectoryIds.length > 2);
  if (!target) return;
  print(
    c.bold(
      `\n3. Review: ${target.name} compiled from one trajectory (v1), then from its ${target.provenance.trajectoryIds.length} siblings (v2)`,
    ),
  );
  const first = files.filter((file) => file.includes(target.provenance.trajectoryIds[0] ?? '\0'));
  const single = await compileTrajectories({
    files: first,
    manifest: domain.manifest,
    name: target.name,
  });
  const alone = single.skills[0];
  if (!alone) return;
  const from = await publishAndActivate(store, alone, 'compiled from one trajectory');
  const to = (await store.publish(target, { by: 'knack demo', note: 'compiled from all siblings' })).ref;
  print(renderSkillDiff(await store.diff(from, to), { color: useColor() }));
  await store.review(to, { decision: 'approve', by: reviewer, note: 'generalizes the member choice' });
  await store.promote(to, { by: reviewer, note: 'replays every sibling' });
}

async function benchStep(
  domain: DemoDomain,
  store: SkillStore,
  skills: CompiledSkill[],
  runs: number,
): Promise<void> {
  const c = colors();
  const { benchmarkSkill } = await import('../../benchmark-skill.js');
  const { createTools, heldOutInputsFor } = domain;
  print(c.bold(`\n5. Reliability bench: ${runs} sandbox runs per skill over held-out inputs`));
  const { createSandbox } = await import('../../../sandbox/index.js');
  const rows: SkillBenchmark[] = [];
  await using sandbox = await createSandbox();
  for (const skill of skills) {
    const inputs = heldOutInputsFor(skill.provenance.trajectoryIds, skill);
    if (inputs.length === 0) continue;
    rows.push(await benchmarkSkill({ store, ref: skill.name, inputs, createTools, runs, sandbox }));
    log(c.dim(`   benched ${skill.name}`));
  }
  print(benchmarkTable(rows).replace(/^/gm, '   '));
}

async function demoAction(flags: DemoFlags): Promise<void> {
  const c = colors();
  const { rm } = await import('node:fs/promises');
  const { openStore } = await import('../../store/index.js');
  const url = flags.store ?? 'sqlite://.knack/demo/skills.db';
  if (!flags.store) await rm('.knack/demo', { recursive: true, force: true });
  const { loadDemoDomain } = await import('../load-demo-domain.js');
  const domain = await loadDemoDomain(flags.domain);
  print(
    c.bold(`knack demo: ${domain.name}`) +
      c.dim(` - offline: trace compiler, isolated-vm sandbox, store ${url}`),
  );
  const files = await domain.trajectoryFiles();
  const skills = await compileStep(domain, files);
  const store = await openStore({ url });
  try {
    print(c.bold(`\n2. Publish, review and activate ${skills.length} verified skills`));
    const multi = skills.find((skill) => skill.provenance.trajectoryIds.length > 2);
    for (const skill of skills) {
      if (skill === multi) continue; // published in step 4 as version 2, after its single-trajectory version 1
      print(`   ${(await publishAndActivate(store, skill, 'demo')).padEnd(38)} active`);
    }
    if (multi) await diffStep(domain, store, files, skills);
    await runStep(domain, store, skills);
    await benchStep(domain, store, skills, Number(flags.runs ?? 20));
    print(c.dim(`\nThe library is in ${url}: try \`npm run knack -- list --store ${url}\`.`));
  } finally {
    await store.close();
  }
}

/** `knack demo`: the offline tour: compile, store, run, diff, bench. */
export function registerDemo(cli: CAC): void {
  cli
    .command('demo', 'Offline tour: compile the example trajectories, store, run in the sandbox, diff, bench')
    .option('--store <url>', 'Store to use (default: a fresh sqlite://.knack/demo/skills.db)')
    .option('--runs <n>', 'Bench runs per skill (default 20)')
    .option('--domain <module>', 'A module exporting `demoDomain` (default: the shipped support desk)')
    .example('knack demo --runs 50')
    .action(demoAction);
}
