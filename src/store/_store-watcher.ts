import { KnackError } from '../../core/index.js';
import type { StoreChanges, StoreWatcher, WatchStoreOptions } from './store-change.js';

/** Polls `read(since)` every `intervalMs` and reports each move of the sequence once. */
export function createStoreWatcher(
  read: (since: number) => Promise<StoreChanges>,
  options: WatchStoreOptions,
): StoreWatcher {
  if (typeof options?.onChange !== 'function')
    throw new KnackError('INVALID_ARGUMENT', 'watch needs `onChange`: a function called with new changes.', {
      where: { field: 'onChange' },
    });
  const intervalMs = options.intervalMs ?? 500;
  if (!Number.isFinite(intervalMs) || intervalMs < 10)
    throw new KnackError('INVALID_ARGUMENT', `watch: \`intervalMs\` must be 10 or more, got ${intervalMs}.`, {
      where: { field: 'intervalMs' },
    });
  let since: number | undefined;
  let isReading = false;
  let isClosed = false;
  const poll = async (): Promise<void> => {
    // A slow read is not overlapped by the next tick: it resumes from where it got.
    if (isReading || isClosed) return;
    isReading = true;
    try {
      const result = await read(since ?? Number.MAX_SAFE_INTEGER);
      if (since !== undefined && result.sequence > since && !isClosed) options.onChange(result);
      since = result.sequence;
    } catch (error) {
      if (KnackError.isInstance(error) && error.code === 'CLOSED') close();
      else options.onError?.(error);
    } finally {
      isReading = false;
    }
  };
  // Unref'd: a watcher alone does not keep the process alive.
  const timer = setInterval(() => void poll(), intervalMs).unref();
  function close(): void {
    isClosed = true;
    clearInterval(timer);
    options.signal?.removeEventListener('abort', close);
  }
  if (options.signal?.aborted) close();
  options.signal?.addEventListener('abort', close, { once: true });
  void poll();
  return {
    get isClosed() {
      return isClosed;
    },
    close,
    [Symbol.dispose]: close,
  };
}
