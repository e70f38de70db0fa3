// The two JSON Schema keywords whose stock ajv implementation can cost the caller unbounded time
// on one argument within the size cap: `pattern` (backtracking regexes) and `uniqueItems`
// (pairwise deep comparison of objects, quadratic). Both are replaced here with bounded ones.
import { setFlagsFromString } from 'node:v8';
import type { Ajv } from 'ajv';

// V8's linear-time regexp engine (the `l` flag) matches in time linear in the input; the flag
// only makes `l` recognised and changes no other regexp of the process.
let isLinearEngineOn = false;
function linearEngine(): boolean {
  if (!isLinearEngineOn) {
    try {
      setFlagsFromString('--enable-experimental-regexp-engine');
      // eslint-disable-next-line no-invalid-regexp -- `l` exists once the flag above is set.
      isLinearEngineOn = new RegExp('a', 'l').flags.includes('l');
    } catch {
      isLinearEngineOn = false;
    }
  }
  return isLinearEngineOn;
}

/** Longest string a pattern that needs the backtracking engine is checked against. */
export const MAX_BACKTRACKING_INPUT_CHARS = 10_000;

/**
 * Whether a quantified group itself holds a quantifier or an alternation (`(a+)+`, `(a|aa)*`):
 * the shapes whose backtracking grows exponentially with the input.
 */
export function hasNestedQuantifier(pattern: string): boolean {
  const stack: boolean[] = [];
  let isRisky = false;
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index];
    if (char === '\\') {
      index++;
    } else if (char === '[') {
      for (index++; index < pattern.length && pattern[index] !== ']'; index++) {
        if (pattern[index] === '\\') index++;
      }
    } else if (char === '(') {
      stack.push(isRisky);
      isRisky = false;
      // Group syntax (`(?:`, `(?=`, `(?<name>`) is not a quantifier.
      if (pattern[index + 1] === '?') index++;
    } else if (char === ')') {
      const inner: boolean = isRisky;
      isRisky = stack.pop() ?? false;
      const next = pattern[index + 1];
      if (inner && (next === '*' || next === '+' || next === '{')) return true;
      isRisky ||= inner;
    } else if (char === '*' || char === '+' || char === '{' || char === '?' || char === '|') {
      isRisky = true;
    }
  }
  return false;
}

/** Unicode-only syntax: under the linear engine (no `u` flag) these would mean something else. */
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: ASCII or not.
const needsUnicode = /[^\x00-\x7f]|\\[pPu]/;

/**
 * The regexp engine ajv compiles `pattern` and `patternProperties` with: V8's linear engine
 * where the pattern allows it; otherwise the backtracking engine on strings up to
 * MAX_BACKTRACKING_INPUT_CHARS (a longer string does not match). A pattern of exponential shape
 * that the linear engine cannot take is refused when the schema compiles.
 */
function boundedRegExp(pattern: string, flags: string): { test(text: string): boolean; toString(): string } {
  if (linearEngine() && !needsUnicode.test(pattern)) {
    try {
      // eslint-disable-next-line no-invalid-regexp -- `l` exists once linearEngine() set V8's flag.
      return new RegExp(pattern, 'l');
    } catch {
      // Backreferences, lookarounds, large counted repeats: the backtracking engine below.
    }
  }
  if (hasNestedQuantifier(pattern)) {
    throw new Error(
      `pattern ${JSON.stringify(pattern)} nests quantifiers and cannot be matched in bounded time; rewrite it without a repeated group that repeats inside`,
    );
  }
  const regExp = new RegExp(pattern, flags);
  return {
    test: (text) => text.length <= MAX_BACKTRACKING_INPUT_CHARS && regExp.test(text),
    // ajv caches compiled patterns by `toString()`: each wrapper must name its own pattern, or
    // every wrapped pattern of a schema would share the first one's check.
    toString: () => `bounded:${regExp.toString()}`,
  };
}
/** Ajv's `code.regExp` option: see `boundedRegExp`. */
export const BOUNDED_REGEXP: typeof boundedRegExp & { code: string } = Object.assign(boundedRegExp, {
  // Standalone code would call it as `new RegExp`; knack compiles schemas in process only.
  code: 'new RegExp',
});

/**
 * Most values (items and everything nested in them) one `uniqueItems` check reads. Within it the
 * check takes a few milliseconds (about 15 ms when the items hold megabytes of text, about what
 * parsing that text cost); an array holding more fails with a message saying so, rather than
 * costing the caller's thread time in proportion to a hostile argument.
 */
export const MAX_UNIQUE_ITEMS_VALUES = 20_000;

/** Deepest nesting inside an item the check reads (a recursion bound, far above real data). */
export const MAX_UNIQUE_ITEMS_DEPTH = 1_000;

class TooManyValues extends Error {}

/**
 * A key equal for JSON-Schema-equal values (object keys sorted), counting each value read.
 * Strings are length-prefixed rather than escaped: unambiguous, and no copy of a long string.
 */
function uniqueKey(value: unknown, budget: { left: number }, depth = 0): string {
  if (--budget.left < 0 || depth > MAX_UNIQUE_ITEMS_DEPTH) throw new TooManyValues();
  if (typeof value === 'string') return `s${value.length}:${value}`;
  if (typeof value !== 'object' || value === null) return String(value);
  if (Array.isArray(value)) {
    let key = '[';
    for (const item of value) key += uniqueKey(item, budget, depth + 1) + ',';
    return key + ']';
  }
  const names = Object.keys(value).sort();
  let key = '{';
  for (const name of names) {
    key += `s${name.length}:${name}:${uniqueKey((value as Record<string, unknown>)[name], budget, depth + 1)},`;
  }
  return key + '}';
}

/** True when unique, false on a duplicate, undefined when the array holds too many values to check. */
function isUnique(items: readonly unknown[]): boolean | undefined {
  if (items.length > MAX_UNIQUE_ITEMS_VALUES) return undefined;
  // Strings, numbers, booleans and null are told apart by the set itself; objects and arrays by
  // their keys, in a set of their own (a key is a string and must not meet a string item).
  const seen = new Set<unknown>();
  const seenKeys = new Set<string>();
  const budget = { left: MAX_UNIQUE_ITEMS_VALUES };
  try {
    for (const item of items) {
      if (typeof item === 'object' && item !== null) {
        const key = uniqueKey(item, budget);
        if (seenKeys.has(key)) return false;
        seenKeys.add(key);
      } else {
        if (seen.has(item)) return false;
        seen.add(item);
      }
    }
  } catch (error) {
    if (error instanceof TooManyValues) return undefined;
    throw error;
  }
  return true;
}

type UniqueItemsCheck = ((schema: boolean, data: unknown[]) => boolean) & {
  errors?: { keyword: string; message: string; params: Record<string, unknown> }[];
};

/**
 * Replaces ajv's quadratic `uniqueItems` with a linear one that reads at most
 * MAX_UNIQUE_ITEMS_VALUES values, MAX_UNIQUE_ITEMS_DEPTH levels deep (arrays holding more fail
 * with a message saying so).
 */
export function useLinearUniqueItems(ajv: Ajv): void {
  ajv.removeKeyword('uniqueItems');
  const validate: UniqueItemsCheck = (schema, data) => {
    if (!schema) return true;
    const verdict = isUnique(data);
    if (verdict === true) return true;
    validate.errors = [
      verdict === false
        ? { keyword: 'uniqueItems', message: 'must NOT have duplicate items', params: {} }
        : {
            keyword: 'uniqueItems',
            message: `holds more than ${MAX_UNIQUE_ITEMS_VALUES} values or nests deeper than ${MAX_UNIQUE_ITEMS_DEPTH} levels, too many to check uniqueItems on`,
            params: { limit: MAX_UNIQUE_ITEMS_VALUES },
          },
    ];
    return false;
  };
  ajv.addKeyword({ keyword: 'uniqueItems', type: 'array', schemaType: 'boolean', errors: true, validate });
}
