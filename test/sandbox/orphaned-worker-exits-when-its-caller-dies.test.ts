import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const caller = fileURLToPath(new URL('../helpers/orphan-caller.ts', import.meta.url));

/** Pids of the processes whose parent is `parent`, read from /proc. */
function childrenOf(parent: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the name in field 2 may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === parent) pids.push(Number(entry));
    } catch {
      // the process ended while we read /proc
    }
  }
  return pids;
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('a worker whose caller dies mid-run', () => {
  it.runIf(process.platform === 'linux')(
    'exits instead of spinning on as an orphan, even while its skill is in an endless sync loop',
    async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', caller], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
      const workers = childrenOf(child.pid as number);
      expect(workers.length).toBeGreaterThan(0);
      child.kill('SIGKILL');
      try {
        const deadline = Date.now() + 5000;
        while (workers.some(isAlive) && Date.now() < deadline)
          await new Promise((done) => setTimeout(done, 100));
        expect(workers.filter(isAlive)).toEqual([]);
      } finally {
        for (const pid of workers.filter(isAlive)) process.kill(pid, 'SIGKILL');
      }
    },
    20_000,
  );
});
