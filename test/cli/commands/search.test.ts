import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { importLibrary } from '../../../src/store/index.js';
import { runCli } from '../../helpers/run-cli.js';
import { openTempStore } from '../../helpers/temp-sqlite-store.js';

let storeUrl = '';

beforeAll(async () => {
  const { store, url } = await openTempStore();
  storeUrl = url;
  await importLibrary({ store, dir: fileURLToPath(new URL('../../../skills/library', import.meta.url)) });
  await store.close();
});

function knack(...args: string[]): ReturnType<typeof runCli> {
  return runCli(args, { KNACK_STORE: storeUrl });
}

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack search', { timeout: 120_000 }, () => {
  it('prints the fitting skills best first, with score, status and what matched', () => {
    const result = knack('search', 'The order arrived damaged, refund all of it');
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/SCORE\s+REF\s+STATUS\s+DESCRIPTION/);
    expect(lines[1]).toMatch(/^\s+\d+\.\d\s+refund_order_full@1\s+active\s+Refund order <orderId> in full/);
    expect(lines[2]).toMatch(/matched .*refund.* in name, description, tasks/);
  });

  it('puts the hits on stdout as JSON with --json, at most --limit of them', () => {
    const result = knack('search', 'escalate this ticket to the team lead', '--json', '--limit', '1');
    expect(result.status).toBe(0);
    const hits = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({
      name: 'escalate_ticket_make',
      ref: 'escalate_ticket_make@1',
      status: 'active',
      matchedFields: expect.arrayContaining(['name', 'description']),
      inputSchema: expect.objectContaining({ type: 'object' }),
    });
    expect(typeof hits[0]?.['score']).toBe('number');
  });

  it('says so when no skill fits (and --json gives an empty list); a bad --limit is a usage error', () => {
    const none = knack('search', 'What is the weather in Berlin tomorrow?');
    expect(none.status).toBe(0);
    expect(none.stdout).toContain('No skill fits');
    expect(JSON.parse(knack('search', 'weather in Berlin', '--json').stdout)).toEqual([]);
    const bad = knack('search', 'refund', '--limit', 'many');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('INVALID_ARGUMENT');
  });
});
