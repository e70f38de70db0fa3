import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../../helpers/run-cli.js';

const root = join(import.meta.dirname, '../../..');
const desk = join(root, 'skills/support-desk');
const manifestFile = join(desk, 'manifest.json');
const badDir = join(root, 'test/fixtures/compiler/bad');

function knack(...args: string[]): CliResult {
  return runCli(args);
}

describe('knack compile', { timeout: 120_000 }, () => {
  it('prints params, permissions and verification and exits 0 when every skill verified', () => {
    const out = mkdtempSync(join(tmpdir(), 'knack-compile-'));
    const files = ['thank-reporter-T-1003', 'thank-reporter-T-1006'].map((id) =>
      join(desk, 'trajectories/anthropic', `${id}.json`),
    );
    const result = knack('compile', ...files, '--tools', manifestFile, '--out', out);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'thank_reporter_ticket  verified  (thank-reporter-T-1003, thank-reporter-T-1006)',
    );
    expect(result.stdout).toContain('params: ticketId: string');
    expect(result.stdout).toContain('permissions: tickets.comment, tickets.get');
    expect(result.stdout).toContain('✓ thank-reporter-T-1006');
    expect(result.stderr).toContain('compiling');
    expect(readFileSync(join(out, 'thank_reporter_ticket.ts'), 'utf8')).toContain(
      'export default async function',
    );
    expect(existsSync(join(out, 'thank_reporter_ticket.json'))).toBe(true);
  });

  it('prints the compile result as JSON and exits 1 for a refused trajectory', () => {
    const result = knack(
      'compile',
      join(badDir, 'failure-outcome-double-refund.native.json'),
      '--tools',
      manifestFile,
      '--json',
    );
    expect(result.status).toBe(1);
    const parsed = JSON.parse(result.stdout) as { skills: unknown[]; errors: { code: string }[] };
    expect(parsed.skills).toEqual([]);
    expect(parsed.errors[0]?.code).toBe('INVALID_TRAJECTORY');
  });

  it('reads the manifest from a module exporting tool definitions and prints split warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'knack-pack-'));
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as {
      name: string;
      inputSchema: unknown;
    }[];
    const definitions = Object.fromEntries(
      manifest.map((entry) => [entry.name, { inputSchema: entry.inputSchema }]),
    );
    writeFileSync(join(dir, 'pack.mjs'), `export const tools = ${JSON.stringify(definitions)};\n`);
    const result = knack(
      'compile',
      join(desk, 'trajectories/native/order-status-8815.json'),
      '--tools',
      join(dir, 'pack.mjs'),
    );
    // Without output schemas tool results are `any`: the skill still compiles and replays.
    expect(result.stdout).toContain('verified');
    expect(result.status).toBe(0);
  });

  it('prints the calls it left out, and takes --read-only for tools without annotations', () => {
    const airline = join(root, 'skills/airline');
    const chat = join(airline, 'trajectories/openai/book-flight-daniel.json');
    const manifest = join(airline, 'manifest.json');
    const plain = knack('compile', chat, '--tools', manifest);
    expect(plain.status).toBe(0);
    expect(plain.stdout).toContain('book_reservation  verified  (book-flight-daniel)');
    expect(plain.stdout).toContain(
      'left out: book-flight-daniel step 2 list_all_airports: read-only, result never used',
    );
    expect(plain.stdout).not.toContain('step 3 search_direct_flight');
    const overlaid = knack(
      'compile',
      chat,
      '--tools',
      manifest,
      '--read-only',
      'search_direct_flight,search_onestop_flight',
    );
    expect(overlaid.stdout).toContain(
      'left out: book-flight-daniel step 3 search_direct_flight: read-only, result never used',
    );
    const unknown = knack('compile', chat, '--tools', manifest, '--read-only', 'no_such_tool');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no_such_tool');
  });

  it('exits 2 for an unknown --format', () => {
    const result = knack(
      'compile',
      join(desk, 'trajectories/native/order-status-8815.json'),
      '--tools',
      manifestFile,
      '--format',
      'xml',
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--format must be one of native, openai, anthropic');
  });

  it('prints the leave-one-out with who compiled the folds, and drops it with --leave-one-out off', () => {
    const files = ['order-status-8815', 'order-status-8816', 'order-status-8818'].map((id) =>
      join(desk, 'trajectories/native', `${id}.json`),
    );
    const withFolds = knack('compile', ...files, '--tools', manifestFile);
    expect(withFolds.status).toBe(0);
    expect(withFolds.stdout).toMatch(/evidence: .*; leave-one-out 3\/3 with trace-compiled folds/);
    const off = knack('compile', ...files, '--tools', manifestFile, '--leave-one-out', 'off', '--json');
    expect(off.status).toBe(0);
    const parsed = JSON.parse(off.stdout) as { skills: { evidence: Record<string, unknown> }[] };
    expect(parsed.skills[0]?.evidence).not.toHaveProperty('leaveOneOut');
    const bad = knack('compile', ...files, '--tools', manifestFile, '--leave-one-out', 'maybe');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--leave-one-out must be one of on, trace, off, got "maybe"');
  });

  it('exits 2 without --tools', () => {
    const result = knack('compile', join(desk, 'trajectories/native/order-status-8815.json'));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--tools');
  });

  it('publishes each skill to the store with --publish, as verified and not yet active', () => {
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-publish-')), 'skills.db')}`;
    const files = ['order-status-8815', 'order-status-8816'].map((id) =>
      join(desk, 'trajectories/openai', `${id}.json`),
    );
    const result = knack('compile', ...files, '--tools', manifestFile, '--publish', '--store', store);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('published order_carrier_status@1 (verified)');
    const again = knack('compile', ...files, '--tools', manifestFile, '--publish', '--store', store);
    expect(again.stderr).toContain('unchanged order_carrier_status@1');
    const listed = JSON.parse(knack('list', '--store', store, '--json').stdout) as {
      latestStatus: string;
      activeVersion?: number;
    }[];
    expect(listed).toEqual([
      expect.objectContaining({ name: 'order_carrier_status', latestStatus: 'verified' }),
    ]);
    expect(listed[0]?.activeVersion).toBeUndefined();
  });
});
