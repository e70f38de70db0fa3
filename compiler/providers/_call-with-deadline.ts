import type { KnackError } from '../../core/index.js';

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
  const started = performance.now();
  const countingFetch: typeof globalThis.fetch = async (input, init) => {
    httpRequests += 1;
    const response = await base(input, init);
    return refuseRetryPastDeadline(response, options.timeoutMs - (performance.now() - started));
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

function retryAfterMs(headers: Headers): number | undefined {
  const milliseconds = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (!Number.isNaN(milliseconds)) return milliseconds;
  const value = headers.get('retry-after');
  if (value === null) return undefined;
  const seconds = Number.parseFloat(value);
  return Number.isNaN(seconds) ? Date.parse(value) - Date.now() : seconds * 1000;
}

// The SDK sleeps out `retry-after` on a timer nobody can cancel; a wait past our deadline would
// keep a CLI process alive after we gave up. Telling the SDK not to retry fails the call now.
function refuseRetryPastDeadline(response: Response, remainingMs: number): Response {
  const isRetryStatus = response.status === 408 || response.status === 429 || response.status >= 500;
  const waitMs = isRetryStatus ? retryAfterMs(response.headers) : undefined;
  if (waitMs === undefined || waitMs <= remainingMs) return response;
  const headers = new Headers(response.headers);
  headers.set('x-should-retry', 'false');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
