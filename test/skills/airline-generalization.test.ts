import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileTrajectories, importTrajectory, type CompiledSkill } from '../../compiler/index.js';
import { defineTools, runSkill } from '../../sandbox/index.js';
import {
  AIRLINE_DIR,
  airlineManifest,
  airlineRunFacts,
  bindSkillInput,
  checkAirlineEffect,
  createAirline,
  findTaskShape,
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
    expect(result.folds).toHaveLength(20);
    // Measured 16 of 20 with a caller that knows the policy (the bags beyond the free allowance):
    // wrong are sofia's change (a refused gift card, then the visa: no sibling's payment failed),
    // daniel's connection, noor's sold-out flight and amara's booking (see the README). Every one
    // was foretold; failures nobody was warned of must stay none.
    expect(result.correct).toBeGreaterThanOrEqual(16);
    expect(result.unverified).toBe(0);
    expect(result.foretold).toBe(result.wrong);
    // Kenji and Maya named the trip to cancel by date, Kenji and Lena the trip for bags by airport
    // code, Sofia and Omar the trip to change too: each left out is served by the rule learnt from
    // the other (Sofia's own change fails on her refused card, above).
    const paired = result.folds.filter((fold) =>
      [
        'cancel-reservation-kenji',
        'cancel-reservation-maya',
        'add-baggage-kenji',
        'add-baggage-lena',
        'change-flight-omar',
      ].includes(fold.leftOut),
    );
    expect(paired).toHaveLength(5);
    expect(paired.map((fold) => [fold.leftOut, fold.isCorrect])).toEqual(
      paired.map((fold) => [fold.leftOut, true]),
    );
    // Customers who gave the reservation id, where no sibling did, are served by the id the skill
    // takes besides the description.
    const byId = result.folds.filter((fold) =>
      ['cancel-reservation-priya', 'change-flight-liam'].includes(fold.leftOut),
    );
    expect(byId.map((fold) => fold.isCorrect)).toEqual([true, true]);
    // The cancellations picked by destination are right for customers who name a destination.
    const byDestination = result.folds.filter((fold) =>
      ['cancel-reservation-olivia', 'cancel-reservation-marcus', 'cancel-reservation-noor'].includes(
        fold.leftOut,
      ),
    );
    expect(byDestination.every((fold) => fold.isCorrect)).toBe(true);
  }, 120_000);

  it("with only the customer's words, cannot fill the bags beyond the allowance, and says so before running", async () => {
    const result = await evaluateLeaveOneOutLive('native', 'words');
    process.stdout.write(`airline generalization ${formatLeaveOneOutLive(result)}\n`);
    // Measured 11 of 20: the five bag additions need `nonfreeBaggages`, which no customer says.
    expect(result.correct).toBeGreaterThanOrEqual(11);
    const bags = result.folds.filter((fold) => fold.shape === 'add-baggage');
    expect(bags.map((fold) => fold.reason)).toEqual(
      bags.map(() => 'needs nonfreeBaggages, which the request does not give'),
    );
    expect(result.foretold).toBe(result.wrong);
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

describe('values the next customer states differently, live on the airline', () => {
  it('adds the bags the customer asks for to the bags the reservation already has (derived, not baked)', async () => {
    const ids = ['add-baggage-ethan', 'add-baggage-kenji', 'add-baggage-marcus', 'add-baggage-sofia'];
    const { skills } = await compileTrajectories({ files: ids.map(native), manifest: airlineManifest });
    const skill = skills.find((candidate) => candidate.provenance.trajectoryIds.length === 4);
    expect(skill?.verification.isVerified).toBe(true);
    expect(skill?.source).toMatch(/total_baggages: \w+\.total_baggages \+ input\.totalBaggagesAdded/);
    // Held out: Liam adds 2 bags to his San Francisco trip; whatever it had, it gets 2 more.
    const request = findTaskShape('add-baggage')?.heldOut.find((facts) => facts['destination'] === 'SFO');
    if (!skill || !request) throw new Error('no skill or request');
    const { input } = bindSkillInput(skill, request);
    expect(input).toMatchObject({ destination: 'SFO', totalBaggagesAdded: 2 });
    const airline = createAirline();
    const before = structuredClone(airline.state.reservations);
    await runSkill({
      source: skill.bundle,
      input,
      tools: defineTools(airline.definitions),
      inputSchema: skill.inputSchema,
    });
    const changed = airline.state.reservations.filter(
      (reservation, index) => reservation.total_baggages !== before[index]?.total_baggages,
    );
    expect(changed).toHaveLength(1);
    const index = airline.state.reservations.indexOf(changed[0] as (typeof changed)[number]);
    expect(changed[0]?.destination).toBe('SFO');
    expect(changed[0]?.total_baggages).toBe((before[index]?.total_baggages ?? 0) + 2);
  }, 60_000);

  it('pays with the method the customer named in words ("gift card" names source gift_card)', async () => {
    const { skills } = await compileTrajectories({
      files: [native('book-flight-noor')],
      manifest: airlineManifest,
    });
    const skill = skills[0];
    expect(skill?.source).toContain('sameWords(payment_method.source, input.paymentMethodSource)');
    const facts = airlineRunFacts('book-flight-noor');
    const recorded = skill?.cases?.[0]?.input as Record<string, unknown> | undefined;
    if (!skill || !facts || !recorded) throw new Error('no skill');
    const airline = createAirline();
    const run = await runSkill({
      source: skill.bundle,
      input: { ...recorded, paymentMethodSource: 'Gift Card' },
      tools: defineTools(airline.definitions),
      inputSchema: skill.inputSchema,
    });
    expect(run.ok).toBe(true);
    const booked = airline.state.reservations[airline.state.reservations.length - 1];
    expect(booked?.payment_history[0]?.payment_id).toMatch(/^gift_card_/);
  }, 60_000);
});

describe('coincidences in a single run', () => {
  it('lists a small number taken from an input it merely equalled as an assumption', async () => {
    // Hana booked no bags: `nonfree_baggages` and `total_baggages` were both 0.
    const { skills } = await compileTrajectories({
      files: [native('book-flight-hana')],
      manifest: airlineManifest,
    });
    expect(skills[0]?.evidence?.assumptions).toContainEqual({
      subject: 'nonfree_baggages',
      value: 0,
      reason: 'taken from `input.totalBaggages`, equal (0) in the only recorded run',
    });
  }, 60_000);
});

describe('bindSkillInput', () => {
  it('fills inputs from the facts the request has, and names the ones it cannot fill', async () => {
    const { skills } = await compileTrajectories({
      files: [native('cancel-reservation-noor')],
      manifest: airlineManifest,
    });
    const skill = skills[0];
    if (!skill) throw new Error('no skill');
    const [hannah, , liam] = findTaskShape('cancel-reservation')?.heldOut ?? [];
    expect(bindSkillInput(skill, hannah ?? {})).toEqual({
      input: { userId: 'hannah_cole_3307', destination: 'SEA' },
      unfillable: [],
    });
    // Liam named his trip by date: the destination input is one the request cannot fill.
    const bound = bindSkillInput(skill, liam ?? {});
    expect(bound.input).toMatchObject({ userId: 'liam_oconnor_3390' });
    expect(bound.unfillable).toEqual(['destination']);
  }, 60_000);

  it('fills the card that worked from the fallback the customer named, and from the first choice without one', async () => {
    // Kenji's certificate and Sofia's gift card were refused; each run then paid with the visa.
    const { skills } = await compileTrajectories({
      files: ['add-baggage-kenji', 'add-baggage-marcus', 'add-baggage-sofia'].map(native),
      manifest: airlineManifest,
    });
    const skill = skills.find((candidate) => candidate.provenance.trajectoryIds.length === 3);
    if (!skill) throw new Error('no skill for the three runs');
    const inputs = (skill.cases ?? []).map((skillCase) => (skillCase.input ?? {}) as Record<string, unknown>);
    const brand = Object.keys(inputs[0] ?? {}).find((name) => /payment/i.test(name)) ?? '';
    expect(inputs.map((input) => input[brand])).toEqual(['visa', 'amex', 'visa']);
    const [noor] = findTaskShape('add-baggage')?.heldOut ?? [];
    expect(
      bindSkillInput(skill, { ...noor, payment: 'gift_card', fallback_payment: 'visa' }).input[brand],
    ).toBe('visa');
    expect(bindSkillInput(skill, { ...noor, payment: 'mastercard' }).input[brand]).toBe('mastercard');
  }, 60_000);

  it('fills the bags beyond the allowance only for a caller who knows the policy, never from a number equal by chance', async () => {
    // Ethan added 2 bags and 2 were not free; Marcus added 2, all free; Sofia added 1, 1 not free.
    // The non-free count is what the agent worked out by the policy, which no customer says.
    const { skills } = await compileTrajectories({
      files: ['add-baggage-ethan', 'add-baggage-marcus', 'add-baggage-sofia'].map(native),
      manifest: airlineManifest,
    });
    const skill = skills.find((candidate) => candidate.provenance.trajectoryIds.length === 3);
    if (!skill) throw new Error('no skill for the three runs');
    expect(skill.source).toContain('nonfree_baggages: input.nonfreeBaggages,');
    const [noor, liam] = findTaskShape('add-baggage')?.heldOut ?? [];
    // Noor (gold) adds 2 bags to a reservation with 1 in economy: 3 free, none to pay for.
    expect(bindSkillInput(skill, noor ?? {}, 'words').unfillable).toEqual(['nonfreeBaggages']);
    expect(bindSkillInput(skill, noor ?? {}, 'policy')).toMatchObject({
      input: { nonfreeBaggages: 0, totalBaggagesAdded: 2 },
      unfillable: [],
    });
    // Liam (silver) adds 2 to a reservation with 1 in economy: 2 free, 1 to pay for.
    expect(bindSkillInput(skill, liam ?? {}).input['nonfreeBaggages']).toBe(1);
  }, 60_000);
});

describe('a payment picked by card brand, on the airline files', () => {
  it('also names a gift card (no brand) by its source, and pays with it live', async () => {
    // Every recorded change paid with a card named by brand (Sofia's refused gift card left out).
    const ids = ['ethan', 'liam', 'olivia', 'sofia'].map((name) => native(`change-flight-${name}`));
    const { skills } = await compileTrajectories({ files: ids, manifest: airlineManifest });
    const skill = skills[0] as CompiledSkill;
    expect(skill.provenance.trajectoryIds).toHaveLength(4);
    expect(skill.source).toMatch(
      /sameWords\(payment_method\.brand, [^)]+\) \|\| sameWords\(payment_method\.source, /,
    );
    // Noor (held out) pays with her gift card: the right card is charged, nothing else changes.
    const noor = findTaskShape('change-flight')?.heldOut.find((facts) => facts['payment'] === 'gift_card');
    if (!noor) throw new Error('no held-out gift-card request');
    const airline = createAirline();
    const run = await runSkill({
      source: skill.bundle,
      input: bindSkillInput(skill, noor).input,
      tools: defineTools(airline.definitions),
      inputSchema: skill.inputSchema,
    });
    expect(run.ok, JSON.stringify(run)).toBe(true);
    expect(checkAirlineEffect('change-flight', noor, airline.state)).toEqual({
      isCorrect: true,
      differences: [],
    });
  }, 60_000);
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
    expect(skill.source).toMatch(
      /if \(input\.destination !== undefined \? candidate\.destination === input\.destination : candidate\.reservation_id === input\.reservationId\) \{[\s\S]*break;/,
    );
    expect(skill.source).not.toMatch(/reservations\[\d\]/);
    // The id is one more way to name the trip, never an input the destination runs had to fill.
    expect(skill.inputSchema).toMatchObject({
      anyOf: [{ required: ['destination'] }, { required: ['reservationId'] }],
    });
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
      const { input } = bindSkillInput(skill, request);
      const run = await runSkill({ source: skill.bundle, input, tools, inputSchema: skill.inputSchema });
      expect(run.ok, JSON.stringify(run)).toBe(true);
      expect(checkAirlineEffect('cancel-reservation', request, airline.state)).toEqual({
        isCorrect: true,
        differences: [],
      });
    }
  }, 60_000);
});

describe('alternative inputs in a scan, on the airline files', () => {
  it('folds customers who named the trip by destination or by date into one skill that takes either', async () => {
    const ids = ['olivia', 'kenji', 'marcus', 'noor'].map((name) => `cancel-reservation-${name}`);
    const { skills } = await compileTrajectories({ files: ids.map(native), manifest: airlineManifest });
    expect(skills).toHaveLength(1);
    const skill = skills[0] as CompiledSkill;
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.source).toContain(
      'input.destination !== undefined ? candidate.destination === input.destination : input.date !== undefined ? candidate.flights[0].date === input.date : candidate.reservation_id === input.reservationId',
    );
    // The schema says which combinations suffice: a destination, a date, or the reservation's id.
    expect(skill.inputSchema).toMatchObject({
      anyOf: [{ required: ['destination'] }, { required: ['date'] }, { required: ['reservationId'] }],
    });
    // Held out: Hannah and Diego name a destination, Liam a date; each trip is cancelled, no other.
    for (const request of findTaskShape('cancel-reservation')?.heldOut ?? []) {
      const airline = createAirline();
      const { input, unfillable } = bindSkillInput(skill, request);
      expect(unfillable).toEqual([]);
      const run = await runSkill({
        source: skill.bundle,
        input,
        tools: defineTools(airline.definitions),
        inputSchema: skill.inputSchema,
      });
      expect(run.ok, JSON.stringify(run)).toBe(true);
      expect(checkAirlineEffect('cancel-reservation', request, airline.state).isCorrect).toBe(true);
    }
    // Neither given: refused before any call, nothing cancelled.
    const airline = createAirline();
    const before = structuredClone(airline.state);
    const refused = await runSkill({
      source: skill.bundle,
      input: { userId: 'liam_oconnor_3390' },
      tools: defineTools(airline.definitions),
      inputSchema: skill.inputSchema,
    });
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.code).toBe('INVALID_INPUT');
    expect(airline.state).toEqual(before);
  }, 60_000);
});
