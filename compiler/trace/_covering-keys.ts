/**
 * How runs named one thing, by keys (properties): the fewest keys, the most-used first (shorter
 * first on ties), such that every run with a key holds one of them. Each run not yet covered adds
 * its own most-used key. Runs with no key are left out.
 * @example coveringKeys([new Set(['destination']), new Set(['date']), new Set(['destination'])]) // ['destination', 'date']
 */
export function coveringKeys(named: readonly ReadonlySet<string>[]): string[] {
  const counts = new Map<string, number>();
  for (const keys of named) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const ordered = [...counts.entries()]
    .sort(([a, left], [b, right]) => right - left || a.length - b.length)
    .map(([key]) => key);
  const chosen = new Set<string>();
  for (const keys of named) {
    if ([...chosen].some((key) => keys.has(key))) continue;
    const next = ordered.find((key) => keys.has(key));
    if (next !== undefined) chosen.add(next);
  }
  return ordered.filter((key) => chosen.has(key));
}
