import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { openSupportDeskStore } from '../../helpers/support-desk-versions.js';
import type { SkillStore } from '../../../src/store/index.js';

let url = '';
let store: SkillStore;
let brokenRef = '';

beforeAll(async () => {
  ({ store, url } = await openSupportDeskStore());
  // A version whose stored case expects another carrier: its replay must fail.
  const status = await store.get('order_carrier_status@1');
  const cases = structuredClone(status.cases ?? []);
  if (cases[0]) cases[0].expected = { ...(cases[0].expected as object), carrier: 'Pigeon Post' };
  brokenRef = (
    await store.publish({
      name: status.name,
      description: status.description,
      source: `${status.source}\n// edited case\n`,
      bundle: status.bundle,
      inputSchema: status.inputSchema,
      outputSchema: status.outputSchema,
      permissions: status.permissions,
      imports: status.imports,
      diagnostics: status.diagnostics,
      verification: status.verification,
      provenance: status.provenance,
      secretParameters: status.secretParameters,
      cases,
      ...(status.toolSchemas ? { toolSchemas: status.toolSchemas } : {}),
    })
  ).ref;
  await store.close();
}, 120_000);
afterAll(async () => {
  if (!store.isClosed) await store.close();
});

// Each test spawns the CLI (tsx compiles it on start), slow on a loaded machine.
describe('knack test', { timeout: 120_000 }, () => {
  it('passes a version whose cases replay, exit 0', () => {
    const result = runCli(['test', 'refund_order_full@1', '--store', url]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('PASS refund_order_full@1: 3 case(s)');
  });

  it('reports the failing case with its mismatch and exits 1 under --all', () => {
    const result = runCli(['test', '--all', '--store', url]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`FAIL ${brokenRef}: 1 of 3 case(s) failed`);
    expect(result.stdout).toMatch(/ {2}order-status-8815: returned \{.*expected \{.*"carrier":"Pigeon Post"/);
    expect(result.stdout).toContain('PASS order_carrier_status@2: 3 case(s)');
    expect(result.stdout).toContain('14 version(s) passed, 1 failed, 0 had no cases.');
  });

  it('gives JSON per version, and exit 2 without a REF or --all', () => {
    const json = runCli(['test', brokenRef, '--store', url, '--json']);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject([{ ref: brokenRef, status: 'failed' }]);
    expect(runCli(['test', '--store', url]).status).toBe(2);
  });
});
