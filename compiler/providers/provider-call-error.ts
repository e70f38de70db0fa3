import { KnackError, type KnackErrorCode } from '../../core/index.js';

/** Options of `ProviderCallError`. */
export interface ProviderCallErrorOptions {
  /** HTTP status of the last response, when the endpoint answered. */
  statusCode?: number;
  /** Whether a later call may succeed (429, 5xx, connection errors, timeouts). */
  isRetryable: boolean;
  cause?: unknown;
}

/**
 * A model endpoint call that failed after the SDK's retries. Carries the HTTP status and whether
 * trying again later may help. Its message never contains keys or prompts.
 */
export class ProviderCallError extends KnackError {
  readonly statusCode?: number;
  readonly isRetryable: boolean;

  constructor(code: KnackErrorCode, message: string, options: ProviderCallErrorOptions) {
    super(code, message, { cause: options.cause });
    if (options.statusCode !== undefined) this.statusCode = options.statusCode;
    this.isRetryable = options.isRetryable;
  }
}
