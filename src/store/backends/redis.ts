import { KnackError } from '../../../core/index.js';
import { loadOptional, redactUrl } from './_load-optional.js';
import type { BackendOptions, StoreBackend } from './store-backend.js';

/** Options of the Redis backend. */
export interface RedisBackendOptions extends BackendOptions {
  /** How long to wait for the server when connecting, in ms. @default 5000 */
  connectTimeoutMs?: number;
}

// The few node-redis v5 calls the backend needs beyond the keyv adapter's get/set.
interface RedisClient {
  incr(key: string): Promise<number>;
  incrBy(key: string, amount: number): Promise<number>;
  set(key: string, value: string, options: { NX: true }): Promise<string | null>;
  scanIterator(options: { MATCH: string; COUNT: number }): AsyncIterable<string[]>;
  mGet(keys: string[]): Promise<(string | null)[]>;
}

function unreachable(url: string, cause: unknown): KnackError {
  return new KnackError(
    'STORE_UNREACHABLE',
    `[knack] [store/redis] Cannot reach ${redactUrl(url)}. Is it running?`,
    {
      cause,
    },
  );
}

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * A Redis server through `@keyv/redis`: many hosts share one library. Version numbers are
 * claimed with INCR, immutable records written with SET NX.
 * @throws KnackError STORE_UNREACHABLE when the server does not answer, DEPENDENCY_MISSING without `@keyv/redis`.
 */
export async function redisBackend(options: RedisBackendOptions): Promise<StoreBackend> {
  const { url } = options;
  const { default: KeyvRedis } = await loadOptional('@keyv/redis', () => import('@keyv/redis'));
  // No reconnect loop: an unreachable server must fail the call, not hang it.
  const adapter = new KeyvRedis(
    { url, socket: { reconnectStrategy: false, connectTimeout: options.connectTimeoutMs ?? 5000 } },
    { throwOnConnectError: true, throwOnErrors: true },
  );
  let lastError: unknown;
  adapter.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    options.signal?.throwIfAborted();
    await adapter.getClient();
  } catch (error) {
    throw unreachable(url, lastError ?? error);
  }
  const client = adapter.client as unknown as RedisClient;
  const guard = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw unreachable(url, error);
    }
  };
  return {
    specificationVersion: 'v1',
    name: 'redis',
    location: redactUrl(url),
    get: (key) => guard(async () => (await adapter.get<string>(key)) ?? undefined),
    getMany: (keys) =>
      guard(async () =>
        keys.length === 0 ? [] : (await client.mGet([...keys])).map((value) => value ?? undefined),
      ),
    set: (key, value) => guard(() => adapter.set(key, value)),
    add: (key, value) => guard(async () => (await client.set(key, value, { NX: true })) === 'OK'),
    claimVersion: (counterKey) => guard(() => client.incr(counterKey)),
    addToCounter: (counterKey, amount) => guard(() => client.incrBy(counterKey, amount)),
    keys: (prefix) =>
      guard(async () => {
        const found: string[] = [];
        for await (const batch of client.scanIterator({ MATCH: `${escapeGlob(prefix)}*`, COUNT: 1000 })) {
          found.push(...batch);
        }
        return found;
      }),
    close: () => adapter.disconnect(),
  };
}
