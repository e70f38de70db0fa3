import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sqliteBackend } from '../../../src/store/backends/sqlite.js';
import { openStore } from '../../../src/store/index.js';
import { describeStoreContract } from '../../helpers/store-contract.js';

const url = `sqlite://${join(mkdtempSync(join(tmpdir(), 'knack-store-')), 'skills.db')}`;

describeStoreContract('sqlite', {
  url,
  open: (namespace) => openStore({ url, namespace }),
  openBackend: () => sqliteBackend({ url }),
});

describe('sqlite backend', () => {
  it('creates the folder of the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'knack-store-'));
    const store = await openStore({ url: `sqlite://${join(dir, 'nested', 'deeper', 'skills.db')}` });
    expect(store.backend).toBe('sqlite');
    await store.close();
  });

  it('reads KNACK_STORE at call time when no url is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'knack-store-'));
    const previous = process.env['KNACK_STORE'];
    process.env['KNACK_STORE'] = `sqlite://${join(dir, 'env.db')}?namespace=fromenv`;
    try {
      const store = await openStore();
      expect(store.location).toBe(`sqlite://${join(dir, 'env.db')}`);
      expect(store.namespace).toBe('fromenv');
      await store.close();
    } finally {
      if (previous === undefined) delete process.env['KNACK_STORE'];
      else process.env['KNACK_STORE'] = previous;
    }
  });

  it('rejects an unknown URL scheme with INVALID_ARGUMENT', async () => {
    await expect(openStore({ url: 'mongodb://127.0.0.1' })).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('sqlite backend failures', () => {
  it('reports STORE_UNREACHABLE when the folder cannot be created', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'knack-store-')), 'a-file');
    writeFileSync(file, 'not a folder');
    await expect(openStore({ url: `sqlite://${join(file, 'sub', 'skills.db')}` })).rejects.toMatchObject({
      code: 'STORE_UNREACHABLE',
    });
  });
});

describe('generalization evidence in records', () => {
  it('stores a version with its evidence and still accepts one without', async () => {
    const { openTempStore } = await import('../../helpers/temp-sqlite-store.js');
    const { compiledSkill } = await import('../../helpers/compiled-skill.js');
    const { store } = await openTempStore();
    try {
      const evidence = {
        verifiedInputs: 1,
        assumptions: [{ subject: 'amount', value: 50, reason: 'in the only recorded run' }],
        leaveOneOut: { reproduced: 2, total: 3, failures: [{ trajectoryId: 't-3', reason: 'step 2' }] },
      };
      await store.publish({ ...compiledSkill({ variant: 'a' }), evidence });
      expect((await store.get('refund_order@1')).evidence).toEqual(evidence);
      await store.publish(compiledSkill({ variant: 'b' }));
      expect((await store.get('refund_order@2')).evidence).toBeUndefined();
      await expect(
        store.publish({ ...compiledSkill({ variant: 'c' }), evidence: { verifiedInputs: -1 } as never }),
      ).rejects.toThrow(/evidence/);
    } finally {
      await store.close();
    }
  });
});
