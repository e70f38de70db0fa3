import { KnackError } from '../../core/index.js';
import { ProviderCallError } from './provider-call-error.js';

type ErrorClass = abstract new (...args: never[]) => Error;

/** What the mapper needs to know about the call that failed. */
export interface SdkErrorContext {
  provider: string;
  modelId: string;
  /** Where the endpoint lives (base URL), for messages. Never contains a key. */
  endpoint: string;
  /** The env var that holds the key, named in auth failures. */
  keyEnvVar: string;
  timeoutMs: number;
  /** True when our own deadline fired (the SDK then reports a user abort). */
  isDeadlineHit: boolean;
  /** True when the caller's signal fired. */
  isCallerAbort: boolean;
  /** The SDK's error classes, so we branch on types, not on messages. */
  classes: { timeout: ErrorClass; connection: ErrorClass };
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

// The body message the server sent, cut short: it can echo parts of the request, never the key.
function serverMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 200 ? `${message.slice(0, 200)}…` : message;
}

/** Turns an error thrown by an SDK call into the KnackError a caller can branch on. */
export function mapSdkError(error: unknown, context: SdkErrorContext): KnackError {
  const where = `${context.provider}:${context.modelId} at ${context.endpoint}`;
  if (context.isCallerAbort)
    return new KnackError('ABORTED', `The call to ${where} was aborted.`, { cause: error });
  if (context.isDeadlineHit || error instanceof context.classes.timeout) {
    return new ProviderCallError(
      'PROVIDER_TIMEOUT',
      `${where} did not answer within ${context.timeoutMs} ms. Raise timeoutMs or check the server.`,
      { isRetryable: true, cause: error },
    );
  }
  if (error instanceof context.classes.connection) {
    return new ProviderCallError('PROVIDER_FAILED', `Cannot reach ${where}. Is the server running?`, {
      isRetryable: true,
      cause: error,
    });
  }
  const statusCode = statusOf(error);
  if (statusCode === 401 || statusCode === 403) {
    return new ProviderCallError(
      'PROVIDER_AUTH_FAILED',
      `${where} refused the credentials (HTTP ${statusCode}). Check ${context.keyEnvVar} or the apiKey option.`,
      { statusCode, isRetryable: false, cause: error },
    );
  }
  if (statusCode === 404) {
    return new ProviderCallError(
      'PROVIDER_MODEL_NOT_FOUND',
      `${where} does not know model "${context.modelId}" (HTTP 404). Check the model id in KNACK_MODEL or the model option.`,
      { statusCode, isRetryable: false, cause: error },
    );
  }
  const isRetryable =
    statusCode === undefined || statusCode === 408 || statusCode === 429 || statusCode >= 500;
  return new ProviderCallError(
    'PROVIDER_FAILED',
    `${where} failed${statusCode === undefined ? '' : ` with HTTP ${statusCode}`}: ${serverMessage(error)}`,
    { ...(statusCode === undefined ? {} : { statusCode }), isRetryable, cause: error },
  );
}
