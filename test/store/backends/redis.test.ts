import { describe, expect, inject, it } from 'vitest';
import { redisBackend } from '../../../src/store/backends/redis.js';
import { openStore } from '../../../src/store/index.js';
import { describeStoreContract } from '../../helpers/store-contract.js';

// The machine's server, or a throwaway redis-server outside CI (test/helpers/services.ts).
// Undefined only outside CI without redis-server installed; the global setup printed why.
// In CI a missing server fails these tests: .ci/run starts Redis.
const redisUrl = inject('redisUrl');

if (redisUrl === undefined) {
  it.skip('store contract: redis (needs redis-server: apt-get install redis-server)');
} else {
  describeStoreContract('redis', {
    url: redisUrl,
    open: (namespace) => openStore({ url: redisUrl, namespace }),
    openBackend: () => redisBackend({ url: redisUrl }),
  });
}

describe('redis backend', () => {
  it('reports STORE_UNREACHABLE asking whether the server runs', async () => {
    const url = 'redis://127.0.0.1:1';
    await expect(openStore({ url })).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
    await expect(openStore({ url })).rejects.toThrow(
      '[knack] [store/redis] Cannot reach redis://127.0.0.1:1. Is it running?',
    );
  });
});
