/**
 * Stable error codes of knack. Never rename a shipped code; callers branch on them.
 * Run outcomes (TIMEOUT, TOOL_NOT_ALLOWED, ...) are `RunErrorCode`s in results, not these.
 */
export type KnackErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_TRAJECTORY'
  | 'INVALID_MANIFEST'
  | 'INVALID_SKILL_REF'
  | 'INVALID_RECORD'
  | 'CLOSED'
  | 'DEPENDENCY_MISSING'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATUS_TRANSITION'
  | 'REVIEW_REQUIRED'
  | 'STORE_UNREACHABLE'
  | 'STORE_READ_FAILED'
  | 'STORE_WRITE_FAILED'
  | 'STORE_CORRUPT'
  | 'SANDBOX_FAILED'
  | 'PROVIDER_AUTH_FAILED'
  | 'PROVIDER_MODEL_NOT_FOUND'
  | 'PROVIDER_TIMEOUT'
  | 'PROVIDER_FAILED'
  | 'MCP_SERVER_FAILED'
  | 'MCP_TOOL_ERROR'
  | 'ABORTED'
  | 'DECLINED';

/** Where an error was found: the file, the trajectory step (1-based) and the field path. */
export interface ErrorLocation {
  file?: string;
  step?: number;
  field?: string;
  line?: number;
  column?: number;
}

/** Options of `KnackError`. */
export interface KnackErrorOptions {
  where?: ErrorLocation;
  cause?: unknown;
}

const brand = Symbol.for('knack.error');

/**
 * The one error class knack throws, for host misuse and broken hosts (bad arguments, use
 * after close, store down). Skill failures are returned as results, never thrown.
 */
export class KnackError extends Error {
  readonly code: KnackErrorCode;
  readonly where?: ErrorLocation;

  constructor(code: KnackErrorCode, message: string, options: KnackErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    if (options.where) this.where = options.where;
    // Set here rather than as a class field: a symbol-keyed field cannot be declared under
    // isolatedDeclarations, and the brand stays off the declared shape.
    Object.defineProperty(this, brand, { value: true });
  }

  /** True for a KnackError from any copy of the package (checks a global symbol brand). */
  static isInstance(value: unknown): value is KnackError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
  }
}
