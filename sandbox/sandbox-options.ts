/** Options of `createSandbox`. */
export interface SandboxOptions {
  /** Number of worker processes. @default Math.min(2, os.availableParallelism()) */
  size?: number;
  /** Runs one worker serves at once (each in its own isolate). @default 1 */
  runsPerWorker?: number;
  /** Runs an isolate serves before it is replaced. @default 200 */
  runsPerIsolate?: number;
  /**
   * Resident memory of a worker, in MB: past it during a run the worker is killed (the run gets
   * `MEMORY_LIMIT`); past it after a run the worker is retired and replaced. @default 512
   */
  workerMemoryBudgetMb?: number;
  /** Time after a run's deadline before a worker that did not stop is killed, in ms. @default 1000 */
  killGraceMs?: number;
  /**
   * How many nice steps below the caller's CPU priority the workers run (0 to 19; 0 keeps the
   * caller's). The caller's process answers every tool call and hands out every run, so a worker
   * building its next context must not hold a core the caller is waiting for; it also keeps heavy
   * skills from starving the host application. @default 10
   */
  workerNice?: number;
  /**
   * Let workers use the caller's network. When false, on Linux where the caller may create one
   * (`unshare --net`, usually root), each worker gets a network namespace of its own with no
   * interface up; elsewhere workers keep the caller's network (see README "Security"). @default false
   */
  allowWorkerNetwork?: boolean;
  /**
   * The user and group workers run as, for a caller running as root (Linux: `setpriv`, or Node's
   * own `uid`/`gid`). The worker script and isolated-vm must be readable by it. @default the caller's
   */
  workerUser?: { uid: number; gid: number };
}
