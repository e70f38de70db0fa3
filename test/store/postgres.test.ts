import { describe, expect, it } from 'vitest';
import { postgresBackend } from '../../src/store/backends/postgres.js';
import { openStore } from '../../src/store/index.js';
import { postgresUrl } from '../helpers/services.js';
import { describeStoreContract } from '../helpers/store-contract.js';

// A missing server fails these tests: CI starts PostgreSQL (.ci/run) and never skips.
describeStoreContract('postgres', {
  url: postgresUrl,
  open: (namespace) => openStore({ url: postgresUrl, namespace }),
  openBackend: () => postgresBackend({ url: postgresUrl }),
});

describe('postgres backend', () => {
  it('reports STORE_UNREACHABLE naming the URL when nothing listens', async () => {
    const url = 'postgres://postgres@127.0.0.1:1/test';
    await expect(openStore({ url })).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
    await expect(openStore({ url })).rejects.toThrow(
      '[knack] [store/postgres] Cannot reach postgres://postgres@127.0.0.1:1/test',
    );
  });
});
