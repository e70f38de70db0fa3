import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { BOUNDED_REGEXP, useLinearUniqueItems } from './_bounded-keywords.js';
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

type Dialect = 'draft-07' | '2020-12';
type Pass = 'first' | 'all';

// Manifests come from MCP servers and carry keywords ajv does not know; strict mode would reject
// them. Each dialect has two instances: `first` stops at the first error (what every check runs:
// its cost is bounded by the value), `all` lists every error, run only on small values, since on
// a 2 M-character argument it builds millions of error objects.
function createAjv(dialect: Dialect, pass: Pass): Ajv {
  const options: Options = {
    strict: false,
    allErrors: pass === 'all',
    validateFormats: true,
    code: { regExp: BOUNDED_REGEXP },
  };
  const instance = dialect === '2020-12' ? (new Ajv2020(options) as unknown as Ajv) : new Ajv(options);
  addFormats(instance);
  useLinearUniqueItems(instance);
  return instance;
}
const instances = new Map<string, Ajv>();
function ajvFor(dialect: Dialect, pass: Pass): Ajv {
  const key = `${dialect}/${pass}`;
  let instance = instances.get(key);
  if (!instance) instances.set(key, (instance = createAjv(dialect, pass)));
  return instance;
}

/** Issues reported per check, and characters per issue path and message. */
const maxIssues = 20;
const maxIssueChars = 300;
/** Values with more nodes than this get the first issue only (see `createAjv`). */
const maxNodesForAllErrors = 10_000;

// The dialect a schema declares; undeclared means 2020-12 (MCP's default), except for a schema
// written in draft-07-only syntax (array-form `items`, `additionalItems`, `dependencies`).
function dialectOf(schema: Record<string, unknown>, text: string): Dialect {
  const declared = schema['$schema'];
  if (typeof declared === 'string') return /draft-0[67]/.test(declared) ? 'draft-07' : '2020-12';
  return /"items":\[|"additionalItems":|"dependencies":/.test(text) ? 'draft-07' : '2020-12';
}

interface CompiledSchema {
  first: ValidateFunction;
  /** Compiled on the first failure of a small value. */
  all: () => ValidateFunction;
}

// Compiled checks by schema object, and by schema text for equal schemas in new objects (a stored
// skill's schemas are read afresh on every call). ajv would keep every schema object it compiled
// and claim its $id; each one is removed from ajv right after compiling, so these caches alone
// hold the checks, bounded.
const byObject = new WeakMap<object, CompiledSchema>();
const byText = new Map<string, CompiledSchema>();
const maxCompiledSchemas = 1000;

function compileWith(dialect: Dialect, pass: Pass, schema: Record<string, unknown>): ValidateFunction {
  const instance = ajvFor(dialect, pass);
  try {
    return instance.compile(schema);
  } finally {
    instance.removeSchema(schema);
  }
}

function compile(schema: Record<string, unknown>): CompiledSchema {
  let compiled = byObject.get(schema);
  if (compiled) return compiled;
  const text = JSON.stringify(schema);
  compiled = byText.get(text);
  if (compiled) {
    // Most recently used last: the oldest is the first evicted.
    byText.delete(text);
  } else {
    const dialect = dialectOf(schema, text);
    const first = compileWith(dialect, 'first', schema);
    let all: ValidateFunction | undefined;
    compiled = { first, all: () => (all ??= compileWith(dialect, 'all', schema)) };
  }
  byText.set(text, compiled);
  if (byText.size > maxCompiledSchemas) byText.delete(byText.keys().next().value as string);
  byObject.set(schema, compiled);
  return compiled;
}

/** Whether `value` has at most `max` nodes; stops counting past it, so the cost is bounded. */
function isSmall(value: unknown, max: number): boolean {
  const pending: unknown[] = [value];
  let count = 0;
  while (pending.length > 0) {
    if (++count > max) return false;
    const next = pending.pop();
    if (Array.isArray(next)) {
      // Checked before reading: a huge array must not be copied just to be found too big.
      if (pending.length + next.length > max) return false;
      for (const child of next) pending.push(child);
    } else if (typeof next === 'object' && next !== null) {
      for (const name in next) {
        if (pending.length >= max) return false;
        if (Object.hasOwn(next, name)) pending.push((next as Record<string, unknown>)[name]);
      }
    }
  }
  return true;
}

function cut(text: string): string {
  return text.length > maxIssueChars ? `${text.slice(0, maxIssueChars)}…` : text;
}

function toIssues(errors: ErrorObject[] | null | undefined): ValidationIssue[] {
  const all = errors ?? [];
  const issues = all.slice(0, maxIssues).map((error) => {
    const missing = error.keyword === 'required' ? `/${String(error.params['missingProperty'])}` : '';
    const extra =
      error.keyword === 'additionalProperties' ? `/${String(error.params['additionalProperty'])}` : '';
    return {
      path: cut(`${error.instancePath}${missing}${extra}` || '/'),
      message: cut(error.message ?? error.keyword),
    };
  });
  if (all.length > maxIssues)
    issues.push({ path: '/', message: `and ${all.length - maxIssues} more issues` });
  return issues;
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
  return (value) => {
    if (compiled.first(value)) return { ok: true, value: value as T };
    if (!isSmall(value, maxNodesForAllErrors)) return { ok: false, issues: toIssues(compiled.first.errors) };
    const all = compiled.all();
    // `first` failed, so `all` fails too; its errors list every issue.
    return all(value) ? { ok: true, value: value as T } : { ok: false, issues: toIssues(all.errors) };
  };
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
