import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { exceedsJsonDepth } from './json-depth.js';
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';

/** A JSON Schema (draft 2020-12 or 07), as found in MCP tool listings. */
export type JsonSchema = Record<string, unknown> | boolean;

/** One reason a value does not match its schema. `path` is a JSON Pointer (`/items/0/id`). */
export interface ValidationIssue {
  path: string;
  message: string;
}

/** The outcome of checking an unknown value against a schema. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/** A compiled schema check. */
export type Validator<T> = (value: unknown) => ValidationResult<T>;

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as unknown as (instance: Ajv) => Ajv;

// Manifests come from MCP servers and carry keywords ajv does not know; strict mode would reject them.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
// Compiled checks by schema object, and by schema text for equal schemas in new objects (a stored
// skill's schemas are read afresh on every call). ajv would keep every schema object it compiled
// and claim its $id; each one is removed from ajv right after compiling, so these caches alone
// hold the checks, bounded.
const byObject = new WeakMap<object, ValidateFunction>();
const byText = new Map<string, ValidateFunction>();
const maxCompiledSchemas = 1000;

function compile(schema: Record<string, unknown>): ValidateFunction {
  let validate = byObject.get(schema);
  if (validate) return validate;
  const text = JSON.stringify(schema);
  validate = byText.get(text);
  if (validate) {
    // Most recently used last: the oldest is the first evicted.
    byText.delete(text);
  } else {
    validate = ajv.compile(schema);
    ajv.removeSchema(schema);
  }
  byText.set(text, validate);
  if (byText.size > maxCompiledSchemas) byText.delete(byText.keys().next().value as string);
  byObject.set(schema, validate);
  return validate;
}

function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
    const extra =
      error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    return {
      path: `${error.instancePath}${missing}${extra}` || '/',
      message: error.message ?? error.keyword,
    };
  });
}

/**
 * Compiles `schema` once (cached per schema object and per schema text) into a validator that
 * returns issues instead of throwing.
 * @throws KnackError-free: an invalid schema throws ajv's own error; wrap it at your boundary.
 */
export function createValidator<T = unknown>(schema: JsonSchema): Validator<T> {
  if (typeof schema === 'boolean') {
    return (value) =>
      schema
        ? { ok: true, value: value as T }
        : { ok: false, issues: [{ path: '/', message: 'no value is allowed' }] };
  }
  const compiled = compile(schema);
  return (value) =>
    compiled(value) ? { ok: true, value: value as T } : { ok: false, issues: toIssues(compiled.errors) };
}

/** Formats issues as one line: "`/id` must be string; `/qty` must be >= 1". */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `\`${issue.path}\` ${issue.message}`).join('; ');
}

/** The outcome of `safeParseJson`. */
export type ParseJsonResult<T> =
  | { ok: true; value: T }
  | { ok: false; message: string; line?: number; column?: number; issues?: ValidationIssue[] };

/**
 * Parses JSON text and, when a validator is given, checks the value; never throws.
 * Syntax errors carry the 1-based line and column.
 */
export function safeParseJson<T = unknown>(text: string, validator?: Validator<T>): ParseJsonResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    // JSON.parse does not always report a position on Node 20; jsonc-parser finds the offset. It
    // recurses once per level, so deeply nested (often hostile) text gets no position.
    const errors: ParseError[] = [];
    if (!exceedsJsonDepth(text)) {
      try {
        parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
      } catch {
        errors.length = 0;
      }
    }
    const first = errors[0];
    if (!first) return { ok: false, message: error instanceof Error ? error.message : String(error) };
    const before = text.slice(0, first.offset).split('\n');
    const line = before.length;
    const column = (before[before.length - 1]?.length ?? 0) + 1;
    return {
      ok: false,
      message: `${printParseErrorCode(first.error)
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()} at line ${line}, column ${column}`,
      line,
      column,
    };
  }
  if (!validator) return { ok: true, value: value as T };
  const checked = validator(value);
  if (checked.ok) return checked;
  return { ok: false, message: formatIssues(checked.issues), issues: checked.issues };
}
