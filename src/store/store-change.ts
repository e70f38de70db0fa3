import type { HistoryEventKind, SkillStatus } from './skill-record.js';

/** One change to the library, as the change feed reports it. */
export interface StoreChange {
  /** The change's place in the namespace's sequence, from 1. */
  sequence: number;
  /** A history event's kind, or `restored` (a skill loaded by `restore`/`importLibrary`). */
  kind: HistoryEventKind | 'restored';
  name: string;
  version: number;
  /** The status the version moved to, when the change moved one. */
  status?: SkillStatus;
}

/** What `changes` read: the current sequence number and the changes after the one asked for. */
export interface StoreChanges {
  /** The latest sequence number; pass it as `since` next time. */
  sequence: number;
  /** In order; an entry whose writer has not finished (or crashed) is left out, its number still counted. */
  changes: StoreChange[];
}

/** Options of `watch`. */
export interface WatchStoreOptions {
  /** Called with the new changes whenever the sequence moved, in this process or any other. */
  onChange: (changes: StoreChanges) => void;
  /** How often the feed is read, in ms: a change reaches every process within about this. @default 500 */
  intervalMs?: number;
  /** Called when a read fails (the watcher goes on polling). @default the error is dropped */
  onError?: (error: unknown) => void;
  /** Stops the watcher. */
  signal?: AbortSignal;
}

/** A running watch; `close()` stops it (idempotent). It also stops when the store closes. */
export interface StoreWatcher {
  readonly isClosed: boolean;
  close(): void;
  [Symbol.dispose](): void;
}
