import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createValidator } from '../../core/index.js';
import { compileTrajectories } from '../../compiler/index.js';
import type { ToolCallContext } from '../../sandbox/index.js';
import {
  AIRLINE_DIR,
  airlineManifest,
  airlineRuns,
  checkAirlineEffect,
  createAirline,
  createAirlineSeed,
  expectedAirlineState,
  listAirlineFiles,
  recordAirlineTrajectories,
  taskShapes,
  type Airline,
} from '../../skills/airline/index.js';

const context: ToolCallContext = { step: 1, signal: new AbortController().signal };

function call(airline: Airline, tool: string, args: unknown): unknown {
  const definition = airline.definitions[tool];
  if (!definition) throw new Error(`no tool ${tool}`);
  return definition.handler(args, context);
}

describe('airlineManifest', () => {
  it('matches the committed manifest.json', async () => {
    const json: unknown = JSON.parse(await readFile(join(AIRLINE_DIR, 'manifest.json'), 'utf8'));
    expect(json).toEqual(airlineManifest);
  });

  it('has 10+ tools like real logs: scratch tools, some untyped results, some read-only hints', () => {
    const names = airlineManifest.map((entry) => entry.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    expect(names).toEqual(
      expect.arrayContaining(['think', 'calculate', 'cancel_reservation', 'book_reservation']),
    );
    const untyped = airlineManifest
      .filter((entry) => entry.outputSchema === undefined)
      .map((entry) => entry.name);
    expect(untyped).toEqual(
      expect.arrayContaining(['get_user_details', 'search_direct_flight', 'cancel_reservation']),
    );
    const readOnly = airlineManifest
      .filter((entry) => entry.annotations?.readOnlyHint)
      .map((entry) => entry.name);
    expect(readOnly).toEqual(expect.arrayContaining(['think', 'calculate', 'get_reservation_details']));
    // Read-only tools without the hint, as in manifests that carry no annotations.
    expect(readOnly).not.toContain('search_direct_flight');
    for (const entry of airlineManifest) {
      expect(entry.description?.length, entry.name).toBeGreaterThan(10);
      expect(entry.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
    }
  });

  it('has one definition per manifest entry', () => {
    expect(Object.keys(createAirline().definitions).sort()).toEqual(names().sort());
  });
});

const names = (): string[] => airlineManifest.map((entry) => entry.name);

describe('airline tools', () => {
  it('refuse arguments their inputSchema rejects, naming the field', () => {
    const airline = createAirline();
    expect(() => call(airline, 'get_user_details', { user_id: 7 })).toThrow(
      /get_user_details: invalid arguments.*user_id/,
    );
    expect(() => call(airline, 'search_direct_flight', { origin: 'JFK', destination: 'LAX' })).toThrow(
      /date/,
    );
    expect(() =>
      call(airline, 'search_direct_flight', { origin: 'jfk', destination: 'LAX', date: '2026-05-20' }),
    ).toThrow(/origin/);
    expect(() => call(airline, 'cancel_reservation', { reservation_id: 'K2M9QA', reason: 'x' })).toThrow(
      /additional/,
    );
    const validate = createValidator(
      airlineManifest.find((entry) => entry.name === 'book_reservation')!.inputSchema,
    );
    expect(validate({ user_id: 'x' }).ok).toBe(false);
  });

  it('answer like a real API: lookups, searches, scratch tools and errors', () => {
    const airline = createAirline();
    expect(call(airline, 'get_user_details', { user_id: 'olivia_reyes_4102' })).toMatchObject({
      reservations: ['K2M9QA', 'P7DW3X', 'ZT4HRN'],
      membership: 'regular',
    });
    expect(() => call(airline, 'get_reservation_details', { reservation_id: 'k2m9qa' })).toThrow(
      'Reservation k2m9qa not found.',
    );
    const direct = call(airline, 'search_direct_flight', {
      origin: 'JFK',
      destination: 'LAX',
      date: '2026-05-20',
    });
    expect((direct as { flight_number: string }[]).map((flight) => flight.flight_number)).toEqual([
      'SW101',
      'SW102',
      'SW103',
    ]);
    expect(
      call(airline, 'search_direct_flight', { origin: 'BOS', destination: 'SEA', date: '2026-05-23' }),
    ).toEqual([]);
    expect(
      call(airline, 'search_onestop_flight', { origin: 'BOS', destination: 'SEA', date: '2026-05-23' }),
    ).toHaveLength(3);
    expect(call(airline, 'calculate', { expression: '(116 - 106) * 2 + 0.5' })).toBe('20.5');
    expect(() => call(airline, 'calculate', { expression: 'process.exit()' })).toThrow(/Invalid expression/);
    expect(call(airline, 'think', { thought: 'hmm' })).toBe('');
    expect(call(airline, 'get_flight_status', { flight_number: 'SW101', date: '2026-05-10' })).toEqual({
      flight_number: 'SW101',
      date: '2026-05-10',
      status: 'landed',
    });
  });

  it('change the state by the policy: refunds, balances, seats, clock and ids', () => {
    const airline = createAirline();
    const giftCard = () => airline.state.users[0]?.payment_methods[1]?.amount;
    expect(giftCard()).toBe(120);
    const cancelled = call(airline, 'cancel_reservation', { reservation_id: 'P7DW3X' }) as { status: string };
    expect(cancelled.status).toBe('cancelled');
    expect(giftCard()).toBeGreaterThan(120);
    expect(() => call(airline, 'cancel_reservation', { reservation_id: 'P7DW3X' })).toThrow(
      /already cancelled/,
    );
    expect(() => call(airline, 'cancel_reservation', { reservation_id: 'Y8BN4K' })).toThrow(
      /already departed/,
    );
    expect(airline.state.now).toBe('2026-05-14T09:01:00');
    const booking = {
      user_id: 'noor_haddad_2290',
      origin: 'SFO',
      destination: 'DEN',
      flight_type: 'one_way',
      cabin: 'economy',
      flights: [{ flight_number: 'SW201', date: '2026-05-22' }],
      passengers: [{ first_name: 'Noor', last_name: 'Haddad', dob: '1992-07-21' }],
      payment_methods: [{ payment_id: 'gift_card_3307712', amount: 1 }],
      total_baggages: 0,
      nonfree_baggages: 0,
      insurance: 'no',
    };
    expect(() => call(airline, 'book_reservation', booking)).toThrow(/does not add up/);
    expect(() =>
      call(airline, 'book_reservation', { ...booking, payment_methods: [{ payment_id: 'visa', amount: 1 }] }),
    ).toThrow('Payment method visa not found.');
    const price = createAirlineSeed().flights.find((flight) => flight.flight_number === 'SW201')?.dates[
      '2026-05-22'
    ]?.prices.economy;
    expect(() =>
      call(airline, 'book_reservation', {
        ...booking,
        payment_methods: [{ payment_id: 'gift_card_3307712', amount: price }],
      }),
    ).toThrow(/Not enough seats on flight SW201/);
    expect(airline.state.now).toBe('2026-05-14T09:01:00');
  });

  it('is deterministic and independent per instance', () => {
    const first = createAirline();
    call(first, 'cancel_reservation', { reservation_id: 'P7DW3X' });
    expect(createAirline().state).toEqual(createAirlineSeed());
    expect(createAirline(first.state).state).toEqual(first.state);
  });
});

describe('task shapes and the effect check', () => {
  it('has 4+ shapes of 3+ customers each, served by 2+ agents, with 2+ held-out requests', () => {
    expect(taskShapes.length).toBeGreaterThanOrEqual(4);
    for (const shape of taskShapes) {
      expect(new Set(shape.runs.map((run) => run.facts['user_id'])).size, shape.name).toBeGreaterThanOrEqual(
        3,
      );
      expect(new Set(shape.runs.map((run) => run.agent)).size, shape.name).toBeGreaterThanOrEqual(2);
      expect(shape.heldOut.length, shape.name).toBeGreaterThanOrEqual(2);
      const seen = new Set(shape.runs.map((run) => JSON.stringify(run.facts)));
      for (const request of shape.heldOut) expect(seen.has(JSON.stringify(request))).toBe(false);
    }
  });

  it('says every recorded conversation left the airline as the policy asks, whatever the agent', async () => {
    const { playConversation } = await import('../../skills/airline/_conversation-runner.js');
    for (const run of airlineRuns) {
      const { airline } = playConversation((agent) =>
        run.shape.converse(agent, run.facts, run.agent, run.voice),
      );
      expect(checkAirlineEffect(run.shape.name, run.facts, airline.state), run.id).toEqual({
        isCorrect: true,
        differences: [],
      });
    }
  });

  it('computes a changed state for every held-out request, and flags a run that changed nothing', () => {
    for (const shape of taskShapes) {
      for (const request of shape.heldOut) {
        const expected = expectedAirlineState(shape.name, request);
        expect(expected, `${shape.name} ${request['user_id']}`).not.toEqual(createAirlineSeed());
        const check = checkAirlineEffect(shape.name, request, createAirlineSeed());
        expect(check.isCorrect).toBe(false);
        expect(check.differences.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('demoDomain', () => {
  it('tours the OpenAI chats, with held-out requests bound onto each skill input', async () => {
    const { demoDomain } = await import('../../skills/airline/demo-domain.js');
    expect(demoDomain.manifest).toBe(airlineManifest);
    expect(await demoDomain.trajectoryFiles()).toHaveLength(airlineRuns.length);
    const ids = ['cancel-reservation-olivia'];
    const files = ids.map((id) => join(AIRLINE_DIR, 'trajectories', 'openai', `${id}.json`));
    const { skills } = await compileTrajectories({ files, manifest: airlineManifest });
    const skill = skills[0];
    if (!skill) throw new Error('no skill');
    // Hannah, Diego and Liam, each bound onto the skill's own input names.
    const inputs = demoDomain.heldOutInputsFor(ids, skill);
    expect(inputs.map((input) => input['userId'])).toEqual([
      'hannah_cole_3307',
      'diego_alvarez_6120',
      'liam_oconnor_3390',
    ]);
    expect(demoDomain.heldOutInputsFor(['refund-damaged-8812'], skill)).toEqual([]);
  });
});

describe('recorded files', () => {
  const scratch = mkdtemp(join(tmpdir(), 'knack-airline-'));
  afterAll(async () => rm(await scratch, { recursive: true, force: true }));

  it('are exactly what re-recording against the live airline writes', async () => {
    const dir = await scratch;
    const written = await recordAirlineTrajectories(dir);
    expect(written).toEqual(await listAirlineFiles());
    for (const file of written) {
      const [now, committed] = await Promise.all([
        readFile(join(dir, file), 'utf8'),
        readFile(join(AIRLINE_DIR, file), 'utf8'),
      ]);
      expect(now, `${file} differs: run npx tsx skills/airline/record-trajectories.ts`).toBe(committed);
    }
  });
});
