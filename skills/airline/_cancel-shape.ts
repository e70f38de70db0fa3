import {
  describeTrip,
  findDescribedReservation,
  isCancellable,
  isDescribed,
  paidTotal,
} from './_agent-moves.js';
import type { ConversationAgent } from './_conversation-runner.js';
import type { Reservation, User } from './airline-state.js';
import { AIRLINE_SEED_NOW } from './create-seed-data.js';
import { fact, pick, type AgentStyle, type Facts, type TaskShape } from './task-shape.js';

function describeWanted(facts: Facts, voice: number): string {
  if (facts['destination'] !== undefined) {
    const city = fact(facts, 'city');
    return pick(voice, [
      `The one to ${city}.`,
      `It's my trip to ${city} (${fact(facts, 'destination')}).`,
      `I want to cancel the flight going to ${fact(facts, 'destination')}.`,
    ]);
  }
  return pick(voice, [
    `The flight on ${fact(facts, 'date')}.`,
    `It's the one on ${fact(facts, 'date')}, I can't make it anymore.`,
  ]);
}

function byId(agent: ConversationAgent, facts: Facts): Reservation {
  const typed = fact(facts, 'typed_reservation_id');
  const first = agent.attempt<Reservation>('get_reservation_details', { reservation_id: typed });
  if (first.ok) return first.result;
  return agent.call<Reservation>(
    'get_reservation_details',
    { reservation_id: typed.toUpperCase() },
    'Reservation ids are upper case; let me try again.',
  );
}

function findReservation(
  agent: ConversationAgent,
  facts: Facts,
  style: AgentStyle,
  voice: number,
): Reservation {
  if (facts['typed_reservation_id'] !== undefined) {
    const reservation = byId(agent, facts);
    agent.call<User>('get_user_details', { user_id: fact(facts, 'user_id') });
    return reservation;
  }
  const user = agent.call<User>('get_user_details', { user_id: fact(facts, 'user_id') });
  agent.say(
    pick(style === 'c' ? 1 : 0, [
      `Thanks! I see ${user.reservations.length} reservations on your profile. Which one would you like to cancel?`,
      `Thank you, ${user.name.first_name}. Which of your reservations should I cancel?`,
    ]),
  );
  agent.user(describeWanted(facts, voice));
  const reservation = findDescribedReservation(agent, user, facts, style);
  if (!isDescribed(reservation, facts)) throw new Error('no match');
  return reservation;
}

function converse(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number): void {
  const userId = fact(facts, 'user_id');
  if (facts['typed_reservation_id'] !== undefined) {
    agent.user(
      `hello, please cancel reservation ${fact(facts, 'typed_reservation_id')}. my user id is ${userId}`,
    );
  } else {
    agent.user(
      pick(voice, [
        'Hi, I need to cancel a reservation.',
        'Hello! I would like to cancel one of my flights please',
        'hey, can you cancel a trip for me?',
      ]),
    );
    agent.say(
      pick(style === 'a' ? 0 : 1, [
        'Sure, I can help with that. Could you please provide your user id?',
        "I'd be happy to help you cancel. To get started, may I have your user ID?",
      ]),
    );
    agent.user(pick(voice, [`It's ${userId}.`, `Sure, my user id is ${userId}`, userId]));
  }
  const reservation = findReservation(agent, facts, style, voice);
  agent.say('May I ask the reason for the cancellation?');
  agent.user(fact(facts, 'reason'));
  if (!isCancellable(reservation, AIRLINE_SEED_NOW))
    throw new Error(`${reservation.reservation_id} is not cancellable`);
  if (style === 'c') {
    agent.call('think', {
      thought: `The user wants to cancel ${reservation.reservation_id} (${reservation.cabin}, insurance ${reservation.insurance}, booked ${reservation.created_at}). Per policy this can be cancelled; the refund goes to the original payment methods.`,
    });
  }
  const refund = paidTotal(reservation);
  if (style === 'b') {
    agent.call('calculate', {
      expression: reservation.payment_history.map((payment) => payment.amount).join(' + '),
    });
  }
  agent.say(
    `Here are the details: reservation ${reservation.reservation_id}, ${describeTrip(reservation)}, ${reservation.passengers.length} passenger(s). ` +
      `If I cancel it, $${refund} will be refunded to the original payment method within 5-7 business days. Do you confirm (yes/no)?`,
  );
  agent.user(pick(voice, ['Yes, please go ahead.', 'yes', 'Yes, confirm.']));
  agent.call('cancel_reservation', { reservation_id: reservation.reservation_id });
  agent.say(
    `Your reservation ${reservation.reservation_id} is cancelled. The refund of $${refund} is on its way.`,
  );
  agent.user(pick(voice, ["Thanks, that's all.", 'great thank you', 'Perfect, thanks for your help!']));
  agent.say(
    pick(style === 'a' ? 0 : 1, ["You're welcome! Have a great day.", 'Glad I could help. Goodbye!']),
  );
}

const customer = (userId: string, rest: Record<string, string>): Facts => ({
  user_id: userId,
  reason: 'change of plans',
  ...rest,
});

/** Cancel a reservation the customer describes by destination, date or id. */
export const cancelShape: TaskShape = {
  name: 'cancel-reservation',
  description:
    'Cancel a reservation the customer describes (by destination, date or reservation id) and refund it.',
  converse,
  runs: [
    {
      id: 'cancel-reservation-olivia',
      facts: customer('olivia_reyes_4102', { destination: 'DEN', city: 'Denver' }),
      agent: 'a',
      voice: 0,
      exercises: 'pick by destination the user names (2nd of 3); stops looking at the match',
    },
    {
      id: 'cancel-reservation-marcus',
      facts: customer('marcus_webb_7731', {
        destination: 'LAX',
        city: 'Los Angeles',
        reason: 'my meeting moved',
      }),
      agent: 'b',
      voice: 1,
      exercises:
        'pick by destination (2nd of 2); parallel lookups in one turn; scratch `calculate` nothing uses',
    },
    {
      id: 'cancel-reservation-noor',
      facts: customer('noor_haddad_2290', { destination: 'JFK', city: 'New York' }),
      agent: 'c',
      voice: 2,
      exercises: 'pick by destination (1st of 3) yet looks all up; scratch `think` with free text',
    },
    {
      id: 'cancel-reservation-kenji',
      facts: customer('kenji_sato_8043', { date: '2026-05-27', reason: 'family emergency' }),
      agent: 'a',
      voice: 1,
      exercises: 'pick by flight date instead of destination (2nd of 3); refund to a certificate',
    },
    {
      id: 'cancel-reservation-priya',
      facts: customer('priya_nair_5518', { reservation_id: 'Q4MZ7K', typed_reservation_id: 'q4mz7k' }),
      agent: 'b',
      voice: 0,
      openAiErrors: 'json',
      exercises:
        'reservation id given in the first message, lower case: `Reservation q4mz7k not found.` (JSON error result) then a retry; booked within 24 hours',
    },
    {
      id: 'cancel-reservation-maya',
      facts: customer('maya_chen_5023', { date: '2026-05-23' }),
      agent: 'c',
      voice: 0,
      exercises: 'pick by flight date, as kenji did (2nd of 2, looks both up); a way of naming seen twice',
    },
  ],
  heldOut: [
    customer('hannah_cole_3307', { destination: 'SEA', city: 'Seattle' }),
    customer('diego_alvarez_6120', { destination: 'ATL', city: 'Atlanta', reason: 'I got sick' }),
    customer('liam_oconnor_3390', { date: '2026-05-22' }),
  ],
};
