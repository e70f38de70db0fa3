import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./store-publisher.ts', import.meta.url));

export interface PublisherRun {
  versions: number[];
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/**
 * Runs the publisher child (node + tsx). With `killAfterMs`, SIGKILLs it that long after it
 * reported ready: a crash in the middle of publishing.
 */
export function spawnPublisher(
  args: {
    url: string;
    namespace: string;
    name: string;
    count: number;
    tag: string;
    startAt?: number;
    /** Approve and activate the last version published. */
    isPromoted?: boolean;
  },
  killAfterMs?: number,
): Promise<PublisherRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        script,
        args.url,
        args.namespace,
        args.name,
        String(args.count),
        args.tag,
        String(args.startAt ?? 0),
        ...(args.isPromoted ? ['promote'] : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const versions: number[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const message = JSON.parse(line) as { ready?: boolean; version?: number };
        if (message.ready && killAfterMs !== undefined) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        if (message.version !== undefined) versions.push(message.version);
      }
    });
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ versions, exitCode, signal, stderr }));
  });
}

const queuer = fileURLToPath(new URL('./run-queuer.ts', import.meta.url));

/**
 * Runs the run-queuer child: it writes `flushed` runs of `name@1`, queues `queued` more, and is
 * SIGKILLed as soon as it says so. Resolves with what it printed once it is gone.
 */
export function spawnCrashingCaller(args: {
  url: string;
  namespace: string;
  name: string;
  flushed: number;
  queued: number;
}): Promise<{ lines: unknown[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        queuer,
        args.url,
        args.namespace,
        args.name,
        String(args.flushed),
        String(args.queued),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const lines: unknown[] = [];
    let stderr = '';
    let buffered = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        const message = JSON.parse(line) as { queued?: number };
        lines.push(message);
        if (message.queued !== undefined) child.kill('SIGKILL');
      }
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve({ lines, signal, stderr }));
  });
}
