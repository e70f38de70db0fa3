import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import { checkSkill, draftSkill, type CompiledSkill, type Trajectory } from '../../../compiler/index.js';
import { defineTools, runSkill } from '../../../sandbox/index.js';

// A small wallet desk: an account with payment methods and trips; paying and setting bags.
const manifest: ToolManifestEntry[] = [
  {
    name: 'get_account',
    inputSchema: { type: 'object', properties: { user_id: { type: 'string' } }, required: ['user_id'] },
    outputSchema: {
      type: 'object',
      properties: {
        payment_methods: {
          type: 'array',
          items: {
            type: 'object',
            properties: { id: { type: 'string' }, source: { type: 'string' }, brand: { type: 'string' } },
            required: ['id', 'source'],
          },
        },
        trips: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: { type: 'string' },
              city: { type: 'string' },
              bags: { type: 'number' },
              status: { type: 'string' },
            },
            required: ['id', 'city', 'bags'],
          },
        },
      },
      required: ['payment_methods', 'trips'],
    },
  },
  {
    name: 'set_bags',
    inputSchema: {
      type: 'object',
      properties: {
        trip_id: { type: 'string' },
        total_bags: { type: 'number' },
        payment_id: { type: 'string' },
      },
      required: ['trip_id', 'total_bags', 'payment_id'],
    },
    outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
  },
];

interface Method {
  id: string;
  source: string;
  brand?: string;
}
interface Trip {
  id: string;
  city: string;
  bags: number;
  status?: string;
}

const card = (id: string, brand: string): Method => ({ id, source: 'credit_card', brand });
const gift = (id: string): Method => ({ id, source: 'gift_card' });

function addBags(
  id: string,
  words: string,
  account: { payment_methods: Method[]; trips: Trip[] },
  trip: Trip,
  added: number,
  method: Method,
): Trajectory {
  return {
    id,
    task: 'Hi, I want to add bags to my trip.',
    context: [`user ${id}_1`, `${added} more bags on the ${trip.city} trip`, words],
    steps: [
      { tool: 'get_account', args: { user_id: `${id}_1` }, result: account },
      {
        tool: 'set_bags',
        args: { trip_id: trip.id, total_bags: trip.bags + added, payment_id: method.id },
        result: { ok: true },
      },
    ],
    outcome: 'success',
  };
}

async function compile(
  trajectories: Trajectory[],
): Promise<{ draft: ReturnType<typeof draftSkill>; skill: CompiledSkill }> {
  const draft = draftSkill({ trajectories, manifest });
  const replayable = trajectories.map((trajectory) => ({
    ...trajectory,
    input: draft.inputs.get(trajectory.id),
  }));
  return { draft, skill: await checkSkill({ source: draft.source, manifest, trajectories: replayable }) };
}

// Runs the skill for a customer none of the runs had, against live handlers; returns the call made.
async function runFor(
  skill: CompiledSkill,
  account: { payment_methods: Method[]; trips: Trip[] },
  input: Record<string, unknown>,
): Promise<{ ok: boolean; call?: unknown; error?: string }> {
  let call: unknown;
  const [getAccount, setBags] = manifest as [ToolManifestEntry, ToolManifestEntry];
  const tools = defineTools({
    get_account: { inputSchema: getAccount.inputSchema, handler: () => account },
    set_bags: {
      inputSchema: setBags.inputSchema,
      handler: (args: unknown) => {
        call = args;
        return { ok: true };
      },
    },
  });
  const run = await runSkill({ source: skill.bundle, input, tools, inputSchema: skill.inputSchema });
  return run.ok ? { ok: true, call } : { ok: false, error: run.error.message };
}

const trips = (bags: number): Trip[] => [
  { id: 'T1', city: 'Lima', bags: 0 },
  { id: 'T2', city: 'Oslo', bags },
];

describe('draftSkill for the next customer: one rule over the properties siblings named an element by', () => {
  const ana = addBags(
    'ana',
    'My Mastercard.',
    { payment_methods: [card('c-1', 'visa'), card('c-2', 'mastercard')], trips: trips(1) },
    { id: 'T2', city: 'Oslo', bags: 1 },
    2,
    card('c-2', 'mastercard'),
  );
  const ben = addBags(
    'ben',
    'my gift card',
    { payment_methods: [card('c-3', 'visa'), gift('g-4')], trips: trips(2) },
    { id: 'T2', city: 'Oslo', bags: 2 },
    1,
    gift('g-4'),
  );
  const cai = addBags(
    'cai',
    'visa please',
    { payment_methods: [gift('g-5'), card('c-6', 'visa')], trips: trips(0) },
    { id: 'T2', city: 'Oslo', bags: 0 },
    3,
    card('c-6', 'visa'),
  );

  it('picks the payment method by brand or source with one input, compared as words', async () => {
    const { draft, skill } = await compile([ana, ben, cai]);
    expect(draft.source).toContain(
      'sameWords(payment_method.brand, input.paymentMethod) || sameWords(payment_method.source, input.paymentMethod)',
    );
    expect(draft.source).toContain('function sameWords(value: unknown, words: unknown): boolean');
    expect(draft.inputs.get('ben')).toMatchObject({ paymentMethod: 'gift_card' });
    expect(draft.inputs.get('ana')).toMatchObject({ paymentMethod: 'mastercard' });
    expect(skill.verification.isVerified).toBe(true);
    // A new customer says "Gift Card": the gift card is paid with, wherever it sits in the list.
    const account = { payment_methods: [card('c-7', 'amex'), gift('g-8')], trips: trips(0) };
    const run = await runFor(skill, account, { ...draft.inputs.get('ana'), paymentMethod: 'Gift Card' });
    expect(run).toMatchObject({ ok: true, call: { payment_id: 'g-8' } });
    const missing = await runFor(skill, account, { ...draft.inputs.get('ana'), paymentMethod: 'discover' });
    expect(missing.error).toContain('No payment_method with brand or source "discover" was found.');
  });

  it('says so when a property was seen in one run only', async () => {
    const { draft } = await compile([ana, ben, cai]);
    expect(draft.assumptions).toContainEqual(
      expect.objectContaining({
        subject: 'paymentMethod',
        reason: expect.stringMatching(/`brand` \(2 runs\) or `source` \(1 run\)/),
      }),
    );
  });

  it('keeps the property every sibling named the element by, and names brand-less ones by source', async () => {
    const { draft, skill } = await compile([ana, cai]);
    // Both paid by a card's brand ("Mastercard", "visa"); Cai's list also held a gift card, which
    // has no brand: it is named by its source, as Ben named his.
    expect(draft.source).toContain(
      'payment_methods.find((payment_method) => sameWords(payment_method.brand, input.paymentMethodBrand) || sameWords(payment_method.source, input.paymentMethodBrand))',
    );
    expect(skill.verification.isVerified).toBe(true);
    const account = { payment_methods: [card('c-7', 'amex'), gift('g-8')], trips: trips(0) };
    const paid = await runFor(skill, account, {
      ...draft.inputs.get('ana'),
      paymentMethodBrand: 'gift card',
    });
    expect(paid).toMatchObject({ ok: true, call: { payment_id: 'g-8' } });
  });

  it('compares with `===` when the users wrote the values as recorded and every element has them', async () => {
    const lower = { ...ana, context: ['user ana_1', '2 more bags on the Oslo trip', 'my mastercard'] };
    const cards = addBags(
      'cai',
      'visa please',
      { payment_methods: [card('c-5', 'amex'), card('c-6', 'visa')], trips: trips(0) },
      { id: 'T2', city: 'Oslo', bags: 0 },
      3,
      card('c-6', 'visa'),
    );
    const { draft } = await compile([lower, cards]);
    expect(draft.source).toContain('payment_method.brand === input.paymentMethodBrand');
    expect(draft.source).not.toContain('sameWords');
  });

  it('keeps the card every sibling named the same ("visa") an input: the next customer may say another', async () => {
    const visa = (id: string, first: Method): Trajectory =>
      addBags(
        id,
        'visa please',
        { payment_methods: [first, card(`v-${id}`, 'visa')], trips: trips(1) },
        { id: 'T2', city: 'Oslo', bags: 1 },
        2,
        card(`v-${id}`, 'visa'),
      );
    const { draft } = await compile([visa('dan', card('m-1', 'mastercard')), visa('eva', gift('g-2'))]);
    expect(draft.source).not.toContain('"visa"');
    expect(draft.source).toMatch(/sameWords\(payment_method\.brand, input\.\w+\)/);
    expect(draft.inputs.get('eva')).toMatchObject({ paymentMethodBrand: 'visa' });
  });

  it('derives the new bag count from the trip’s bags and the number the user wrote, in every sibling', async () => {
    const { draft, skill } = await compile([ana, ben, cai]);
    expect(draft.source).toMatch(/total_bags: \w+\.bags \+ input\.totalBagsAdded/);
    expect(draft.inputs.get('ana')).toMatchObject({ totalBagsAdded: 2 });
    expect(draft.inputs.get('cai')).toMatchObject({ totalBagsAdded: 3 });
    expect(skill.verification.isVerified).toBe(true);
    // Another customer already has 4 bags on the trip and adds 1: 5, not a baked 3.
    const account = { payment_methods: [card('c-9', 'visa')], trips: [{ id: 'T9', city: 'Oslo', bags: 4 }] };
    const input = { ...draft.inputs.get('cai'), paymentMethod: 'visa', totalBagsAdded: 1 };
    const run = await runFor(skill, account, input);
    expect(run).toMatchObject({ ok: true, call: { trip_id: 'T9', total_bags: 5 } });
  });

  it('lists the relation as an assumption when only one run shows it', async () => {
    const { draft } = await compile([ana]);
    expect(draft.source).toMatch(/total_bags: \w+\.bags \+ input\.totalBagsAdded/);
    expect(draft.assumptions).toContainEqual(
      expect.objectContaining({
        subject: 'total_bags',
        reason: expect.stringMatching(/\+ `totalBagsAdded`.*only recorded run/),
      }),
    );
  });

  it('reads the earlier bags from the trip the call acts on, and says the trip was picked by what no user asked for', async () => {
    // Nobody names the trip; each time it is the one still to fly, second of two.
    // Each customer's own trips: the ids differ; both fly to Oslo, a city nobody named, so only the
    // status is a rule (a city every run shared is those runs' trip, not the task's).
    const upcoming = (id: string, city: string, bags: number): Trip[] => [
      { id: `${id}-T1`, city: 'Lima', bags: 0, status: 'flown' },
      { id: `${id}-T2`, city, bags, status: 'upcoming' },
    ];
    const unnamed = (id: string, city: string, bags: number, added: number): Trajectory => ({
      ...addBags(
        id,
        'visa',
        { payment_methods: [card(`c-${id}`, 'visa')], trips: upcoming(id, city, bags) },
        upcoming(id, city, bags)[1] as Trip,
        added,
        card(`c-${id}`, 'visa'),
      ),
      context: [`user ${id}_1`, `${added} more bags please`, 'visa'],
    });
    const { draft, skill } = await compile([unnamed('dee', 'Oslo', 4, 2), unnamed('eli', 'Oslo', 5, 3)]);
    expect(draft.source).toMatch(
      /const (\w+) = \w+\.trips\.find\(\(trip\) => trip\.status === "upcoming"\);/,
    );
    const found = /const (\w+) = \w+\.trips\.find/.exec(draft.source)?.[1] ?? '';
    expect(draft.source).toContain(`total_bags: ${found}.bags + input.totalBagsAdded`);
    expect(draft.assumptions).toContainEqual({
      subject: 'status',
      value: 'upcoming',
      reason:
        "picks the element by `status` as all 2 recorded runs did, though no user asked for it: the task's rule, or a coincidence of these runs",
    });
    expect(skill.verification.isVerified).toBe(true);
    // The next customer's upcoming trip has 4 bags and is listed first: 4 + 1.
    const account = {
      payment_methods: [card('c-9', 'visa')],
      trips: [
        { id: 'T8', city: 'Rome', bags: 4, status: 'upcoming' },
        { id: 'T9', city: 'Lima', bags: 0, status: 'flown' },
      ],
    };
    const run = await runFor(skill, account, { ...draft.inputs.get('dee'), totalBagsAdded: 1 });
    expect(run).toMatchObject({ ok: true, call: { trip_id: 'T8', total_bags: 5 } });
    // One bag on each trip, and each user id ends in `_1`: the 1 of an id is no number the user
    // wrote, so the trip is not picked by a `tripBags` input the next customer would never give.
    const oneBag = await compile([unnamed('dee', 'Oslo', 1, 2), unnamed('eli', 'Oslo', 1, 3)]);
    expect(oneBag.draft.source).not.toContain('tripBags');
    expect(oneBag.draft.source).toContain('trip.status === "upcoming"');
  });

  it('never derives from an earlier quantity that is zero in every run (no evidence of a change)', async () => {
    const { draft } = await compile([cai]);
    expect(draft.source).not.toContain('totalBagsAdded');
    expect(draft.source).toContain('total_bags: input.totalBags');
  });
});

// Cancelling a trip: customers name it by city or by date.
const tripsManifest: ToolManifestEntry[] = [
  {
    name: 'list_trips',
    inputSchema: { type: 'object', properties: { user_id: { type: 'string' } }, required: ['user_id'] },
    outputSchema: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: { type: 'string' }, city: { type: 'string' }, date: { type: 'string' } },
        required: ['id', 'city', 'date'],
      },
    },
  },
  {
    name: 'cancel_trip',
    inputSchema: { type: 'object', properties: { trip_id: { type: 'string' } }, required: ['trip_id'] },
    outputSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
  },
];

const tripList = [
  { id: 'K1', city: 'Lima', date: '2026-05-20' },
  { id: 'K2', city: 'Oslo', date: '2026-05-22' },
  { id: 'K3', city: 'Rome', date: '2026-05-27' },
];

function cancelTrip(id: string, says: string, picked: number): Trajectory {
  return {
    id,
    task: 'Hi, I need to cancel a trip.',
    context: [`user ${id}_7`, says],
    steps: [
      { tool: 'list_trips', args: { user_id: `${id}_7` }, result: tripList },
      { tool: 'cancel_trip', args: { trip_id: tripList[picked]?.id }, result: { ok: true } },
    ],
    outcome: 'success',
  };
}

describe('draftSkill for the next customer: alternative inputs naming the same element', () => {
  const byCity = [cancelTrip('dia', 'The Oslo one.', 1), cancelTrip('eli', 'the trip to Rome', 2)];
  const byDate = cancelTrip('fay', 'the one on 2026-05-20', 0);

  async function compileTrips(trajectories: Trajectory[]) {
    const draft = draftSkill({ trajectories, manifest: tripsManifest });
    const replayable = trajectories.map((trajectory) => ({
      ...trajectory,
      input: draft.inputs.get(trajectory.id),
    }));
    const skill = await checkSkill({
      source: draft.source,
      manifest: tripsManifest,
      trajectories: replayable,
    });
    return { draft, skill };
  }

  async function cancelFor(skill: CompiledSkill, input: Record<string, unknown>) {
    let cancelled: unknown;
    const [list, cancel] = tripsManifest as [ToolManifestEntry, ToolManifestEntry];
    const tools = defineTools({
      list_trips: { inputSchema: list.inputSchema, handler: () => tripList },
      cancel_trip: {
        inputSchema: cancel.inputSchema,
        handler: (args: unknown) => {
          cancelled = (args as { trip_id: string }).trip_id;
          return { ok: true };
        },
      },
    });
    const run = await runSkill({ source: skill.bundle, input, tools, inputSchema: skill.inputSchema });
    return run.ok ? { ok: true, cancelled } : { ok: false, code: run.error.code, message: run.error.message };
  }

  it('takes city and date as optional inputs and finds the trip by whichever was given', async () => {
    const { draft, skill } = await compileTrips([...byCity, byDate]);
    expect(draft.source).toContain('city?: string;');
    expect(draft.source).toContain('date?: string;');
    expect(draft.source).toContain('@anyOf city | date');
    expect(draft.source).toContain(
      'trips.find((trip) => input.city !== undefined ? trip.city === input.city : trip.date === input.date)',
    );
    expect(draft.inputs.get('dia')).toEqual({ userId: 'dia_7', city: 'Oslo' });
    expect(draft.inputs.get('fay')).toEqual({ userId: 'fay_7', date: '2026-05-20' });
    expect(skill.verification.isVerified).toBe(true);
    expect(skill.inputSchema).toMatchObject({ anyOf: [{ required: ['city'] }, { required: ['date'] }] });
    expect(await cancelFor(skill, { userId: 'gus_7', date: '2026-05-27' })).toEqual({
      ok: true,
      cancelled: 'K3',
    });
    expect(await cancelFor(skill, { userId: 'gus_7', city: 'Lima' })).toEqual({ ok: true, cancelled: 'K1' });
    // Neither given: the input schema refuses it before any tool runs.
    expect(await cancelFor(skill, { userId: 'gus_7' })).toMatchObject({ ok: false, code: 'INVALID_INPUT' });
  });

  it('keeps one required input when every sibling named the trip the same way', async () => {
    const { draft } = await compileTrips(byCity);
    expect(draft.source).toContain('city: string;');
    expect(draft.source).not.toContain('@anyOf');
  });

  it('keeps the honest "no rule found": the id becomes an input with an assumption', () => {
    const silent = cancelTrip('hal', 'that one please', 1);
    const draft = draftSkill({ trajectories: [silent], manifest: tripsManifest });
    expect(draft.source).toContain('trip_id: input.tripId');
    expect(draft.assumptions).toContainEqual(
      expect.objectContaining({ subject: 'tripId', reason: expect.stringMatching(/no rule found/) }),
    );
  });
});
