import { KnackError } from '../../core/index.js';
import { storeKeys } from './_keys.js';
import type { ReviewPolicy } from './review-policy.js';
import { KeyvSkillStore } from './skill-store.js';
import type { SkillStore } from './skill-store-types.js';
import type { StoreBackend } from './backends/index.js';

/** Options of `openStore`. */
export interface OpenStoreOptions {
  /**
   * `sqlite://path/to/file.db`, `postgres://user@host:5432/db` or `redis://host:6379`. A
   * `?namespace=` query parameter sets the namespace.
   * @default env `KNACK_STORE`, else `sqlite://.knack/skills.db`
   */
  url?: string;
  /** Prefix of every key, so several libraries share one database. @default `knack` */
  namespace?: string;
  /** Review policy applied when versions are activated. @default { autoApprove: false } */
  review?: ReviewPolicy;
  /** The clock of publish times and history events (a fixed one makes exports reproducible). @default the system clock */
  now?: () => Date;
  /**
   * How often `resolve` (the call path) polls the change feed for status moves made by other
   * processes; until then it serves the version it cached. @default 500
   */
  cacheRefreshMs?: number;
  /**
   * How often runs counted by `queueRun` (the call path) are written; they are also written on
   * `close()`. A crash loses at most the runs of the last interval. @default 1000
   */
  runFlushIntervalMs?: number;
  /** Aborts connecting. */
  signal?: AbortSignal;
}

function positiveMs(value: number | undefined, field: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 10)
    throw new KnackError(
      'INVALID_ARGUMENT',
      `[knack] [store] \`${field}\` must be 10 ms or more, got ${value}.`,
      {
        where: { field },
      },
    );
  return value;
}

/** The store URL `openStore` would use: option, then env `KNACK_STORE` (read now), then the default. */
export function resolveStoreUrl(url?: string): string {
  return url ?? process.env['KNACK_STORE'] ?? 'sqlite://.knack/skills.db';
}

function splitNamespace(url: string): { url: string; namespace?: string } {
  const match = /[?&]namespace=([^&]*)/.exec(url);
  if (!match) return { url };
  const cleaned = url.replace(/([?&])namespace=[^&]*&?/, '$1').replace(/[?&]$/, '');
  return { url: cleaned, namespace: decodeURIComponent(match[1] ?? '') };
}

async function createBackend(url: string, signal?: AbortSignal): Promise<StoreBackend> {
  const scheme = /^([a-z]+):/.exec(url)?.[1];
  switch (scheme) {
    case 'sqlite':
      return (await import('./backends/index.js')).sqliteBackend({ url, ...(signal ? { signal } : {}) });
    case 'postgres':
    case 'postgresql':
      return (await import('./backends/index.js')).postgresBackend({ url, ...(signal ? { signal } : {}) });
    case 'redis':
    case 'rediss':
      return (await import('./backends/index.js')).redisBackend({ url, ...(signal ? { signal } : {}) });
    default:
      throw new KnackError(
        'INVALID_ARGUMENT',
        `[knack] [store] Unknown store URL \`${url}\`; use sqlite://path.db, postgres://user@host:5432/db or redis://host:6379.`,
      );
  }
}

/**
 * Opens the skill library: an embedded SQLite file by default, PostgreSQL or Redis by URL.
 * @throws KnackError STORE_UNREACHABLE, DEPENDENCY_MISSING, INVALID_ARGUMENT (unknown URL).
 * @example
 * ```ts
 * await using store = await openStore({ url: 'sqlite://.knack/skills.db' });
 * const { ref } = await store.publish(compiledSkill);
 * ```
 */
export async function openStore(options: OpenStoreOptions = {}): Promise<SkillStore> {
  const { url, namespace: fromUrl } = splitNamespace(resolveStoreUrl(options.url));
  const namespace = options.namespace ?? fromUrl ?? 'knack';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(namespace)) {
    throw new KnackError(
      'INVALID_ARGUMENT',
      `[knack] [store] Namespace \`${namespace}\` must be 1-64 letters, digits, \`_\`, \`.\` or \`-\`.`,
    );
  }
  const timing = {
    cacheRefreshMs: positiveMs(options.cacheRefreshMs, 'cacheRefreshMs', 500),
    runFlushIntervalMs: positiveMs(options.runFlushIntervalMs, 'runFlushIntervalMs', 1000),
  };
  options.signal?.throwIfAborted();
  const backend = await createBackend(url, options.signal);
  return new KeyvSkillStore(
    backend,
    storeKeys(namespace),
    namespace,
    options.review ?? {},
    options.now,
    timing,
  );
}
