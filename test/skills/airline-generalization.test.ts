import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrajectories, importTrajectory, type CompiledSkill } from '../../compiler/index.js';
import { defineTools, runSkill } from '../../sandbox/index.js';
import {
  AIRLINE_DIR,
  airlineManifest,
  checkAirlineEffect,
  compiledSkillInput,
  createAirline,
  findTaskShape,
  evaluateLeaveOneOutLive,
  formatLeaveOneOutLive,
} from '../../skills/airline/index.js';

const native = (id: string): string => join(AIRLINE_DIR, 'trajectories', 'native', `${id}.json`);

// Issue 18's next-customer check on the native files: compile each shape without one customer,
// run the picked skill live for that customer, check the airline's state. The floor is what the
// trace compiler reaches today (goal 80% right, every failure foretold); it must not fall back.
// The skill runs with the input that replayed its first trajectory (its verified case); until
// that was so, the input was re-drafted from the unpruned files, and inputs the skill does not
// have (`thought`, `expression` of scratch calls) counted as foretelling failures: 12 of 13 then,
// 9 of 12 measured with the skill's own input; with scans until the match 6/17 right and 8 of 11
// wrong foretold.
describe('airline leave-one-out, live (issue 18)', () => {
  it('serves left-out customers right and foretells most failures in the stored evidence', async () => {
    const result = await evaluateLeaveOneOutLive('native');
    process.stdout.write(`airline generalization ${formatLeaveOneOutLive(result)}\n`);
    expect(result.folds).toHaveLength(17);
    expect(result.correct).toBeGreaterThanOrEqual(6);
    expect(result.unverified).toBe(0);
    // Failures nobody was warned of must not grow (a ratio would fall when a foretold one is fixed):
    // measured 3 of 11 wrong, all bookings (amara, daniel, noor).
    expect(result.wrong - result.foretold).toBeLessThanOrEqual(3);
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

describe('scans until the reservation the user named, on the airline files', () => {
  it('folds agents a, b and c into one skill that stops at the match, right for held-out customers', async () => {
    const { skills } = await compileTrajectories({
      files: ['cancel-reservation-olivia', 'cancel-reservation-marcus', 'cancel-reservation-noor'].map(
        native,
      ),
      manifest: airlineManifest,
    });
    expect(skills).toHaveLength(1);
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toMatch(/if \(candidate\.destination === input\.destination\) \{[\s\S]*break;/);
    expect(skill.source).not.toMatch(/reservationId|reservations\[\d\]/);
    // Noor (agent c) looked up two reservations after her match: left out, with the reason.
    expect(skill.provenance.leftOut?.filter((step) => step.reason === 'scanned-past-match')).toEqual([
      {
        trajectoryId: 'cancel-reservation-noor',
        step: 3,
        tool: 'get_reservation_details',
        reason: 'scanned-past-match',
      },
      {
        trajectoryId: 'cancel-reservation-noor',
        step: 4,
        tool: 'get_reservation_details',
        reason: 'scanned-past-match',
      },
    ]);
    // Held out: Hannah's Seattle trip is the 1st of 2, Diego's Atlanta trip the 3rd of 3.
    const requests = (findTaskShape('cancel-reservation')?.heldOut ?? []).filter(
      (request) => request['destination'] !== undefined,
    );
    expect(requests.map((request) => request['user_id'])).toEqual(['hannah_cole_3307', 'diego_alvarez_6120']);
    for (const request of requests) {
      const airline = createAirline();
      const tools = defineTools(airline.definitions);
      const input = compiledSkillInput(skill, request, 'native');
      const run = await runSkill({ source: skill.bundle, input, tools, inputSchema: skill.inputSchema });
      expect(run.ok, JSON.stringify(run)).toBe(true);
      expect(checkAirlineEffect('cancel-reservation', request, airline.state)).toEqual({
        isCorrect: true,
        differences: [],
      });
    }
  }, 60_000);
});
