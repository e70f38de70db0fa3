import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories } from '../../../compiler/index.js';
import { supportDeskManifest, SUPPORT_DESK_DIR, trajectoryFile } from '../../../skills/index.js';
import { openTempStore } from '../../helpers/temp-sqlite-store.js';
import { runCli } from '../../helpers/run-cli.js';

const pack = join(SUPPORT_DESK_DIR, 'pack.ts');
let store = '';
let name = '';

beforeAll(async () => {
  const temp = await openTempStore();
  store = temp.url;
  const files = ['order-status-8815', 'order-status-8816'].map((id) => trajectoryFile(id));
  const [skill] = (await compileTrajectories({ files, manifest: supportDeskManifest })).skills;
  if (!skill) throw new Error('the example trajectories did not compile');
  name = skill.name;
  const { ref } = await temp.store.publish(skill, { by: 'test' });
  await temp.store.review(ref, { decision: 'approve', by: 'reviewer' });
  await temp.store.promote(ref, { by: 'reviewer' });
  await temp.store.close();
}, 60_000);

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack run', { timeout: 120_000 }, () => {
  it('prints the value of a stored skill run on the live tools, exit 0', () => {
    const result = runCli(['run', name, '--tools', pack, '--input', '{"orderId":"8820"}', '--store', store]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ orderId: '8820', carrier: 'DHL' });
    expect(result.stderr).toContain('track_shipment');
  });

  it('gives the whole run result with --json, reading the input from a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'knack-run-')), 'input.json');
    writeFileSync(file, '{"orderId":"8811"}');
    const result = runCli(['run', `${name}@1`, '--tools', pack, '--input', file, '--store', store, '--json']);
    expect(result.status).toBe(0);
    const parsed = JSON.parse(result.stdout) as { ok: boolean; ref: string; trace: unknown[] };
    expect(parsed).toMatchObject({ ok: true, ref: `${name}@1` });
    expect(parsed.trace).toHaveLength(2);
  });

  it('exits 1 with the run error code when the skill fails', () => {
    const result = runCli(['run', name, '--tools', pack, '--input', '{"orderId":7}', '--store', store]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('INVALID_INPUT');
  });

  it('exits 2 without --tools, and names the bad JSON of --input', () => {
    expect(runCli(['run', name, '--store', store]).status).toBe(2);
    const bad = runCli(['run', name, '--tools', pack, '--input', '{"orderId":', '--store', store]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--input.*not valid JSON.*line 1/);
  });
});

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack bench', { timeout: 120_000 }, () => {
  it('benches an input on the live tools next to the cases, leaves out one whose reference run fails, counts nothing', () => {
    const inputs = '[{"orderId":"8820"},{"orderId":"9999"}]';
    const reliability = () =>
      (JSON.parse(runCli(['show', name, '--store', store, '--json']).stdout) as { reliability: unknown })
        .reliability;
    const before = reliability();
    const result = runCli([
      'bench',
      name,
      '--tools',
      pack,
      '--inputs',
      inputs,
      '--runs',
      '6',
      '--faults',
      'none',
      '--store',
      store,
    ]);
    expect(result.status).toBe(0); // no run was wrong; the unusable input is a warning, not a verdict
    expect(result.stdout).toMatch(new RegExp(`${name}@1\\s+6\\s+100\\.0% \\[`));
    expect(result.stdout).toMatch(
      new RegExp(`${name}@1\\s+input #0\\s+input, real tools\\s+2\\s+2\\s+0\\s+0`),
    );
    expect(result.stderr).toContain('input #1 left out, its fault-free reference run failed (TOOL_FAILED');
    expect(reliability()).toEqual(before);
  });
});
