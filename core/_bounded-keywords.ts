// The two JSON Schema keywords whose stock ajv implementation can cost the caller unbounded time
// on one argument within the size cap: `pattern` (backtracking regexes) and `uniqueItems`
// (pairwise deep comparison of objects, quadratic). Both are replaced here with bounded ones.
import { setFlagsFromString } from 'node:v8';
import type { Ajv } from 'ajv';
import { stableJson } from './stable-json.js';

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

function isUnique(items: readonly unknown[]): boolean {
  const seen = new Set<string>();
  for (const item of items) {
    // Sorted keys: {a,b} and {b,a} are equal in JSON Schema. One pass, linear in the data.
    const key =
      typeof item === 'object' && item !== null ? stableJson(item) : `${typeof item}:${String(item)}`;
    if (seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

/** Replaces ajv's quadratic `uniqueItems` with a linear one. */
export function useLinearUniqueItems(ajv: Ajv): void {
  ajv.removeKeyword('uniqueItems');
  ajv.addKeyword({
    keyword: 'uniqueItems',
    type: 'array',
    schemaType: 'boolean',
    error: { message: 'must NOT have duplicate items' },
    validate: (schema: boolean, data: unknown[]) => !schema || isUnique(data),
  });
}
