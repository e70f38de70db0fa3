import type { KnackError } from '../../sandbox/index.js';

/** Which of the two stop reasons fired, for the error mapper. */
export interface StopFlags {
  isDeadlineHit: boolean;
  isCallerAbort: boolean;
}

/** Options of `callWithDeadline`. */
export interface CallWithDeadlineOptions<T> {
  timeoutMs: number;
  signal?: AbortSignal;
  baseFetch?: typeof globalThis.fetch;
  /** Sends the request through the SDK, with our signal and a fetch that counts HTTP requests. */
  send: (context: { signal: AbortSignal; fetch: typeof globalThis.fetch }) => Promise<T>;
  mapError: (error: unknown, flags: StopFlags) => KnackError;
}

/** The value of the call with what it cost. */
export interface DeadlineCallResult<T> {
  value: T;
  latencyMs: number;
  httpRequests: number;
}

/**
 * Runs one SDK call under a wall-clock deadline that covers the SDK's retries and back-off waits,
 * and under the caller's signal. Errors come out mapped to KnackErrors.
 */
export async function callWithDeadline<T>(
  options: CallWithDeadlineOptions<T>,
): Promise<DeadlineCallResult<T>> {
  const flags: StopFlags = { isDeadlineHit: false, isCallerAbort: false };
  if (options.signal?.aborted) {
    flags.isCallerAbort = true;
    throw options.mapError(options.signal.reason, flags);
  }
  const controller = new AbortController();
  let httpRequests = 0;
  const base = options.baseFetch ?? globalThis.fetch;
  const countingFetch: typeof globalThis.fetch = (input, init) => {
    httpRequests += 1;
    return base(input, init);
  };
  const onCallerAbort = (): void => {
    flags.isCallerAbort = true;
    controller.abort();
  };
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  const timer = setTimeout(() => {
    flags.isDeadlineHit = true;
    controller.abort();
  }, options.timeoutMs);
  // The SDK sleeps between retries without watching the signal, so we stop waiting ourselves.
  const stopped = new Promise<never>((_resolve, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const started = performance.now();
  const sending = options.send({ signal: controller.signal, fetch: countingFetch });
  // After a stop the SDK still rejects later (APIUserAbortError); that outcome is already decided.
  sending.catch(() => undefined);
  stopped.catch(() => undefined);
  try {
    const value = await Promise.race([sending, stopped]);
    return { value, latencyMs: Math.round(performance.now() - started), httpRequests };
  } catch (error) {
    throw options.mapError(error, flags);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
  }
}
