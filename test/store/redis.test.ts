import { describe, expect, it } from 'vitest';
import { redisBackend } from '../../src/store/backends/redis.js';
import { openStore } from '../../src/store/index.js';
import { redisUrl } from '../helpers/services.js';
import { describeStoreContract } from '../helpers/store-contract.js';

// A missing server fails these tests: CI starts Redis (.ci/run) and never skips.
describeStoreContract('redis', {
  url: redisUrl,
  open: (namespace) => openStore({ url: redisUrl, namespace }),
  openBackend: () => redisBackend({ url: redisUrl }),
});

describe('redis backend', () => {
  it('reports STORE_UNREACHABLE asking whether the server runs', async () => {
    const url = 'redis://127.0.0.1:1';
    await expect(openStore({ url })).rejects.toMatchObject({ code: 'STORE_UNREACHABLE' });
    await expect(openStore({ url })).rejects.toThrow(
      '[knack] [store/redis] Cannot reach redis://127.0.0.1:1. Is it running?',
    );
  });
});
