import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import type { Socket } from 'node:net';
import { LineReader } from './_line-reader.js';
import {
  maxLineChars,
  readWorkerMessage,
  type CallerMessage,
  type RunEndMessage,
  type RunRequest,
  type ToolCallMessage,
  type WorkerMessage,
} from './_protocol.js';
import { WORKER_V8_FLAGS } from './_worker-flags.js';
import { isolatedVmPath, workerEntry } from './_worker-entry.js';
import {
  emptyWorkingDirectory,
  inheritableDescriptors,
  workerEnvironment,
  workerLaunch,
  type WorkerUser,
} from './_worker-privileges.js';

/** What a worker reports to the run it serves. */
export interface WorkerRun {
  onCall(message: ToolCallMessage): void;
  onEnd(message: RunEndMessage): void;
  /** The worker died with the run in flight; `isMemory` when its output says it ran out of memory. */
  onWorkerExit(isMemory: boolean): void;
}

export interface WorkerSettings {
  memoryLimitMb: number;
  runsPerIsolate: number;
  memoryBudgetMb: number;
  killGraceMs: number;
  niceIncrement: number;
  /** The script the worker runs; the bundled worker-main when undefined. */
  entry?: string;
  /** Give workers the caller's network (see workerLaunch). */
  allowNetwork: boolean;
  /** The user workers run as (the caller runs as root). */
  user?: WorkerUser;
  onExit(worker: WorkerProcess): void;
  onIdle(worker: WorkerProcess): void;
}

const maxKnownScripts = 256;
// memoryLimitMb bounds the V8 heap only: ICU objects (Intl.Segmenter) and other off-heap memory
// can grow a worker by GBs within one run, while the isolate holds the worker's only thread. So
// the caller samples a busy worker's resident memory itself (Linux /proc; elsewhere the worker's
// own check after each run is all there is).
const rssSampleMs = 100;
const stderrTailChars = 4096;
// What V8 (`FATAL ERROR: ... heap out of memory`, `invalid size error`) and isolated-vm's OOM
// handler (`is_heap_oom = 1`) print before the process aborts.
const oomReport =
  /is_heap_oom = |JavaScript heap out of memory|Reached heap limit|invalid (size|array length|table size) error|Catastrophic out-of-memory/;

/**
 * The caller's handle on one worker process: spawns it, routes its messages to runs, and kills
 * it when a cancelled run does not end within the grace period (a wedged isolate).
 */
export class WorkerProcess {
  readonly ready: Promise<void>;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<void>;
  isAlive = true;
  isReady = false;
  isRetiring = false;
  private readonly child: ChildProcess;
  /** The message channel, fd 3 in the worker: one JSON message per line each way. */
  private readonly channel: Socket;
  private readonly lines = new LineReader(maxLineChars);
  private markReady: () => void = () => undefined;
  private readonly settings: WorkerSettings;
  private readonly runs = new Map<number, WorkerRun>();
  private readonly known = new Set<string>();
  private stderrTail = '';
  private exitSignal: NodeJS.Signals | null = null;
  private rssTimer: NodeJS.Timeout | undefined;
  private isOverBudget = false;
  private isClosing = false;
  private isBusy = true;

  private constructor(child: ChildProcess, settings: WorkerSettings) {
    this.child = child;
    this.channel = child.stdio[3] as Socket;
    this.settings = settings;
    this.ready = new Promise((resolve, reject) => {
      this.markReady = resolve;
      child.once('exit', (code, signal) =>
        reject(
          new Error(`The sandbox worker exited before it was ready (${signal ?? code}): ${this.stderrTail}`),
        ),
      );
    });
    this.channel.setEncoding('utf8');
    this.channel.on('data', (chunk: string) => this.onData(chunk));
    // A write to a worker that just died fails; its 'exit' does the bookkeeping.
    this.channel.on('error', () => undefined);
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // 'close' comes after 'exit' once stderr is drained: V8's last words are facts to read.
    child.once('exit', (_code, signal) => {
      this.isAlive = false;
      this.exitSignal = signal;
    });
    child.once('close', () => this.onExit());
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-stderrTailChars);
    });
    // A worker that fails to fork (EAGAIN) emits 'error' and 'exit'; 'exit' does the bookkeeping.
    child.on('error', () => undefined);
  }

  static async start(settings: WorkerSettings): Promise<WorkerProcess> {
    const { user } = settings;
    const [entry, launch] = await Promise.all([
      settings.entry ?? workerEntry(),
      workerLaunch({ allowNetwork: settings.allowNetwork, ...(user ? { user } : {}) }),
    ]);
    const [command = process.execPath, ...launcher] = [...launch.prefix, process.execPath];
    const child = spawn(
      command,
      [
        ...launcher,
        // Never inherit the caller's flags (loaders, inspectors); isolated-vm on Node 20 needs this one.
        '--no-node-snapshot',
        ...WORKER_V8_FLAGS,
        entry,
        isolatedVmPath(),
        String(settings.memoryLimitMb),
        String(settings.runsPerIsolate),
        String(settings.memoryBudgetMb),
        String(settings.niceIncrement),
        // Descriptors the worker inherits against our will; it closes them first thing.
        inheritableDescriptors().join(','),
      ],
      {
        // fd 3 is a socket pair: the worker reads its end blocking, after a short poll while it
        // awaits a tool's reply (see _blocking-channel.ts).
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
        env: workerEnvironment(),
        cwd: emptyWorkingDirectory(),
        // Without a launcher, Node drops to the user itself (libuv clears supplementary groups).
        ...(user && launch.prefix.length === 0 ? { uid: user.uid, gid: user.gid } : {}),
      },
    );
    return new WorkerProcess(child, settings);
  }

  get activeRuns(): number {
    return this.runs.size;
  }

  dispatch(request: RunRequest, code: string, run: WorkerRun): void {
    // The worker keeps the same FIFO of scripts, so sending each bundle once per worker is enough.
    if (!this.known.has(request.hash)) {
      request.code = code;
      this.known.add(request.hash);
      if (this.known.size > maxKnownScripts) this.known.delete(this.known.values().next().value as string);
    }
    this.setBusy(true);
    this.runs.set(request.id, run);
    this.send(request);
  }

  reply(id: number, seq: number, payload: string): void {
    if (this.runs.has(id)) this.send({ t: 'reply', id, seq, payload });
  }

  /** Stops a run the caller has already settled; kills the worker if it does not end in time. */
  cancel(id: number): void {
    if (!this.runs.has(id)) return;
    this.send({ t: 'cancel', id });
    const timer = setTimeout(() => {
      if (this.runs.has(id)) this.kill();
    }, this.settings.killGraceMs);
    timer.unref();
  }

  kill(): void {
    if (this.isAlive) this.child.kill('SIGKILL');
  }

  /**
   * Asks the worker to leave (it exits on disconnect) and resolves once it has; a worker still
   * there after the grace period is killed, and one still starting (serving nobody) at once.
   */
  close(): Promise<void> {
    if (this.isClosing) return this.exited;
    this.isClosing = true;
    this.isRetiring = true;
    if (!this.isReady) this.kill();
    if (this.isAlive) {
      // Held until the exit, so a caller awaiting close() is not left with an idle, unref'd child.
      this.child.ref();
      const timer = setTimeout(() => this.kill(), this.settings.killGraceMs);
      void this.exited.then(() => clearTimeout(timer));
    }
    // The worker leaves when its read of the channel ends.
    this.channel.end();
    return this.exited;
  }

  private send(message: CallerMessage): void {
    try {
      if (this.channel.writable) this.channel.write(`${JSON.stringify(message)}\n`);
    } catch {
      // A message too large to encode: the worker would wait for it forever.
      this.kill();
    }
  }

  private setBusy(isBusy: boolean): void {
    if (isBusy === this.isBusy) return;
    this.isBusy = isBusy;
    // An idle pool must not keep the caller's process alive (a CLI exits once its run resolves).
    const handles = [this.child, this.channel, this.child.stderr] as ({
      ref?(): void;
      unref?(): void;
    } | null)[];
    for (const handle of handles) {
      if (isBusy) handle?.ref?.();
      else handle?.unref?.();
    }
    clearInterval(this.rssTimer);
    this.rssTimer = undefined;
    if (isBusy && process.platform === 'linux') {
      this.rssTimer = setInterval(() => void this.checkMemory(), rssSampleMs);
      this.rssTimer.unref();
    }
  }

  private async checkMemory(): Promise<void> {
    const pid = this.child.pid;
    if (pid === undefined || !this.isAlive) return;
    let status: string;
    try {
      status = await readFile(`/proc/${pid}/status`, 'utf8');
    } catch {
      // The worker just exited; its exit handler does the rest.
      return;
    }
    const residentKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    if (residentKb > this.settings.memoryBudgetMb * 1024) {
      this.isOverBudget = true;
      this.kill();
    }
  }

  private onData(chunk: string): void {
    let lines: string[];
    try {
      lines = this.lines.push(chunk);
    } catch {
      return this.kill();
    }
    for (const line of lines) {
      let message: WorkerMessage | undefined;
      try {
        message = readWorkerMessage(JSON.parse(line));
      } catch {
        message = undefined;
      }
      try {
        if (message?.t === 'ready' && !this.isReady) {
          this.isReady = true;
          this.setBusy(false);
          this.markReady();
        } else if (message) {
          this.onMessage(message);
        }
      } catch {
        // No throw may leave a socket's 'data' handler (it would be an uncaught exception in the
        // caller). The runs guard themselves; a worker whose message still broke something is
        // not trusted with another line.
        return this.kill();
      }
    }
  }

  private onMessage(message: WorkerMessage): void {
    if (message.t === 'call') {
      this.runs.get(message.id)?.onCall(message);
    } else if (message.t === 'end') {
      if (message.isRetiring) this.isRetiring = true;
      const run = this.runs.get(message.id);
      if (!run) return;
      this.runs.delete(message.id);
      run.onEnd(message);
      // A queued run handed over here keeps the worker busy: no unref and ref again in between.
      this.settings.onIdle(this);
      if (this.runs.size === 0) this.setBusy(false);
    }
  }

  private onExit(): void {
    this.isAlive = false;
    clearInterval(this.rssTimer);
    // Facts only: our RSS cap killed it, or it aborted (V8 aborts on a fatal OOM) after V8 or
    // isolated-vm's OOM handler reported one. The worker never writes skill text to stderr.
    const isAborted = this.exitSignal === 'SIGABRT' || this.exitSignal === 'SIGTRAP';
    const isMemory = this.isOverBudget || (isAborted && oomReport.test(this.stderrTail));
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const run of runs) run.onWorkerExit(isMemory);
    this.settings.onExit(this);
  }
}
