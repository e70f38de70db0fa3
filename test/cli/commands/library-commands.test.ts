import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { openStore } from '../../../src/store/index.js';
import { compiledSkill } from '../../helpers/compiled-skill.js';
import { openTempStore } from '../../helpers/temp-sqlite-store.js';

let storeUrl = '';

function knack(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = runCli(args, { KNACK_STORE: storeUrl });
  return { code: status, stdout, stderr };
}

beforeEach(async () => {
  const { store, url } = await openTempStore();
  storeUrl = url;
  await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler' });
  await store.publish(
    {
      ...compiledSkill({ variant: 'b', tools: ['get_order', 'send_email'] }),
      evidence: {
        verifiedInputs: 1,
        assumptions: [{ subject: 'amount', value: 50, reason: 'in the only recorded run' }],
      },
    },
    { by: 'compiler' },
  );
  await store.close();
});

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack store commands', { timeout: 120_000 }, () => {
  it("shows a version's generalization evidence, and says when an old version has none", () => {
    expect(knack('show', 'refund_order@2').stdout).toMatch(
      /evidence\s+verified on 1 distinct input; 1 assumption: amount = 50 in the only recorded run/,
    );
    expect(knack('show', 'refund_order@1').stdout).toMatch(
      /evidence\s+- \(compiled before evidence was recorded\)/,
    );
  });

  it('lists skills as a table and as JSON', () => {
    const table = knack('list');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/refund_order\s+-\s+@2\s+verified/);
    const json = JSON.parse(knack('list', '--json').stdout) as unknown;
    expect(json).toEqual([
      {
        name: 'refund_order',
        description: 'Refund a damaged order in full',
        latestVersion: 2,
        latestStatus: 'verified',
      },
    ]);
  });

  it('refuses promote without review (exit 1, code on stderr), then activates after approval', () => {
    const refused = knack('promote', 'refund_order@1');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('error REVIEW_REQUIRED');
    expect(knack('review', 'approve', 'refund_order@1', '--by', 'ana', '--note', 'read it').code).toBe(0);
    expect(knack('promote', 'refund_order@1', '--by', 'ana').stdout).toContain('Activated refund_order@1');
    const shown = JSON.parse(knack('show', 'refund_order', '--json').stdout) as Record<string, unknown>;
    expect(shown).toMatchObject({
      version: 1,
      status: 'active',
      review: { decision: 'approve', by: 'ana', note: 'read it' },
    });
    expect(shown).not.toHaveProperty('bundle');
  });

  it('shows the calls a version left out, and the stored record keeps them', async () => {
    const store = await openStore({ url: storeUrl });
    const skill = compiledSkill({ variant: 'c' });
    skill.provenance.leftOut = [
      { trajectoryId: 't-001', step: 2, tool: 'refund_order', reason: 'failed-retried', error: 'declined' },
    ];
    await store.publish(skill, { by: 'compiler' });
    await store.close();
    const shown = knack('show', 'refund_order@3');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain(
      'left out     t-001 step 2 refund_order: failed, then retried: exploration (declined)',
    );
    const json = JSON.parse(knack('show', 'refund_order@3', '--json').stdout) as {
      provenance: { leftOut: unknown[] };
    };
    expect(json.provenance.leftOut).toEqual(skill.provenance.leftOut);
  });

  it('diffs name@N against a bare number, plain under NO_COLOR and as JSON', () => {
    const plain = knack('diff', 'refund_order@1', '2');
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('Permissions: 1 tool(s) ADDED');
    expect(plain.stdout).toContain('+++ refund_order@2');
    // eslint-disable-next-line no-control-regex -- looking for ANSI escapes on purpose
    expect(plain.stdout).not.toMatch(/\u001b\[/);
    const json = JSON.parse(knack('diff', 'refund_order@1', 'refund_order@2', '--json').stdout) as {
      permissions: unknown;
    };
    expect(json.permissions).toEqual({ added: ['send_email'], removed: ['refund_payment'] });
  });

  it('exits 2 on usage errors and 1 on a bad ref', () => {
    expect(knack('review', 'approve', 'refund_order@1').code).toBe(2);
    expect(knack('review', 'maybe', 'refund_order@1', '--by', 'ana').code).toBe(2);
    expect(knack('rollback', 'refund_order@1', '--by', 'ana').code).toBe(2);
    const bad = knack('show', 'refund_order@zero');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('INVALID_SKILL_REF');
  });

  it('rolls back and shows both moves in the history', async () => {
    const store = await openStore({ url: storeUrl });
    for (const ref of ['refund_order@1', 'refund_order@2']) {
      await store.review(ref, { decision: 'approve', by: 'ana' });
      await store.promote(ref, { by: 'ana' });
    }
    await store.close();
    expect(knack('rollback', 'refund_order@1', '--by', 'bo', '--note', 'v2 emails customers').code).toBe(0);
    const history = JSON.parse(knack('history', 'refund_order', '--json').stdout) as {
      kind: string;
      version: number;
      by: string;
    }[];
    const moves = history.filter((event) => event.kind !== 'maturity-changed');
    expect(moves.at(-1)).toMatchObject({ kind: 'rolled-back', version: 1, by: 'bo' });
    expect(knack('history', 'refund_order').stdout).toContain(
      'rolled-back deprecated -> active (replaces @2)  by bo: v2 emails customers',
    );
  });

  it('exports the library and imports it into another store given by --store', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'knack-cli-')), 'library');
    expect(knack('export', dir).stdout).toContain('Exported 1 skill(s), 2 version(s)');
    const other = `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-cli-')), 'other.db')}`;
    expect(knack('import-library', dir, '--store', other).code).toBe(0);
    const listed = JSON.parse(knack('list', '--json', '--store', other).stdout) as {
      latestVersion: number;
    }[];
    expect(listed[0]?.latestVersion).toBe(2);
  });

  it('reports a verdict on a run with knack report, and show counts it', async () => {
    const store = await openStore({ url: storeUrl });
    await store.recordRun('refund_order@1', { ok: true }, { runId: 'run-cli-0001' });
    await store.close();
    const reported = knack(
      'report',
      'refund_order@1',
      'run-cli-0001',
      '--outcome',
      'wrong',
      '--note',
      'wrong order',
    );
    expect(reported.code, reported.stderr).toBe(0);
    expect(reported.stdout).toContain('Reported run run-cli-0001 of refund_order@1: wrong.');
    expect(knack('show', 'refund_order@1').stdout).toMatch(/outcomes\s+0 correct, 1 wrong/);
    expect(knack('report', 'refund_order@1', 'run-cli-0001', '--outcome', 'maybe').code).toBe(2);
    const again = knack('report', 'refund_order@1', 'run-cli-0001', '--outcome', 'correct');
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('ALREADY_EXISTS');
  });
});
