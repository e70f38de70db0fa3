// Connection URLs of the machine's database servers. In CI a missing server is a failure, not a skip.
export const postgresUrl: string =
  process.env['KNACK_TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
export const redisUrl: string = process.env['KNACK_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';
