import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Finds or starts the PostgreSQL and Redis servers once per run for the store suites.
    globalSetup: ['test/helpers/services.ts'],
    // isolated-vm on Node 20 needs --no-node-snapshot in every process that loads it;
    // the threads pool rejects that flag, so tests run in forked processes.
    pool: 'forks',
    execArgv: ['--no-node-snapshot'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
