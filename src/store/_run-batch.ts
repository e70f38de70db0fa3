// Runs counted off the call path: `queue` only appends to memory; a timer (and `close`) writes
// the batch, one atomic add per counter and one entry per run id. A crash loses at most the
// runs queued since the last flush, never a version or a history event.
import type { StoreKeys } from './_keys.js';
import { countRuns, type CountedRun } from './_reliability.js';
import type { StoreBackend } from './backends/index.js';

/** A queued run: its counters and, with an id, the entry `reportOutcome` reads. */
export interface QueuedRun extends CountedRun {
  runId?: string;
}

/** Queued runs that trigger a flush at once instead of waiting for the timer. */
const maxQueued = 5000;

export class RunBatch {
  #queued: QueuedRun[] = [];
  #pendingIds = new Set<string>();
  #timer: NodeJS.Timeout | undefined;
  #flushing: Promise<void> = Promise.resolve();
  readonly #backend: StoreBackend;
  readonly #keys: StoreKeys;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;

  constructor(options: {
    backend: StoreBackend;
    keys: StoreKeys;
    intervalMs: number;
    onError: (error: unknown) => void;
  }) {
    this.#backend = options.backend;
    this.#keys = options.keys;
    this.#intervalMs = options.intervalMs;
    this.#onError = options.onError;
  }

  /** True while runs wait to be written. */
  get hasQueued(): boolean {
    return this.#queued.length > 0;
  }

  /** True while the run with this id waits to be written. */
  isPending(runId: string): boolean {
    return this.#pendingIds.has(runId);
  }

  queue(run: QueuedRun): void {
    this.#queued.push(run);
    if (run.runId !== undefined) this.#pendingIds.add(run.runId);
    if (this.#queued.length >= maxQueued) void this.flush().catch(this.#onError);
    else
      this.#timer ??= setTimeout(() => {
        this.#timer = undefined;
        void this.flush().catch(this.#onError);
      }, this.#intervalMs).unref();
  }

  /** Writes every queued run; flushes run one after another. */
  flush(): Promise<void> {
    const next = this.#flushing.then(() => this.#write());
    this.#flushing = next.catch(() => undefined);
    return next;
  }

  async #write(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const runs = this.#queued.splice(0);
    if (runs.length === 0) return;
    try {
      await Promise.all(
        runs.map(async (run) => {
          if (run.runId === undefined) return;
          const entry = {
            ref: `${run.name}@${run.version}`,
            ok: run.ok,
            ...(run.code === undefined ? {} : { code: run.code }),
            at: new Date(run.atMs).toISOString(),
          };
          // callSkill's ids are random UUIDs, so `add` never meets another run's entry.
          await this.#backend.add(this.#keys.run(run.runId), JSON.stringify(entry));
        }),
      );
      await countRuns(this.#backend, this.#keys, runs);
    } finally {
      for (const run of runs) if (run.runId !== undefined) this.#pendingIds.delete(run.runId);
    }
  }
}
