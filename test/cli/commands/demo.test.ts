import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../helpers/run-cli.js';

describe('knack demo', () => {
  it('compiles, publishes, diffs, runs and benches the example skills offline', () => {
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-demo-')), 'skills.db')}`;
    // Through `npm run demo`, the README's command, so a stale script path fails here too.
    const result = spawnSync('npm', ['run', '--silent', 'demo', '--', '--runs', '2', '--store', store], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(result.status, result.stderr).toBe(0);
    const { stdout } = result;
    expect(stdout).toMatch(/1\. Compile 24 example trajectories/);
    expect(stdout).not.toMatch(/not verified/);
    expect(stdout).toContain('refused: ');
    expect(stdout).toMatch(/Diff assign_ticket_oncall@1 -> assign_ticket_oncall@2/);
    expect(stdout).toContain('member.role === "oncall"');
    expect(stdout).toMatch(/4\. Call the active skills/);
    const calls = stdout.split('\n').filter((line) => /^ {3}\w+@\d+\s+\{/.test(line));
    expect(calls.length).toBeGreaterThanOrEqual(8);
    for (const line of calls) expect(line).toMatch(/ ok \d+ calls/);
    expect(stdout).toMatch(/skill\s+runs\s+ok\s+success/);
    expect(stdout).not.toMatch(/\d+\.\d%\s+[A-Z_]+ \d/); // no failed runs in the bench table
  }, 120_000);

  it('refuses a --domain module that exports no demoDomain, naming the file', () => {
    const module = fileURLToPath(new URL('../../helpers/run-cli.ts', import.meta.url));
    const result = runCli(['demo', '--domain', module]);
    expect(result.status).toBe(2); // a usage error
    expect(result.stderr).toContain('INVALID_ARGUMENT');
    expect(result.stderr).toContain(`--domain ${module}: export \`demoDomain\``);
  });
});
