import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { KnackError } from '../../../core/index.js';
import { loadOptional } from './_load-optional.js';
import type { BackendOptions, StoreBackend } from './store-backend.js';

/** Options of the SQLite backend. */
export interface SqliteBackendOptions extends BackendOptions {
  /** How long a writer waits for another process's lock, in ms. @default 10000 */
  busyTimeoutMs?: number;
}

const table = 'knack_skills';

type Query = (sql: string, ...parameters: unknown[]) => Promise<Record<string, unknown>[]>;

/** The file path of a `sqlite://` URL: `sqlite://.knack/skills.db` is relative to the cwd. */
export function sqlitePath(url: string): string {
  const path = url.replace(/^sqlite:\/\//, '').replace(/\?.*$/, '');
  if (path === '')
    throw new KnackError('INVALID_ARGUMENT', `[knack] [store/sqlite] \`${url}\` names no file.`);
  return path;
}

// SQLITE_BUSY can still surface when a WAL switch races another process's first open.
async function withBusyRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== 'SQLITE_BUSY' || attempt >= 20) throw error;
      await new Promise((done) => setTimeout(done, 20 + Math.random() * 50));
    }
  }
}

async function connect(
  path: string,
  busyTimeoutMs: number,
): Promise<{ query: Query; close: () => Promise<void> }> {
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  } catch (error) {
    throw new KnackError(
      'STORE_UNREACHABLE',
      `[knack] [store/sqlite] Cannot create the folder of ${path}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  const { KeyvSqlite } = await loadOptional('@keyv/sqlite', () => import('@keyv/sqlite'));
  const adapter = new KeyvSqlite({ uri: `sqlite://${path}`, table, busyTimeout: busyTimeoutMs });
  // The adapter re-emits connection errors; without a listener EventEmitter would throw them.
  adapter.on('error', () => {});
  const query = adapter.query as unknown as Query;
  try {
    // WAL lets readers run beside one writer; NORMAL sync is durable at checkpoints (~0.15 ms a write).
    await withBusyRetry(() => query('PRAGMA journal_mode=WAL'));
    await withBusyRetry(() => query('PRAGMA synchronous=NORMAL'));
  } catch (error) {
    await adapter.disconnect().catch(() => undefined);
    throw new KnackError(
      'STORE_UNREACHABLE',
      `[knack] [store/sqlite] Cannot open ${path}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  return {
    query: (sql, ...parameters) => withBusyRetry(() => query(sql, ...parameters)),
    close: () => adapter.disconnect(),
  };
}

/**
 * The embedded default: one SQLite file (WAL, synchronous=NORMAL) through `@keyv/sqlite`.
 * Version numbers are claimed by one atomic UPSERT…RETURNING, safe across processes.
 * @throws KnackError STORE_UNREACHABLE when the file cannot be opened, DEPENDENCY_MISSING without `@keyv/sqlite`.
 */
export async function sqliteBackend(options: SqliteBackendOptions): Promise<StoreBackend> {
  const path = sqlitePath(options.url);
  options.signal?.throwIfAborted();
  const { query, close } = await connect(path, options.busyTimeoutMs ?? 10_000);
  return {
    specificationVersion: 'v1',
    name: 'sqlite',
    location: `sqlite://${path}`,
    async get(key) {
      const rows = await query(`SELECT value FROM ${table} WHERE key = ?`, key);
      return rows[0]?.['value'] as string | undefined;
    },
    async getMany(keys) {
      if (keys.length === 0) return [];
      const rows = await query(
        `SELECT key, value FROM ${table} WHERE key IN (SELECT value FROM json_each(?))`,
        JSON.stringify(keys),
      );
      const byKey = new Map(rows.map((row) => [row['key'] as string, row['value'] as string]));
      return keys.map((key) => byKey.get(key));
    },
    async set(key, value) {
      await query(
        `INSERT INTO ${table}(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
        key,
        value,
      );
    },
    async add(key, value) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES(?, ?) ON CONFLICT(key) DO NOTHING RETURNING key`,
        key,
        value,
      );
      return rows.length === 1;
    },
    async claimVersion(counterKey) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES(?, '1')
         ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) RETURNING value`,
        counterKey,
      );
      return Number(rows[0]?.['value']);
    },
    async addToCounter(counterKey, amount) {
      const rows = await query(
        `INSERT INTO ${table}(key, value) VALUES(?, CAST(? AS TEXT))
         ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + ? AS TEXT) RETURNING value`,
        counterKey,
        amount,
        amount,
      );
      return Number(rows[0]?.['value']);
    },
    async keys(prefix) {
      // A range on the primary key uses its index; LIKE would scan (it is case-insensitive).
      const rows = await query(
        `SELECT key FROM ${table} WHERE key >= ? AND key < ?`,
        prefix,
        `${prefix}\uffff`,
      );
      return rows.map((row) => row['key'] as string);
    },
    close,
  };
}
