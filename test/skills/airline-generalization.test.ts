import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrajectories, importTrajectory } from '../../compiler/index.js';
import {
  AIRLINE_DIR,
  airlineManifest,
  evaluateLeaveOneOutLive,
  formatLeaveOneOutLive,
} from '../../skills/airline/index.js';

const native = (id: string): string => join(AIRLINE_DIR, 'trajectories', 'native', `${id}.json`);

// Issue 18's next-customer check on the native files: compile each shape without one customer,
// run the picked skill live for that customer, check the airline's state. The floor is what the
// trace compiler reaches today (goal 80% right, every failure foretold); it must not fall back.
describe('airline leave-one-out, live (issue 18)', () => {
  it('serves left-out customers right and foretells most failures in the stored evidence', async () => {
    const result = await evaluateLeaveOneOutLive('native');
    process.stdout.write(`airline generalization ${formatLeaveOneOutLive(result)}\n`);
    expect(result.folds).toHaveLength(17);
    expect(result.correct).toBeGreaterThanOrEqual(5);
    expect(result.unverified).toBe(0);
    // 0.75 since the replay inputs are drafted from pruned runs, as the compiler drafts them: before,
    // a `calculate` expression the skill never took counted as an input the request could not fill.
    expect(result.foretold / result.wrong).toBeGreaterThanOrEqual(0.75);
    // The cancellations picked by destination are right for customers who name a destination.
    const byDestination = result.folds.filter((fold) =>
      ['cancel-reservation-olivia', 'cancel-reservation-marcus', 'cancel-reservation-noor'].includes(
        fold.leftOut,
      ),
    );
    expect(byDestination.every((fold) => fold.isCorrect)).toBe(true);
  }, 120_000);
});

describe('selection rules on the airline files', () => {
  it('picks the reservation by the destination the user wrote, as an input, never by position', async () => {
    const { skills } = await compileTrajectories({
      files: [native('cancel-reservation-noor')],
      manifest: airlineManifest,
    });
    const skill = skills[0];
    expect(skill?.verification.isVerified).toBe(true);
    expect(skill?.source).toMatch(/\.find\(\(\w+(: any)?\) => \w+\.destination === input\.destination\)/);
    expect(skill?.source).toMatch(
      /tools\.cancel_reservation\(\{ reservation_id: found\w+\.reservation_id \}\)/,
    );
    expect(skill?.evidence?.verifiedInputs).toBe(1);
    expect(skill?.evidence?.assumptions).toContainEqual(
      expect.objectContaining({ subject: 'destination', value: 'JFK' }),
    );
  });

  it('takes the reservation id as an input and lists the assumption when no rule explains the pick', async () => {
    // Agent a looks reservations up one by one and stops at the match: nothing in the run says
    // why the first lookup was that reservation, so the honest skill asks for it.
    const { skills } = await compileTrajectories({
      files: [native('add-baggage-marcus')],
      manifest: airlineManifest,
    });
    const skill = skills[0];
    const text = readFileSync(native('add-baggage-marcus'), 'utf8');
    expect(importTrajectory(text, { manifest: airlineManifest }).steps.length).toBeGreaterThan(2);
    expect(skill?.source).not.toContain('reservations[0]');
    expect(skill?.source).toContain('input.reservationId');
    expect(skill?.evidence?.assumptions).toContainEqual(
      expect.objectContaining({ subject: 'reservationId', reason: expect.stringMatching(/^no rule found/) }),
    );
  });
});
