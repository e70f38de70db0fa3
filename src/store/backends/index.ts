/**
 * @module store/backends: the keyv backends behind `openStore`, one file each. Each loads its
 * keyv adapter on first use and throws `DEPENDENCY_MISSING` naming the package when it is absent.
 */
export { sqliteBackend } from './sqlite.js';
export { postgresBackend } from './postgres.js';
export { redisBackend } from './redis.js';
export type { StoreBackend, BackendOptions } from './store-backend.js';
