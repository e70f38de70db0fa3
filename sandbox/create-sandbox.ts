import { availableParallelism } from 'node:os';
import { compileSkill } from './compile-skill.js';
import { formatIssues, KnackError } from '../core/index.js';
import { RunSession } from './_run-session.js';
import { resolveRunOptions, type ResolvedRunOptions, type RunSkillOptions } from './run-options.js';
import type { RunResult } from './types.js';
import { WorkerProcess, type WorkerSettings } from './_worker-process.js';
import { integerIn, positiveInteger, workerUser } from './_sandbox-options.js';
import type { SandboxOptions } from './sandbox-options.js';

/** A pool of supervised worker processes that run skills. */
export interface Sandbox {
  /** Runs a skill; skill failures are results. @throws KnackError `INVALID_ARGUMENT`, `CLOSED`. */
  run(options: RunSkillOptions): Promise<RunResult>;
  /**
   * Stops taking runs, waits for every run already accepted (compiling, queued or running; each
   * bounded by its deadline), then stops the workers. A second call returns the same promise.
   */
  close(): Promise<void>;
  readonly isClosed: boolean;
  [Symbol.asyncDispose](): Promise<void>;
}

const maxStartFailures = 3;

class WorkerPool implements Sandbox {
  isClosed = false;
  private readonly size: number;
  private readonly runsPerWorker: number;
  private readonly settings: WorkerSettings;
  private readonly workers = new Set<WorkerProcess>();
  private readonly queue: RunSession[] = [];
  private readonly inFlight = new Set<Promise<RunResult>>();
  /** A worker is being started; they start one at a time (see `open`). */
  private isStarting = false;
  private startFailures = 0;
  private closing: Promise<void> | undefined;
  /** Set once close() has taken the list of workers to stop. */
  private isStopped = false;
  /** The worker start in progress, if any; it never rejects. */
  private spawning: Promise<void> = Promise.resolve();
  private readonly opened: Promise<void>;
  private settleOpen!: (error?: unknown) => void;

  constructor(options: SandboxOptions, entry?: string) {
    this.size = positiveInteger(options, 'size', Math.min(2, availableParallelism()));
    this.runsPerWorker = positiveInteger(options, 'runsPerWorker', 1);
    this.settings = {
      memoryLimitMb: 64,
      runsPerIsolate: positiveInteger(options, 'runsPerIsolate', 200),
      memoryBudgetMb: positiveInteger(options, 'workerMemoryBudgetMb', 512),
      killGraceMs: positiveInteger(options, 'killGraceMs', 1000),
      niceIncrement: integerIn(options, 'workerNice', 0, 19, 10),
      ...(entry === undefined ? {} : { entry }),
      allowNetwork: options.allowWorkerNetwork === true,
      ...(options.workerUser === undefined ? {} : { user: workerUser(options.workerUser) }),
      onExit: (worker: WorkerProcess) => this.onWorkerExit(worker),
      onIdle: () => this.pump(),
    };
    this.opened = new Promise((resolve, reject) => {
      this.settleOpen = (error) => (error === undefined ? resolve() : reject(error));
    });
  }

  /**
   * Ready as soon as one worker is. Workers start one at a time (see `pump`): a worker's start is
   * mostly CPU (Node boots without its snapshot, which isolated-vm needs), so on a small machine
   * starting them all at once delays the first.
   */
  async open(): Promise<void> {
    this.pump();
    try {
      await this.opened;
    } catch (reason) {
      throw new KnackError('SANDBOX_FAILED', `Cannot start a sandbox worker: ${String(reason)}`, {
        cause: reason,
      });
    }
  }

  async run(options: RunSkillOptions): Promise<RunResult> {
    if (this.isClosed) throw new KnackError('CLOSED', 'The sandbox is closed; create a new one.');
    const startedAt = performance.now();
    if (this.workers.size === 0 && this.startFailures >= maxStartFailures) this.startFailures = 0;
    const resolved = resolveRunOptions(options);
    // Accepted runs count as in flight from here, compile included: close() waits for them.
    const accepted = this.accept(resolved, startedAt);
    this.inFlight.add(accepted);
    void accepted.finally(() => this.inFlight.delete(accepted)).catch(() => undefined);
    return accepted;
  }

  private async accept(resolved: ResolvedRunOptions, startedAt: number): Promise<RunResult> {
    const metrics = { wallMs: 0, cpuMs: 0, heapUsedBytes: 0, toolCalls: 0 };
    const failed = (
      code: 'INVALID_INPUT' | 'COMPILE_ERROR' | 'ABORTED',
      message: string,
      extra = {},
    ): RunResult => ({
      ok: false,
      error: { code, message, ...extra },
      trace: [],
      metrics: { ...metrics, wallMs: performance.now() - startedAt },
      logs: [],
    });
    if (resolved.signal?.aborted) return failed('ABORTED', 'The run was aborted by its signal.');
    const inputJson = this.inputJson(resolved.input);
    if (inputJson === undefined)
      return failed('INVALID_INPUT', 'The input is not JSON data (cycle, BigInt or function).');
    const checked = resolved.checkInput?.(resolved.input);
    if (checked && !checked.ok) {
      return failed(
        'INVALID_INPUT',
        `The input does not match the input schema: ${formatIssues(checked.issues)}`,
      );
    }
    const compiled = await compileSkill(resolved.source, resolved.filename);
    if (!compiled.ok) {
      const { message, line, column } = compiled.error;
      return failed('COMPILE_ERROR', message, line === undefined ? {} : { line, column });
    }
    // The session listens for 'abort' from here on; an abort during the compile already fired.
    if (resolved.signal?.aborted) return failed('ABORTED', 'The run was aborted by its signal.');
    const session = new RunSession(resolved, compiled.script, inputJson, startedAt);
    this.queue.push(session);
    this.pump();
    return session.done;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.isClosed = true;
      await Promise.allSettled([...this.inFlight]);
      this.isStopped = true;
      const workers = [...this.workers];
      this.workers.clear();
      // Resolves once every worker process has exited: nothing of the pool outlives close().
      await Promise.all([...workers.map((worker) => worker.close()), this.spawning]);
    })();
    return this.closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  private inputJson(input: unknown): string | undefined {
    if (input === undefined) return '';
    try {
      return JSON.stringify(input);
    } catch {
      // Cycles and BigInts: the caller sent something that is not JSON data.
      return undefined;
    }
  }

  private async spawn(): Promise<void> {
    this.isStarting = true;
    try {
      const worker = await WorkerProcess.start(this.settings);
      // Forked after close() took its list of workers: nobody would stop this one.
      if (this.isStopped) void worker.close();
      else this.workers.add(worker);
      await worker.ready;
      this.startFailures = 0;
      this.settleOpen();
    } catch (error) {
      this.startFailures++;
      if (this.startFailures >= maxStartFailures) {
        this.failQueue(error);
        this.settleOpen(error);
      }
      throw error;
    } finally {
      this.isStarting = false;
      this.pump();
    }
  }

  private failQueue(error: unknown): void {
    for (const session of this.queue.splice(0)) {
      session.fail({ code: 'WORKER_CRASHED', message: `No sandbox worker could start: ${String(error)}` });
    }
  }

  private onWorkerExit(worker: WorkerProcess): void {
    this.workers.delete(worker);
    this.pump();
  }

  private pump(): void {
    while (this.queue[0]?.isSettled) this.queue.shift();
    // Least recently served first: a worker that just ended a run is building its next context,
    // so back-to-back runs alternate between workers instead of waiting on that build.
    for (const worker of [...this.workers]) {
      if (this.queue.length === 0) break;
      if (!worker.isAlive || worker.isRetiring || !worker.isReady) continue;
      let isServed = false;
      while (worker.activeRuns < this.runsPerWorker && this.queue.length > 0) {
        const session = this.queue.shift()!;
        if (session.isSettled) continue;
        session.start(worker);
        isServed = true;
      }
      if (isServed) {
        this.workers.delete(worker);
        this.workers.add(worker);
      }
    }
    for (const worker of this.workers) {
      if (worker.isRetiring && worker.activeRuns === 0) worker.close();
    }
    const live = [...this.workers].filter((worker) => worker.isAlive && !worker.isRetiring).length;
    // While closing, a lost worker is still replaced if accepted runs wait for one.
    const isWanted = !this.isClosed || this.queue.length > 0;
    if (isWanted && !this.isStarting && live < this.size && this.startFailures < maxStartFailures) {
      this.spawning = this.spawn().catch(() => undefined);
    }
  }
}

/**
 * Opens a pool of sandbox worker processes; resolves once the first worker is ready to serve.
 * The pool does not keep the process alive while idle; close it when done.
 * @throws KnackError `INVALID_ARGUMENT` naming a bad option; `SANDBOX_FAILED` when no worker starts.
 * @example
 * await using sandbox = await createSandbox();
 * const result = await sandbox.run({ source, input: { orderId: '8812' }, tools });
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const pool = new WorkerPool(options);
  await pool.open();
  return pool;
}

/**
 * A pool whose workers run `entry` instead of the sandbox worker: for tests that play a hostile
 * worker speaking the protocol. Not part of the public API (the door does not export it).
 */
export async function createSandboxWithWorker(options: SandboxOptions, entry: string): Promise<Sandbox> {
  const pool = new WorkerPool(options, entry);
  await pool.open();
  return pool;
}
