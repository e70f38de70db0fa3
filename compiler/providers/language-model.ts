/** One turn of a conversation with a model. The system prompt travels separately. */
export interface ModelMessage {
  role: 'user' | 'assistant';
  content: string;
}

/** Tokens one call consumed, as reported by the provider (0 when it reports none). */
export interface ModelUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What `LanguageModel.generate` is asked. */
export interface GenerateOptions {
  system: string;
  messages: readonly ModelMessage[];
  /** Aborts the call; the SDK request is cancelled and `ABORTED` is thrown. */
  signal?: AbortSignal;
  /** Wall-clock limit of the whole call, retries and back-off waits included, in ms. Overrides the model's default. */
  timeoutMs?: number;
}

/** What one `generate` call produced and cost. */
export interface GenerateResult {
  text: string;
  usage: ModelUsage;
  /** Wall-clock time of the call, retries included, in ms. */
  latencyMs: number;
  /** HTTP requests sent for this call: 1 plus the retries the SDK made. */
  httpRequests: number;
  /** The provider's request id of the answered request, when it sent one. */
  requestId?: string;
}

/**
 * A chat model as knack uses it: a system prompt and messages in, text out. A small, versioned
 * spec (STYLE rule 21): changing it is a version bump.
 */
export interface LanguageModel {
  readonly specificationVersion: 'v1';
  /** `openai`, `openai-compatible` or `anthropic`. */
  readonly provider: string;
  readonly modelId: string;
  /**
   * Sends one request (retried by the SDK on 429, 5xx and connection errors).
   * @throws KnackError `PROVIDER_AUTH_FAILED`, `PROVIDER_MODEL_NOT_FOUND`, `PROVIDER_TIMEOUT`,
   * `PROVIDER_FAILED` (a `ProviderCallError`), `ABORTED`, `DEPENDENCY_MISSING`.
   */
  generate(options: GenerateOptions): Promise<GenerateResult>;
}

/** Settings every provider factory takes. */
export interface ProviderSettings {
  /** Wall-clock limit of one `generate` call, retries included, in ms. @default 60000 */
  timeoutMs?: number;
  /** Retries after a 429, 5xx or connection error, with exponential back-off and jitter, honouring `retry-after`. @default 2 */
  maxRetries?: number;
  /** Most tokens the model may write per call. @default 4096 */
  maxOutputTokens?: number;
  /** Sampling temperature. @default the server's own (some models accept no other) */
  temperature?: number;
  /** The fetch the SDK uses (record mode wraps it). @default globalThis.fetch */
  fetch?: typeof globalThis.fetch;
}

/** Provider defaults, shared so every adapter behaves alike. */
export const PROVIDER_DEFAULTS = {
  timeoutMs: 60_000,
  maxRetries: 2,
  maxOutputTokens: 4096,
} as const;
