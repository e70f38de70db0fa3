// The database servers the store bench measures: the machine's own, as the tests use them.
export const postgresUrl: string =
  process.env['KNACK_BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl: string = process.env['KNACK_BENCH_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
