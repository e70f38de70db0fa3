import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAULT_SPEC } from '../../../src/cases/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { openSupportDeskStore } from '../../helpers/support-desk-versions.js';

let url = '';
const dir = mkdtempSync(join(tmpdir(), 'knack-bench-'));

beforeAll(async () => {
  const opened = await openSupportDeskStore();
  url = opened.url;
  await opened.store.close();
}, 120_000);

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack bench over stored cases', { timeout: 120_000 }, () => {
  it('prints the table and the comparison, writes JSON and HTML, exit 1 when a run was wrong', () => {
    const json = join(dir, 'bench.json');
    const html = join(dir, 'bench.html');
    const result = runCli([
      'bench',
      'order_carrier_status@1',
      'order_carrier_status@3',
      '--runs',
      '20',
      '--faults',
      'transient=0.3',
      '--seed',
      '7',
      '--json',
      json,
      '--html',
      html,
      '--store',
      url,
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/order_carrier_status@1\s+20\s+\d+\.\d% \[/);
    expect(result.stdout).toMatch(/order_carrier_status@1 -> order_carrier_status@3\s+[+-]?\d+\.\d points/);
    expect(result.stdout).toContain('faults transient=0.3, seed 7, 20 runs per version');
    expect(result.stderr).toMatch(/\d+ run\(s\) returned a wrong answer/);
    const report = JSON.parse(readFileSync(json, 'utf8')) as {
      versions: { ref: string; wrong: { count: number } }[];
    };
    expect(report.versions.map((version) => version.ref)).toEqual([
      'order_carrier_status@1',
      'order_carrier_status@3',
    ]);
    expect(report.versions[1]?.wrong.count).toBeGreaterThan(0);
    expect(readFileSync(html, 'utf8')).toContain('<svg data-chart="pass-rate"');
  });

  it('exits 0 when no run was wrong, and prints JSON on stdout with a bare --json', () => {
    const result = runCli([
      'bench',
      'refund_order_full@1',
      '--runs',
      '6',
      '--faults',
      'none',
      '--store',
      url,
      '--json',
    ]);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      faults: 'none',
      versions: [{ ref: 'refund_order_full@1', correct: { count: 6 } }],
    });
  });

  it('names a bad fault spec (exit 2) and documents the default faults in its help', () => {
    const bad = runCli(['bench', 'refund_order_full@1', '--faults', 'transient=5', '--store', url]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--faults: transient is a chance per call, 0..1, got 5.');
    expect(runCli(['bench', '--help']).stdout).toContain(DEFAULT_FAULT_SPEC);
  });
});
