import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../../core/index.js';
import {
  draftSkill,
  nameSkill,
  type NameProfile,
  type TakenNames,
  type Trajectory,
} from '../../../compiler/index.js';

const object = { type: 'object' } as const;
const manifest: ToolManifestEntry[] = [
  { name: 'get_user_details', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'get_reservation_details', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'search_onestop_flight', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'calculate', inputSchema: object, annotations: { readOnlyHint: true } },
  { name: 'cancel_reservation', inputSchema: object },
  { name: 'book_reservation', inputSchema: object },
  { name: 'support.refund_order', inputSchema: object },
];

function run(task: string, tools: string[]): Trajectory {
  return { id: 't', task, outcome: 'success', steps: tools.map((tool) => ({ tool, args: {}, result: {} })) };
}

function takenBy(entries: Record<string, NameProfile>): TakenNames {
  return { has: (name) => name in entries, profileOf: (name) => entries[name] };
}

// A customer names the reservation by its destination; the agent reads each one and cancels the match.
function cancelByDestination(id: string, user: string, city: string, picked: number): Trajectory {
  const reservations = ['R1', 'R2'].map((code, index) => ({
    reservation_id: `${code}${user.length}`,
    destination: index === picked ? city : 'ORD',
  }));
  const chosen = reservations[picked] as { reservation_id: string };
  return {
    id,
    task: 'Hi, I need to cancel a reservation please.',
    context: [`It's ${user}.`, `The one to ${city}.`],
    outcome: 'success',
    steps: [
      {
        tool: 'get_user_details',
        args: { user_id: user },
        result: { reservations: reservations.map((r) => r.reservation_id) },
      },
      ...reservations.map((reservation) => ({
        tool: 'get_reservation_details',
        args: { reservation_id: reservation.reservation_id },
        result: reservation,
      })),
      {
        tool: 'cancel_reservation',
        args: { reservation_id: chosen.reservation_id },
        result: { status: 'cancelled' },
      },
    ],
  };
}

describe('nameSkill', () => {
  it('names a conversational request after the last call that changes something', () => {
    const steps = ['get_user_details', 'cancel_reservation', 'calculate'];
    expect(nameSkill([run("Hello, I'd like to cancel a trip please", steps)], { manifest })).toBe(
      'cancel_reservation',
    );
    expect(nameSkill([run('hi there', ['support.refund_order'])], { manifest })).toBe('refund_order');
  });

  it('names an instruction from its words, without people, emails, ids or greetings', () => {
    expect(nameSkill([run('Refund order 8819 for Edsger.', ['support.refund_order'])], { manifest })).toBe(
      'refund_order',
    );
    expect(
      nameSkill([run('Please email ada@example.com the invoice of order 77', ['support.refund_order'])], {
        manifest,
      }),
    ).toBe('email_invoice_order');
  });

  it('treats overlay tools as read-only when looking for the effect', () => {
    const steps = ['cancel_reservation', 'calculate'];
    expect(nameSkill([run('Hey, can you help?', steps)], { manifest })).toBe('cancel_reservation');
    expect(
      nameSkill([run('Hey, can you help?', ['get_user_details', 'cancel_reservation'])], {
        manifest,
        readOnly: ['cancel_reservation'],
      }),
    ).toBe('skill');
  });

  it('says how the target is chosen when the draft picks it by what the customer said', () => {
    const runs = [
      cancelByDestination('a', 'olivia_reyes_4102', 'DEN', 1),
      cancelByDestination('b', 'marcus_webb_7781', 'LAX', 0),
    ];
    const draft = draftSkill({ trajectories: runs, manifest });
    expect(draft.source).toContain('=== input.destination');
    const inputs = Object.keys(draft.inputs.get('a') ?? {});
    expect(nameSkill(runs, { manifest, draft: { inputs, targets: draft.targets } })).toBe(
      'cancel_reservation_by_destination',
    );
    expect(draft.description).toBe(
      'Cancel a reservation: cancels the reservation chosen by destination; takes userId, destination.',
    );
  });

  it('tells a skill apart from the one that took its name, by what it calls, takes or does without', () => {
    const booking = run('Hi there, looking to book a trip', [
      'get_user_details',
      'search_onestop_flight',
      'book_reservation',
    ]);
    const holder = {
      tools: ['get_user_details', 'book_reservation'],
      inputs: ['userId'],
      words: ['book', 'flight'],
    };
    const taken = takenBy({ book_reservation: holder });
    expect(nameSkill([booking], { manifest, taken })).toBe('book_reservation_with_onestop_flight');
    const insured = run('Hi, book a trip', ['get_user_details', 'book_reservation']);
    const draft = { inputs: ['userId', 'paymentMethodAmount', 'insurance'], targets: [] };
    expect(nameSkill([insured], { manifest, taken, draft })).toBe('book_reservation_with_insurance');
    const byId = run('hello, please cancel reservation q4mz7k', ['cancel_reservation']);
    const direct = {
      inputs: ['reservationId'],
      targets: [{ tool: 'cancel_reservation', selectors: [], direct: 'reservationId' }],
    };
    const cancelHolder = {
      tools: ['get_user_details', 'cancel_reservation'],
      inputs: ['userId', 'reservationId'],
      words: ['cancel'],
    };
    expect(
      nameSkill([byId], { manifest, draft: direct, taken: takenBy({ cancel_reservation: cancelHolder }) }),
    ).toBe('cancel_reservation_by_id');
  });

  it('returns the taken name when no evidence tells the skills apart (the registry then adds _2)', () => {
    const same = run('Hi, cancel my trip', ['cancel_reservation']);
    const profile = { tools: ['cancel_reservation'], inputs: [], words: ['cancel', 'trip'] };
    expect(nameSkill([same], { manifest, taken: takenBy({ cancel_reservation: profile }) })).toBe(
      'cancel_reservation',
    );
  });
});

describe('skill descriptions (draftSkill)', () => {
  function described(task: string, context: string[] = []): string {
    const trajectory: Trajectory = {
      id: 'd',
      task,
      context,
      outcome: 'success',
      steps: [
        { tool: 'get_user_details', args: { user_id: 'priya_nair_5518' }, result: { name: 'Priya' } },
        { tool: 'cancel_reservation', args: { reservation_id: 'Q4MZ7K' }, result: { status: 'cancelled' } },
      ],
    };
    return draftSkill({ trajectories: [trajectory], manifest }).description;
  }

  it('says what a chat asked for without greeting, politeness or personal data, then what it changes and takes', () => {
    const description = described('hello, please cancel reservation Q4MZ7K. my user id is priya_nair_5518');
    expect(description).toBe(
      'Cancel reservation <reservationId>: cancels the reservation named by reservationId; takes userId, reservationId.',
    );
    expect(
      described('Hi, I need to cancel my trip please!', ['It is priya_nair_5518, the Q4MZ7K one']),
    ).toMatch(/^Cancel the customer's trip: cancels the reservation named by \w+; takes /);
  });

  it('keeps an instruction as written, with values as placeholders', () => {
    expect(described('Cancel reservation Q4MZ7K for priya_nair_5518')).toBe(
      'Cancel reservation <reservationId> for <userId>',
    );
  });
});
