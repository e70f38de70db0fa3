import { beforeAll, describe, expect, it } from 'vitest';
import { compileTrajectories, type CompileResult, type CompiledSkill } from '../../compiler/index.js';
import { airlineManifest, airlineTrajectoryFiles } from '../../skills/airline/index.js';

// Issue 18, item 3: Daniel found no direct flight and booked a connection; Amara and Hana booked a
// direct flight. Noor searched direct flights twice (a retry after `Not enough seats`): that is a
// repeated call, not another path, so her run stays a skill of its own.
describe('branch folding on the airline book-flight chats', () => {
  let result: CompileResult;
  const skillOf = (id: string): CompiledSkill | undefined =>
    result.skills.find((skill) => skill.provenance.trajectoryIds.includes(id));
  beforeAll(async () => {
    const files = (await airlineTrajectoryFiles('openai')).filter((file) => file.includes('/book-flight-'));
    result = await compileTrajectories({ files, manifest: airlineManifest });
  }, 60_000);

  it('folds the direct and the one-stop bookings into one verified skill behind `directFlight.length === 0`', () => {
    const folded = skillOf('book-flight-daniel');
    expect(folded?.verification.isVerified).toBe(true);
    expect(folded?.provenance.trajectoryIds.sort()).toEqual([
      'book-flight-amara',
      'book-flight-daniel',
      'book-flight-hana',
    ]);
    expect(folded?.source).toContain('if (directFlight.length === 0) {');
    expect(folded?.source).toContain('// The path the run book-flight-daniel took.');
    expect(folded?.source).toContain('// The path the runs book-flight-amara, book-flight-hana took.');
    // Inputs only the one-stop path needs are optional, and that path checks them first.
    expect(folded?.source).toMatch(/\n {2}insurance\?: "yes" \| "no";/);
    expect(folded?.source).toContain('if (input.insurance === undefined) throw new Error(');
    // The flight the customer named is found once per path, though two arguments read it (its
    // number and its price): one comparison, one const.
    const directPath = folded?.source.split('// The path the runs book-flight-amara')[1] ?? '';
    expect(directPath.match(/directFlight\.find\(/g)).toHaveLength(1);
  });

  it("lists what the one-run path takes on trust as that path's assumptions", () => {
    const folded = skillOf('book-flight-daniel');
    const reasons = (folded?.evidence?.assumptions ?? []).map(
      (assumption) => `${assumption.subject}: ${assumption.reason}`,
    );
    // Daniel's connection is the only run on its path: its amount and passenger count are his.
    expect(reasons).toContain('amount: in the only recorded run (on the path book-flight-daniel took)');
    expect(reasons).toContain(
      'passengers: 2 items in the only recorded run; a request with another number is not served (on the path book-flight-daniel took)',
    );
  });

  it("keeps two paths' assumptions on one argument apart, each with its own reason", async () => {
    // Without Amara, Hana is alone on the direct path: her `nonfree_baggages` (0) equals her
    // `totalBaggages` (0) by chance, while Daniel's 0 is a constant. Both are said, per path.
    const files = (await airlineTrajectoryFiles('openai')).filter((file) =>
      /book-flight-(daniel|hana)\.json$/.test(file),
    );
    const { skills } = await compileTrajectories({ files, manifest: airlineManifest });
    const reasons = (skills[0]?.evidence?.assumptions ?? [])
      .filter((assumption) => assumption.subject === 'nonfree_baggages')
      .map((assumption) => assumption.reason);
    expect(reasons).toEqual([
      'in the only recorded run (on the path book-flight-daniel took)',
      'taken from `input.totalBaggages`, equal (0) in the only recorded run (on the path book-flight-hana took)',
    ]);
  }, 60_000);

  it('keeps the retried search apart and says why', () => {
    const noor = skillOf('book-flight-noor');
    expect(noor?.verification.isVerified).toBe(true);
    expect(noor?.provenance.trajectoryIds).toEqual(['book-flight-noor']);
    const split = noor?.diagnostics.find((diagnostic) => diagnostic.code === 'SPLIT');
    expect(split?.message).toContain(
      'book-flight-noor and book-flight-amara, book-flight-hana call the same tools after call 2, only more or fewer times',
    );
    expect(result.skills).toHaveLength(2);
  });
});
