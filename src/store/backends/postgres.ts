import { createRequire } from 'node:module';
import { KnackError } from '../../../core/index.js';
import { loadOptional, redactUrl } from './_load-optional.js';
import type { BackendOptions, StoreBackend } from './store-backend.js';

/** Options of the PostgreSQL backend. */
export interface PostgresBackendOptions extends BackendOptions {
  /** How long to wait for a connection, in ms. @default 5000 */
  connectTimeoutMs?: number;
  /** Most connections this store opens. @default 4 */
  maxConnections?: number;
}

const table = 'knack_skills';

// The part of pg.Pool the backend uses; pg is @keyv/postgres's own dependency.
interface Pool {
  query(sql: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  on(event: 'error', listener: (error: unknown) => void): void;
  end(): Promise<void>;
}
type PoolConstructor = new (config: Record<string, unknown>) => Pool;

function unreachable(url: string, cause: unknown): KnackError {
  const reason = cause instanceof Error && cause.message ? ` (${cause.message})` : '';
  return new KnackError(
    'STORE_UNREACHABLE',
    `[knack] [store/postgres] Cannot reach ${redactUrl(url)}${reason}. Is it running?`,
    { cause },
  );
}

async function createPool(options: PostgresBackendOptions): Promise<Pool> {
  const { Pool } = await loadOptional('@keyv/postgres', async () => {
    // The adapter keeps one module-global pool per URI and ends whichever was made last, so each
    // store owns a pool of its own, built from the adapter's pg.
    const adapterRequire = createRequire(createRequire(import.meta.url).resolve('@keyv/postgres'));
    return adapterRequire('pg') as { Pool: PoolConstructor };
  });
  const pool = new Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 4,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
  });
  // An idle client losing its server emits here; the next query reports it instead.
  pool.on('error', () => {});
  return pool;
}

async function createAdapter(
  pool: Pool,
  url: string,
): Promise<{ query: (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]> }> {
  const { KeyvPostgres } = await loadOptional('@keyv/postgres', () => import('@keyv/postgres'));
  class PooledKeyvPostgres extends KeyvPostgres {
    override async connect(): Promise<(sql: string, values?: unknown) => Promise<Record<string, unknown>[]>> {
      return async (sql, values) => (await pool.query(sql, values as unknown[] | undefined)).rows;
    }
  }
  const adapter = new PooledKeyvPostgres({ uri: url, table });
  let lastError: unknown;
  adapter.on('error', (error: unknown) => {
    lastError = error;
  });
  try {
    await adapter.query('SELECT 1'); // waits for the adapter's CREATE TABLE
  } catch (error) {
    throw unreachable(url, lastError ?? error);
  }
  return adapter as unknown as {
    query: (sql: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;
  };
}

/**
 * A PostgreSQL database through `@keyv/postgres`: many hosts share one library. Version numbers
 * are claimed by one atomic UPSERT…RETURNING.
 * @throws KnackError STORE_UNREACHABLE when the server does not answer, DEPENDENCY_MISSING without `@keyv/postgres`.
 */
export async function postgresBackend(options: PostgresBackendOptions): Promise<StoreBackend> {
  const { url } = options;
  const pool = await createPool(options);
  try {
    options.signal?.throwIfAborted();
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw unreachable(url, error);
  }
  const adapter = await createAdapter(pool, url).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  const query = async (sql: string, values: unknown[]): Promise<Record<string, unknown>[]> => {
    try {
      return await adapter.query(sql, values);
    } catch (error) {
      throw unreachable(url, error);
    }
  };
  return {
    specificationVersion: 'v1',
    name: 'postgres',
    location: redactUrl(url),
    async get(key) {
      const rows = await query(`SELECT value FROM ${table} WHERE key = $1`, [key]);
      return rows[0]?.['value'] as string | undefined;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const rows = await query(`SELECT key, value FROM ${table} WHERE key = ANY($1)`, [keys]);
      const byKey = new Map(rows.map((row) => [row['key'] as string, row['value'] as string]));
      return keys.map((key) => byKey.get(key));
    },
    async set(key, value) {
      await query(
        `INSERT INTO ${table}(key, value) VALUES($1, $2) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        [key, value],
      );
    },
    async add(key, value) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES($1, $2) ON CONFLICT(key) DO NOTHING RETURNING key`,
        [key, value],
      );
      return rows.length === 1;
    },
    async claimVersion(counterKey) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES($1, '1')
         ON CONFLICT(key) DO UPDATE SET value = (${table}.value::bigint + 1)::text RETURNING value`,
        [counterKey],
      );
      return Number(rows[0]?.['value']);
    },
    async addToCounter(counterKey, amount) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES($1, $2::bigint::text)
         ON CONFLICT(key) DO UPDATE SET value = (${table}.value::bigint + $2::bigint)::text RETURNING value`,
        [counterKey, amount],
      );
      return Number(rows[0]?.['value']);
    },
    async keys(prefix) {
      const rows = await query(`SELECT key FROM ${table} WHERE starts_with(key, $1)`, [prefix]);
      return rows.map((row) => row['key'] as string);
    },
    close: () => pool.end(),
  };
}
