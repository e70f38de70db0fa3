import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FAULT_SPEC, type CasesBenchmark } from '../../../src/cases/index.js';
import { SUPPORT_DESK_DIR } from '../../../skills/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { openSupportDeskStore } from '../../helpers/support-desk-versions.js';

const pack = join(SUPPORT_DESK_DIR, 'pack.ts');
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

describe('knack bench with --tools and --inputs', { timeout: 120_000 }, () => {
  it('runs inputs on real tools next to the stored cases of every REF, in one table, JSON and HTML', () => {
    const json = join(dir, 'inputs.json');
    const html = join(dir, 'inputs.html');
    const result = runCli([
      'bench',
      'order_carrier_status@1',
      'order_carrier_status@3',
      '--tools',
      pack,
      '--inputs',
      '[{"orderId":"8820"},{"orderId":"9999"}]',
      '--runs',
      '24',
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
    expect(result.status).toBe(1); // @3 answers "unknown" when tracking fails: wrong
    expect(result.stdout).toMatch(/order_carrier_status@1\s+input #0\s+input, real tools\s+6\s+\d+/);
    expect(result.stdout).toMatch(/order_carrier_status@3\s+order-status-8815\s+stored case\s+6\s+\d+/);
    expect(result.stdout).toContain('24 runs per version, over stored cases and 2 input(s) on real tools');
    expect(result.stderr).toContain(
      'order_carrier_status@1: input #1 left out, its fault-free reference run failed (TOOL_FAILED: Tool `get_order` failed: Order 9999 does not exist.)',
    );
    const report = JSON.parse(readFileSync(json, 'utf8')) as CasesBenchmark;
    expect(report.inputs).toBe(2);
    for (const version of report.versions) {
      expect(version).toMatchObject({
        cases: 3,
        inputs: 1,
        unusableInputs: [{ index: 1, code: 'TOOL_FAILED' }],
      });
      expect(version.sources.map((source) => `${source.source} ${source.id} ${source.runs}`)).toEqual([
        'case order-status-8815 6',
        'case order-status-8816 6',
        'case order-status-8818 6',
        'input input #0 6',
      ]);
    }
    const swallowing = report.versions[1];
    expect(
      swallowing?.failures.some((failure) => failure.source === 'input' && failure.verdict === 'wrong'),
    ).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<svg data-chart="pass-rate"');
    expect(page).toContain('<td>input #0</td><td>input, real tools</td><td>6</td>');
    expect(page).toContain('Inputs left out');
  });

  it('gives usage errors (exit 2) for --inputs without --tools, --tools without --inputs and bad inputs', () => {
    const bench = (...args: string[]) => runCli(['bench', 'order_carrier_status@1', '--store', url, ...args]);
    const noTools = bench('--inputs', '[{"orderId":"8820"}]');
    expect(noTools.status).toBe(2);
    expect(noTools.stderr).toContain('`--inputs` runs on real tools: add `--tools PACK`');
    const noInputs = bench('--tools', pack);
    expect(noInputs.status).toBe(2);
    expect(noInputs.stderr).toContain('`--tools` goes with `--inputs`');
    const notArray = bench('--tools', pack, '--inputs', '{"orderId":"8820"}');
    expect(notArray.status).toBe(2);
    expect(notArray.stderr).toContain('--inputs must be a JSON array of inputs, got object');
    const offSchema = bench('--tools', pack, '--inputs', '[{"orderId":"8820"},{"order":"8811"}]');
    expect(offSchema.status).toBe(2);
    expect(offSchema.stderr).toContain('inputs[1] does not fit the input schema of order_carrier_status@1');
    expect(offSchema.stderr).toContain('orderId');
  });
});
