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
    // Vitest's default is one worker fewer than the cores, so one file at a time on CI's 2 cores;
    // two at once took the suite from 553 s to 332 s there, every test still green.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest/results.json' },
  },
});
