import { spawn } from 'node:child_process';
import { closeSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// What a V8 escape would get is the worker's process: it gets as little of the caller's as the
// platform allows. See README "Security".

/** The caller's environment variables a worker keeps: none holds a secret, Node reads them. */
const allowedEnvironment = ['PATH', 'TZ', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'SYSTEMROOT', 'TMPDIR'];

/**
 * The environment of a worker: an allowlist of the caller's (no store URL, no API key). Never
 * NODE_OPTIONS (`--inspect`, `--require`) or NODE_EXTRA_CA_CERTS (a CA bundle parsed at every
 * start, ~70 ms, for a worker that opens no TLS).
 */
export function workerEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of allowedEnvironment) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Whether `path` is a real directory (not a link) of this user that nobody else may write. */
function isPrivateDirectory(path: string): boolean {
  try {
    const stat = lstatSync(path);
    const uid = process.getuid?.();
    return stat.isDirectory() && (uid === undefined || stat.uid === uid) && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

let privateDirectory: string | undefined;

/**
 * A directory of this user in the temp dir that no other user can write (mode 0711, checked, not
 * a link): where the development worker script is built and the workers' empty working
 * directory lives. A name that someone else holds gives way to a fresh random directory.
 */
export function workerDirectory(): string {
  if (privateDirectory !== undefined) return privateDirectory;
  const shared = join(tmpdir(), `knack-${process.getuid?.() ?? 'user'}`);
  try {
    mkdirSync(shared, { mode: 0o711 });
  } catch {
    // It exists already: the check below decides whether it is ours.
  }
  privateDirectory = isPrivateDirectory(shared) ? shared : mkdtempSync(join(tmpdir(), 'knack-'));
  return privateDirectory;
}

/** An empty directory no worker can write: the workers' working directory. */
export function emptyWorkingDirectory(): string {
  const path = join(workerDirectory(), 'empty');
  try {
    mkdirSync(path, { mode: 0o511 });
  } catch {
    // Made by an earlier process; checked below.
  }
  if (isPrivateDirectory(path) && readdirSync(path).length === 0) return path;
  return mkdtempSync(join(workerDirectory(), 'empty-'));
}

const closeOnExec = 0o2000000;

/**
 * Descriptors of this process a child would inherit (open without close-on-exec, above the
 * worker's own 0-3): ones this process itself inherited, or a native module opened. The worker
 * closes them first thing. Linux only (/proc); empty elsewhere.
 */
export function inheritableDescriptors(): number[] {
  if (process.platform !== 'linux') return [];
  const found: number[] = [];
  try {
    for (const name of readdirSync('/proc/self/fd')) {
      const fd = Number(name);
      if (!(fd > 3)) continue;
      try {
        const flags = /flags:\s+([0-7]+)/.exec(readFileSync(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1];
        if (flags !== undefined && (Number.parseInt(flags, 8) & closeOnExec) === 0) found.push(fd);
      } catch {
        // Closed meanwhile (the readdir's own descriptor is one).
      }
    }
  } catch {
    // No /proc: nothing known to close.
  }
  return found;
}

/** In the worker: closes the descriptors `inheritableDescriptors` listed (`4,7`), first thing. */
export function closeDescriptors(list: string): void {
  for (const fd of list.split(',').filter(Boolean).map(Number)) {
    try {
      closeSync(fd);
    } catch {
      // Already closed.
    }
  }
}

/** The user a worker runs as, when the caller runs as root. */
export interface WorkerUser {
  uid: number;
  gid: number;
}

/** How workers are started: a launcher prefix (empty for none) and what it secures. */
export interface WorkerLaunch {
  prefix: string[];
  hasOwnNetwork: boolean;
  hasNoNewPrivileges: boolean;
}

function tryLaunch(prefix: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const [command, ...args] = prefix;
    const child = spawn(command!, [...args, 'true'], { stdio: 'ignore', env: workerEnvironment() });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

const launches = new Map<string, Promise<WorkerLaunch>>();

/**
 * Finds, once per setting, the strongest launcher the platform permits (Linux, util-linux):
 * `unshare --net` (a network namespace of its own, with only a down loopback; needs
 * CAP_SYS_ADMIN, so usually root) then `setpriv --no-new-privs` (no setuid gains) and, when
 * configured, `--reuid/--regid --clear-groups`. Weaker steps are tried when one is refused.
 */
export function workerLaunch(options: { allowNetwork: boolean; user?: WorkerUser }): Promise<WorkerLaunch> {
  const key = JSON.stringify(options);
  let launch = launches.get(key);
  if (launch) return launch;
  launch = (async () => {
    if (process.platform !== 'linux') return { prefix: [], hasOwnNetwork: false, hasNoNewPrivileges: false };
    const user = options.user
      ? ['--reuid', String(options.user.uid), '--regid', String(options.user.gid), '--clear-groups']
      : [];
    const setpriv = ['setpriv', '--no-new-privs', ...user, '--'];
    if (!options.allowNetwork) {
      const both = ['unshare', '--net', '--', ...setpriv];
      if (await tryLaunch(both)) return { prefix: both, hasOwnNetwork: true, hasNoNewPrivileges: true };
    }
    if (await tryLaunch(setpriv)) return { prefix: setpriv, hasOwnNetwork: false, hasNoNewPrivileges: true };
    return { prefix: [], hasOwnNetwork: false, hasNoNewPrivileges: false };
  })();
  launches.set(key, launch);
  return launch;
}
