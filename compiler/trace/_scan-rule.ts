import type { Trajectory } from '../import/index.js';
import {
  findPaths,
  isSameValue,
  isTrivialValue,
  primitiveLeaves,
  valueAtPath,
  type ValuePath,
} from './_values.js';
import { isUserWritten, userText } from './_draft-state.js';
import { coveringKeys } from './_covering-keys.js';

/** What one run's scan shows: the results it looked up, in order; the last is the match. */
export interface ScanEvidence {
  /** The run's position among the siblings. */
  trajectory: number;
  scanned: unknown[];
  /** What the user wrote: the task and later messages. */
  text: string;
  input: Record<string, unknown>;
  /** Values that cannot name the element: the lookup keys, and what earlier calls were given. */
  excluded: unknown[];
}

/** A property that names the matched element in every run's scan. */
export interface ScanRule {
  path: ValuePath;
  /** Each run's value at `path` in its match. */
  values: unknown[];
  /** Where every run's input holds the value. */
  fromInput?: ValuePath;
  /** Runs whose user wrote the value. */
  writtenIn: number;
  /** The value is a lookup key or was given to an earlier call: it explains nothing. */
  isExcluded: boolean;
}

// Short primitive properties of the match, top level and nested up to `flights[0].date`.
function propertyPaths(element: unknown): ValuePath[] {
  return primitiveLeaves(element)
    .filter((leaf) => leaf.path.length > 0 && leaf.path.length <= 3 && !isTrivialValue(leaf.value))
    .filter((leaf) => typeof leaf.value !== 'string' || leaf.value.length <= 40)
    .map((leaf) => leaf.path);
}

// A plain lower-case word (`yes`, `economy`) says what kind of element, never which one the user
// means: a chat's "yes, go ahead" would otherwise pick the reservation with insurance `yes`.
function isVocabulary(value: unknown): boolean {
  return typeof value === 'string' && /^[a-z]+$/.test(value);
}

function ruleAt(evidence: readonly ScanEvidence[], path: ValuePath): ScanRule | undefined {
  const values: unknown[] = [];
  let writtenIn = 0;
  for (const run of evidence) {
    const value = valueAtPath(run.scanned[run.scanned.length - 1], path);
    if (value === undefined || typeof value === 'object' || isTrivialValue(value)) return undefined;
    // The scan stopped at the first match: no element looked up before it may match too.
    if (run.scanned.slice(0, -1).some((other) => isSameValue(valueAtPath(other, path), value)))
      return undefined;
    values.push(value);
    if (isUserWritten(value, run.text) && !isVocabulary(value)) writtenIn++;
  }
  const lead = evidence[0] as ScanEvidence;
  const fromInput = findPaths(lead.input, values[0], 1)[0];
  const isFromInput =
    fromInput !== undefined &&
    fromInput.length > 0 &&
    evidence.every((run, index) => isSameValue(valueAtPath(run.input, fromInput), values[index]));
  const isExcluded = evidence.some((run, index) =>
    run.excluded.some((value) => isSameValue(value, values[index])),
  );
  return { path, values, writtenIn, isExcluded, ...(isFromInput ? { fromInput } : {}) };
}

/** Every property that singles each run's match out of what it looked up (in the lead's order). */
export function scanRules(evidence: readonly ScanEvidence[]): ScanRule[] {
  const lead = evidence[0];
  if (!lead) return [];
  const match = lead.scanned[lead.scanned.length - 1];
  return propertyPaths(match).flatMap((path) => ruleAt(evidence, path) ?? []);
}

// The properties whose value this run's user wrote and that single its match out: how the user
// named the element.
function namingPaths(run: ScanEvidence): Set<string> {
  const match = run.scanned[run.scanned.length - 1];
  const named = new Set<string>();
  for (const path of propertyPaths(match)) {
    const value = valueAtPath(match, path);
    if (!isUserWritten(value, run.text) || isVocabulary(value)) continue;
    if (run.excluded.some((excluded) => isSameValue(excluded, value))) continue;
    if (run.scanned.slice(0, -1).some((other) => isSameValue(valueAtPath(other, path), value))) continue;
    named.add(JSON.stringify(path));
  }
  return named;
}

/**
 * Runs whose users named the match by different properties (one a destination, another a date):
 * the fewest properties, most-named first, such that every run that named its match named it by one
 * of them, and for each the runs that use it. A run whose user named it by nothing (a city where the
 * match holds a code) takes the most-named property, as with one rule. Undefined when one property
 * would do or no run named the match.
 */
export function alternativeScanPaths(
  evidence: readonly ScanEvidence[],
): { path: ValuePath; runs: number[] }[] | undefined {
  const named = evidence.map(namingPaths);
  const chosen = coveringKeys(named);
  if (chosen.length < 2) return undefined;
  return chosen.map((key) => ({
    path: JSON.parse(key) as ValuePath,
    // Each run gives the first chosen property it named the element by, and only that one.
    runs: named.flatMap((paths, run) =>
      (chosen.find((own) => paths.has(own)) ?? chosen[0]) === key ? [run] : [],
    ),
  }));
}

/** True when some run's user named the element by a property (so runs may disagree on which). */
export function isNamedByUser(evidence: readonly ScanEvidence[]): boolean {
  return evidence.some((run) => namingPaths(run).size > 0);
}

/**
 * The rule a caller's value explains: a property equal to an input field, or to a value the user
 * wrote (in at least one run; the others, whose users named the element by nothing else, take it
 * as input), most runs first, shortest path first. A run whose user named the element by another
 * property (a date where the others said a city) selects differently: no written rule holds.
 */
export function explainedScanRule(
  rules: readonly ScanRule[],
  evidence: readonly ScanEvidence[],
): ScanRule | undefined {
  const named = evidence.map(namingPaths);
  const isAgreed = (rule: ScanRule): boolean =>
    named.every((paths) => paths.size === 0 || paths.has(JSON.stringify(rule.path)));
  const explained = rules.filter(
    (rule) => !rule.isExcluded && (rule.fromInput || (rule.writtenIn > 0 && isAgreed(rule))),
  );
  return [...explained].sort(
    (a, b) =>
      Number(b.fromInput !== undefined) - Number(a.fromInput !== undefined) ||
      b.writtenIn - a.writtenIn ||
      a.path.length - b.path.length,
  )[0];
}

/** What a run's scan of `steps` shows, for `scanRules`. */
export function scanEvidence(
  trajectory: Trajectory,
  position: number,
  steps: readonly number[],
  input: Record<string, unknown> = trajectory.input ?? {},
): ScanEvidence {
  const first = steps[0] ?? 0;
  const last = steps[steps.length - 1] ?? first;
  const given = trajectory.steps.slice(0, last + 1).flatMap((step) => primitiveLeaves(step.args));
  return {
    trajectory: position,
    scanned: steps.map((step) => trajectory.steps[step]?.result),
    text: userText(trajectory),
    input,
    excluded: given.map((leaf) => leaf.value).filter((value) => !isTrivialValue(value)),
  };
}
