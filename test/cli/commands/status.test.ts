import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { compiledSkill } from '../../helpers/compiled-skill.js';
import { openTempStore } from '../../helpers/temp-sqlite-store.js';

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack status', { timeout: 120_000 }, () => {
  it('assesses maturity, records the move with its reason and shows the figures', async () => {
    const { store, url } = await openTempStore();
    await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler' });
    await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
    await store.promote('refund_order@1', { by: 'ana' });
    await store.publish(compiledSkill({ name: 'lookup_order', variant: 'b' }), { by: 'compiler' });
    for (let index = 0; index < 40; index++) store.queueRun('refund_order@1', { ok: true });
    await store.close();
    const knack = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { KNACK_STORE: url });

    const dry = knack('status', '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject([
      { ref: 'lookup_order@1', status: 'verified', maturity: 'deliberate', hasMoved: false },
      { ref: 'refund_order@1', maturity: 'autonomous', previousMaturity: 'supervised', hasMoved: true },
    ]);

    const table = knack('status');
    expect(table.status, table.stderr).toBe(0);
    expect(table.stdout).toMatch(
      /refund_order@1\s+active\s+autonomous\s+40\/40 lb 0\.91\s+40 runs 0F 0W\s+supervised -> autonomous: outside evidence 40\/40/,
    );
    expect(table.stdout).toMatch(/lookup_order@1\s+verified\s+deliberate/);
    const again = JSON.parse(knack('status', 'refund_order', '--json').stdout) as unknown[];
    expect(again).toMatchObject([{ maturity: 'autonomous', hasMoved: false }]);
    expect(knack('history', 'refund_order').stdout).toContain(
      'maturity supervised -> autonomous  by knack status',
    );
  });

  it('demotes on a stricter window given by flags and exits 2 on a bad number', async () => {
    const { store, url } = await openTempStore();
    await store.publish(compiledSkill({ variant: 'a' }), { by: 'compiler' });
    await store.review('refund_order@1', { decision: 'approve', by: 'ana' });
    await store.promote('refund_order@1', { by: 'ana' });
    for (let index = 0; index < 5; index++)
      store.queueRun(
        'refund_order@1',
        index === 0 ? { ok: false, error: { code: 'TIMEOUT' } } : { ok: true },
      );
    await store.close();
    const knack = (...args: string[]): ReturnType<typeof runCli> => runCli(args, { KNACK_STORE: url });
    const demoted = knack(
      'status',
      '--window-min-runs',
      '5',
      '--max-failure-rate',
      '0.1',
      '--window-hours',
      '1',
    );
    expect(demoted.status, demoted.stderr).toBe(0);
    expect(demoted.stdout).toContain(
      'supervised -> deliberate: demoted: 1 of 5 runs failed (20%) in the last 1 h, above 10% [needs refinement]',
    );
    expect(knack('status', '--max-failure-rate', 'lots').status).toBe(2);
    const outOfRange = knack('status', '--max-failure-rate', '3');
    expect(outOfRange.status).toBe(2);
    expect(outOfRange.stderr).toContain('maxFailureRate');
    expect(knack('status', '--auto-refine').status).toBe(2);
  });
});
