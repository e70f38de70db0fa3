import { spawn } from 'node:child_process';
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createSandbox, defineTools } from '../../sandbox/index.js';
import { workerEntry } from '../../sandbox/_worker-entry.js';

// A V8 escape would get the worker's process, so it holds as little of the caller's as the
// platform allows: no secret in its environment, an empty working directory, no inherited
// descriptor, no new privileges and, where a network namespace is permitted (root on Linux
// here), no network. Read from /proc of a real worker of a real caller process.
const caller = fileURLToPath(new URL('../fixtures/sandbox/least-privilege-caller.ts', import.meta.url));
const isLinux = process.platform === 'linux';

interface WorkerReport {
  cmdline: string;
  environ: string[];
  cwd: string;
  fds: string[];
  noNewPrivs?: string;
  uid?: string;
  net: string;
}

async function inspectWorker(asUser?: {
  uid: number;
  gid: number;
}): Promise<{ ok: boolean; callerNet: string; reports: WorkerReport[] }> {
  const secretFile = join(tmpdir(), `knack-secret-${process.pid}.txt`);
  writeFileSync(secretFile, 'secret');
  const secretFd = openSync(secretFile, 'r');
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', '--no-node-snapshot', caller], {
      // fd 4 of the caller: a descriptor without close-on-exec, as a caller may inherit.
      stdio: ['ignore', 'pipe', 'inherit', 'ignore', secretFd],
      env: { ...process.env, KNACK_STORE_URL: 'redis://:hunter2@store:6379', OPENAI_API_KEY: 'sk-secret' },
      cwd: process.cwd(),
      ...asUser,
    });
    let output = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    await new Promise((resolve) => child.once('exit', resolve));
    return JSON.parse(output) as { ok: boolean; callerNet: string; reports: WorkerReport[] };
  } finally {
    closeSync(secretFd);
  }
}

describe.runIf(isLinux)('a worker process', () => {
  it('holds no secret, no inherited descriptor, no new privileges and no network', async () => {
    const { ok, callerNet, reports } = await inspectWorker();
    expect(ok).toBe(true);
    expect(reports.length).toBeGreaterThan(0);
    for (const worker of reports) {
      expect(worker.environ.join('\n')).not.toMatch(/hunter2|sk-secret|KNACK_STORE_URL|OPENAI_API_KEY/);
      expect(worker.cwd).not.toBe(process.cwd());
      expect(worker.cwd).toMatch(/knack-[^/]+\/empty/);
      expect(worker.fds.filter((fd) => fd.includes('knack-secret'))).toEqual([]);
      expect(worker.noNewPrivs).toBe('1');
      // Root on Linux may take a network namespace of its own (see README "Security").
      if (process.getuid?.() === 0) expect(worker.net).not.toBe(callerNet);
    }
  }, 60_000);

  // `unshare --net` needs CAP_SYS_ADMIN: an unprivileged caller is refused it and falls back to
  // `setpriv --no-new-privs` alone, so its workers still run, without new privileges, on its network.
  it.runIf(process.getuid?.() === 0)(
    'still runs, without new privileges, when the caller may not take a network namespace',
    async () => {
      const { ok, callerNet, reports } = await inspectWorker({ uid: 65534, gid: 65534 });
      expect(ok).toBe(true);
      expect(reports.length).toBeGreaterThan(0);
      for (const worker of reports) {
        expect(worker.uid).toBe('65534');
        expect(worker.noNewPrivs).toBe('1');
        expect(worker.net).toBe(callerNet);
        expect(worker.environ.join('\n')).not.toMatch(/hunter2|sk-secret/);
      }
    },
    60_000,
  );

  it('runs a development worker script that only this user can have written', async () => {
    const entry = await workerEntry();
    for (const path of [entry, dirname(entry)]) {
      const stat = lstatSync(path);
      expect(stat.isSymbolicLink()).toBe(false);
      expect(stat.uid).toBe(process.getuid?.());
      expect(stat.mode & 0o022).toBe(0);
    }
  });

  it.runIf(process.getuid?.() === 0)('runs workers as the configured unprivileged user', async () => {
    const sandbox = await createSandbox({ size: 1, workerUser: { uid: 65534, gid: 65534 } });
    try {
      const result = await sandbox.run({ source: 'export default async () => 1', tools: defineTools({}) });
      expect(result.ok).toBe(true);
      const uids = readdirSync('/proc')
        .filter((pid) => /^\d+$/.test(pid))
        .flatMap((pid) => {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
            const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
            if (ppid !== process.pid || !cmdline.includes('--no-expose-wasm')) return [];
            return [/Uid:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]];
          } catch {
            return [];
          }
        });
      expect(uids.length).toBeGreaterThan(0);
      expect(new Set(uids)).toEqual(new Set(['65534']));
    } finally {
      await sandbox.close();
    }
  });
});
