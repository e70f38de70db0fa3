/**
 * The storage spec every backend implements (STYLE.md rule 21). Keys and values are strings;
 * the store core decides the key layout. Any change here is a version bump.
 */
export interface StoreBackend {
  readonly specificationVersion: 'v1';
  /** Backend kind: `sqlite`, `postgres` or `redis`. */
  readonly name: string;
  /** Where the data lives, with any password removed (for messages). */
  readonly location: string;
  get(key: string): Promise<string | undefined>;
  /** Values of `keys`, in order; `undefined` where a key is absent. */
  getMany(keys: readonly string[]): Promise<(string | undefined)[]>;
  set(key: string, value: string): Promise<void>;
  /** Writes `value` only if `key` is absent, atomically; true when written. Immutable records use it. */
  add(key: string, value: string): Promise<boolean>;
  /**
   * Atomically increments the counter at `counterKey` (absent counts as 0) and returns the new
   * value: the claimed number. Never returns the same number twice, across processes and hosts.
   * `get(counterKey)` reads the counter as decimal text. Used for a skill's version numbers and
   * its history event numbers.
   */
  claimVersion(counterKey: string): Promise<number>;
  /**
   * Atomically adds `amount` (a positive integer) to the counter at `counterKey` (absent counts
   * as 0) and returns the new value: one write for a batch of counted runs. Optional in v1; the
   * store falls back to `amount` calls of `claimVersion` without it.
   */
  addToCounter?(counterKey: string, amount: number): Promise<number>;
  /** Every key that starts with `prefix`, in no particular order. Not on hot paths. */
  keys(prefix: string): Promise<string[]>;
  /** Releases connections and file handles. Called once by the store. */
  close(): Promise<void>;
}

/** Options every backend factory takes besides its own. */
export interface BackendOptions {
  /** Connection URL (`sqlite://path`, `postgres://...`, `redis://...`). */
  url: string;
  /** Aborts connecting. */
  signal?: AbortSignal;
}
