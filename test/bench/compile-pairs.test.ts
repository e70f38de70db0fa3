// The pairs figure's judge (issue 17): a fold counts only when every value the user typed stays an
// input. Checked on a real compiled airline skill and on the same skill with the customer baked in.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrajectories } from '../../compiler/index.js';
import { AIRLINE_DIR, airlineManifest } from '../../skills/airline/index.js';
import { bakedUserValues, compilePairs, isPairKept } from '../../bench/_compile-pairs.js';

const said =
  'Hey, can you cancel a trip for me?\nSure: noor_haddad_2290\nThe trip to New York (JFK), 2 bags, the 07:45 one.';

describe('bakedUserValues', () => {
  it('finds a customer id, a destination, a time and a count the user typed as literals of the code', async () => {
    const file = join(AIRLINE_DIR, 'trajectories', 'native', 'cancel-reservation-noor.json');
    const { skills } = await compileTrajectories({ files: [file], manifest: airlineManifest });
    const source = skills[0]?.source ?? '';
    expect(source).toContain('input.userId');
    expect(bakedUserValues(source, [said])).toEqual([]);
    const baked = source
      .replace('{ user_id: input.userId }', '{ user_id: "noor_haddad_2290", total: 2 }')
      .replace('=== input.destination', '=== "jfk" && "07:45:00" !== "x"');
    expect(bakedUserValues(baked, [said])).toEqual(['noor_haddad_2290', '2', 'jfk', '07:45:00']);
  });

  it('ignores indexes, thrown messages and literals nobody typed', () => {
    const source = [
      'export default async function f(input: { a: string }, tools: any): Promise<unknown> {',
      '  const list = await tools.x({ cabin: "economy", id: input.a });',
      '  if (!list[2]) throw new Error("No element with destination \\"JFK\\" was found: 2");',
      '  return list[2];',
      '}',
    ].join('\n');
    expect(bakedUserValues(source, [said])).toEqual([]);
  });
});

describe('compilePairs', () => {
  it('compiles every pair of runs of one shape and keeps the folds that bake no user value', async () => {
    const outcomes = await compilePairs('native');
    // 6 cancel runs (15 pairs), 5 change and 5 baggage runs (10 pairs each), 4 bookings (6 pairs).
    expect(outcomes).toHaveLength(41);
    expect(new Set(outcomes.map((outcome) => outcome.shape)).size).toBe(4);
    const kept = outcomes.filter(isPairKept);
    // Measured 37 of 41 (`npm run bench -- compile`), issue 17's goal is 75%; a floor, so folding
    // cannot fall back unseen, and none of the folds may bake a value the user typed.
    expect(kept.length).toBeGreaterThanOrEqual(37);
    // The runs where the customer gave the reservation id fold with those who described the trip.
    const idFirst = kept.filter((outcome) =>
      outcome.ids.some((id) => id === 'cancel-reservation-priya' || id === 'change-flight-liam'),
    );
    expect(idFirst.length).toBeGreaterThanOrEqual(5);
    expect(outcomes.filter((outcome) => outcome.bakedUserValues.length > 0)).toEqual([]);
    for (const outcome of kept) expect(outcome.skill).toMatch(/^[a-z][a-z0-9_]*$/);
  }, 120_000);
});
