import type { Expr, Scope } from './_expr.js';
import type { Segment } from './_segments.js';
import { isUserWritten } from './_draft-state.js';
import { valueAtPath, type ValuePath } from './_values.js';

/**
 * A structural test on an earlier result that sends a run down one branch: a list empty or not, a
 * list longer or shorter than a constant, or an enum-like field (`status`, `type`) equal to a value.
 */
export type BranchCondition =
  | { kind: 'empty'; list: Expr; isEmpty: boolean }
  | { kind: 'length'; list: Expr; op: '>' | '<='; count: number }
  | { kind: 'equals'; value: Expr; equals: string | boolean }
  /** The caller gave an optional input (`input.reservationId !== undefined`): runs that named the target another way took another path. */
  | { kind: 'given'; input: string };

/** Which sibling runs a condition must tell apart, and what it may read. */
export interface ConditionQuery {
  /** Scopes of the runs that must satisfy the condition. */
  inside: readonly Scope[];
  /** Scopes of the runs that must not, by the step they took next. */
  outside: readonly (readonly Scope[])[];
  /** Segments before the divergence (their results are readable). */
  prefix: readonly Segment[];
  /** What the users wrote, per run of either side: their values are inputs, never branch tests. */
  texts: readonly string[];
}

// Words of keys that carry identity, time or free text: a test on them fits the runs it came from
// (`name === "Noah"`) and generalizes to nobody.
const identityWords = new Set(
  (
    'id ids uuid name names first last full email phone address street city zip postal date time dob birth ' +
    'birthday at number code token key url description note notes message text comment title label reason'
  ).split(' '),
);

/** True for a key whose values name one thing (`user_id`, `firstName`, `city`), not a kind of thing. */
export function isIdentityKey(key: string): boolean {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => identityWords.has(word));
}

// Lower-case or upper-case words joined by `_`/`-` (`available`, `one_way`, `CANCELLED`).
/** A status or type word (`economy`, `ON_HOLD`) or a flag: what a rule may test, unlike a count or a name. */
export function isEnumLike(value: unknown): value is string | boolean {
  if (typeof value === 'boolean') return true;
  return (
    typeof value === 'string' &&
    value.length <= 32 &&
    /^([a-z]+([_-][a-z]+)*|[A-Z]+([_-][A-Z]+)*)$/.test(value)
  );
}

/** Object paths (no array positions: a test on `[0]` is a positional pick) up to depth 3. */
function objectPaths(root: unknown, path: ValuePath = []): ValuePath[] {
  const found: ValuePath[] = [path];
  if (typeof root !== 'object' || root === null || Array.isArray(root) || path.length >= 3) return found;
  for (const [key, child] of Object.entries(root)) found.push(...objectPaths(child, [...path, key]));
  return found;
}

function listCondition(
  list: Expr,
  inside: unknown[][],
  outside: unknown[][],
  allowsCount: boolean,
): BranchCondition | undefined {
  const sizes = (lists: unknown[][]): number[] => lists.map((items) => items.length);
  const [inSizes, outSizes] = [sizes(inside), sizes(outside)];
  if (inSizes.every((size) => size === 0) && outSizes.every((size) => size > 0))
    return { kind: 'empty', list, isEmpty: true };
  if (inSizes.every((size) => size > 0) && outSizes.every((size) => size === 0))
    return { kind: 'empty', list, isEmpty: false };
  // A count threshold only on the result just read, and with two runs on one side at least:
  // on older results, or between two single runs, it fits by chance.
  if (!allowsCount) return undefined;
  if (Math.min(...inSizes) > Math.max(...outSizes))
    return { kind: 'length', list, op: '>', count: Math.max(...outSizes) };
  if (Math.max(...inSizes) < Math.min(...outSizes))
    return { kind: 'length', list, op: '<=', count: Math.max(...inSizes) };
  return undefined;
}

// The values differ between the groups and agree within each; one group at least has two runs
// that agree (two single runs that differ in a field are no evidence that the field decides).
function fieldCondition(
  value: Expr,
  key: string | number | undefined,
  inside: unknown[],
  outside: unknown[][],
  texts: readonly string[],
): BranchCondition | undefined {
  const wanted = inside[0];
  if (typeof key !== 'string' || isIdentityKey(key) || !isEnumLike(wanted)) return undefined;
  const groups = [inside, ...outside];
  if (!groups.every((group) => group.every((found) => isEnumLike(found) && found === group[0])))
    return undefined;
  if (!outside.every((group) => group[0] !== wanted)) return undefined;
  if (!groups.some((group) => group.length >= 2)) return undefined;
  // A value the user wrote is the user's choice: an input, not a branch test.
  if (typeof wanted === 'string' && texts.some((text) => isUserWritten(wanted, text))) return undefined;
  return { kind: 'equals', value, equals: wanted };
}

function segmentConditions(query: ConditionQuery, index: number): BranchCondition[] {
  const read = (scopes: readonly Scope[], path: ValuePath): unknown[] =>
    scopes.map((scope) => valueAtPath(scope.results[index], path));
  const isLast = index === query.prefix.length - 1;
  const lists: BranchCondition[] = [];
  const fields: BranchCondition[] = [];
  for (const path of objectPaths(query.inside[0]?.results[index])) {
    const ref: Expr = { kind: 'ref', root: { type: 'segment', index }, path };
    const inside = read(query.inside, path);
    const outside = query.outside.map((group) => read(group, path));
    if ([...inside, ...outside.flat()].every((value) => Array.isArray(value))) {
      const isEvidence = [inside, ...outside].some((group) => group.length >= 2);
      const found = listCondition(
        ref,
        inside as unknown[][],
        outside.flat() as unknown[][],
        isLast && isEvidence,
      );
      if (found) lists.push(found);
    } else if (isLast) {
      const found = fieldCondition(ref, path[path.length - 1], inside, outside, query.texts);
      if (found) fields.push(found);
    }
  }
  const order = (condition: BranchCondition): number => (condition.kind === 'empty' ? 0 : 1);
  return [...lists.filter((c) => order(c) === 0), ...fields, ...lists.filter((c) => order(c) === 1)];
}

/**
 * The condition on a result before the divergence that holds in every run of `inside` and in none
 * of `outside`; the latest result first (the one the agent just read), then older ones, where only
 * an empty list counts. Never a test on an identity value or on what a user wrote.
 */
export function findBranchCondition(query: ConditionQuery): BranchCondition | undefined {
  for (let index = query.prefix.length - 1; index >= 0; index--) {
    if (query.prefix[index]?.list) continue;
    const found = segmentConditions(query, index)[0];
    if (found) return found;
  }
  return undefined;
}
