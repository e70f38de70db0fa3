import {
  describePayment,
  findDescribedReservation,
  freeBagsPerPassenger,
  isDescribed,
  namedPaymentMethod,
} from './_agent-moves.js';
import type { ConversationAgent } from './_conversation-runner.js';
import type { AirlineState, Reservation, User } from './airline-state.js';
import { fact, numberFact, pick, type AgentStyle, type Facts, type TaskShape } from './task-shape.js';

function bagsAfter(
  user: User,
  reservation: Reservation,
  added: number,
): { total: number; nonfree: number; fee: number } {
  const total = reservation.total_baggages + added;
  const free = freeBagsPerPassenger(user.membership, reservation.cabin) * reservation.passengers.length;
  const nonfree = Math.max(0, total - free);
  return { total, nonfree, fee: 50 * Math.max(0, nonfree - reservation.nonfree_baggages) };
}

function converse(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number): void {
  const userId = fact(facts, 'user_id');
  agent.user(
    pick(voice, [
      'Hi, I want to add checked bags to my booking.',
      'Hello, can I add some luggage to a reservation?',
      'hi, need to add bags to my trip',
    ]),
  );
  agent.say(
    pick(style === 'b' ? 1 : 0, [
      'Sure, what is your user id?',
      'Happy to help. Could you give me your user ID?',
    ]),
  );
  agent.user(pick(voice, [`${userId}`, `it's ${userId}`, `user id ${userId}`]));
  const user = agent.call<User>('get_user_details', { user_id: userId });
  agent.say('Which reservation is it for, and how many bags would you like to add?');
  agent.user(
    pick(voice, [
      `The trip to ${fact(facts, 'city')}, ${fact(facts, 'add_bags')} more bag(s).`,
      `My ${fact(facts, 'destination')} flight. I'd like to add ${fact(facts, 'add_bags')}.`,
      `${fact(facts, 'add_bags')} bags for the ${fact(facts, 'city')} reservation`,
    ]),
  );
  const reservation = findDescribedReservation(agent, user, facts, style);
  const { total, nonfree, fee } = bagsAfter(user, reservation, numberFact(facts, 'add_bags'));
  if (style === 'c') {
    agent.call('think', {
      thought: `${user.membership} member, ${reservation.cabin}, ${reservation.passengers.length} passenger(s): free bags per passenger from policy. ${reservation.total_baggages} bags now, ${total} after; ${nonfree} not free.`,
    });
  }
  if (style !== 'b')
    agent.call('calculate', { expression: `50 * ${nonfree - reservation.nonfree_baggages}` });
  agent.say(
    `With ${total} checked bags in total, ${nonfree} are not free, so the fee is $${fee}. Which payment method would you like to use?`,
  );
  agent.user(
    pick(voice, [
      `My ${fact(facts, 'payment').replace('_', ' ')}.`,
      `${fact(facts, 'payment').replace('_', ' ')}`,
    ]),
  );
  agent.say(
    `To confirm: ${total} bags on ${reservation.reservation_id}, $${fee} on your ${describePayment(namedPaymentMethod(user, fact(facts, 'payment')))}. Proceed?`,
  );
  agent.user(pick(voice, ['Yes, go ahead.', 'yes', 'Yes please.']));
  const args = (method: string) => ({
    reservation_id: reservation.reservation_id,
    total_baggages: total,
    nonfree_baggages: nonfree,
    payment_id: namedPaymentMethod(user, method).id,
  });
  const first = agent.attempt('update_reservation_baggages', args(fact(facts, 'payment')));
  if (!first.ok) {
    const fallback = namedPaymentMethod(user, fact(facts, 'fallback_payment'));
    agent.say(
      `That payment did not go through (${first.error}). Can I use your ${describePayment(fallback)} instead?`,
    );
    agent.user('Yes, use that one.');
    agent.call('update_reservation_baggages', args(fact(facts, 'fallback_payment')));
  }
  agent.say(`All set: reservation ${reservation.reservation_id} now has ${total} checked bags.`);
  agent.user(pick(voice, ['Thanks!', 'thank you so much', 'Great, bye.']));
  agent.say(pick(style === 'a' ? 0 : 1, ['Have a nice trip!', "You're welcome. Safe travels!"]));
}

// The bags beyond the free allowance once the customer's bags are added, on the reservation
// the customer described.
function workedOut(facts: Facts, state: AirlineState): Facts {
  const user = state.users.find((candidate) => candidate.user_id === fact(facts, 'user_id'));
  const reservation = state.reservations.find(
    (candidate) => candidate.user_id === user?.user_id && isDescribed(candidate, facts),
  );
  if (!user || !reservation) return {};
  return { nonfree_baggages: bagsAfter(user, reservation, numberFact(facts, 'add_bags')).nonfree };
}

const customer = (userId: string, rest: Record<string, string | number>): Facts => ({
  user_id: userId,
  ...rest,
});

/** Add checked bags to the reservation the customer names by destination, charging non-free bags. */
export const baggageShape: TaskShape = {
  name: 'add-baggage',
  description:
    'Add checked bags to the reservation the customer names, charging the bags beyond the free allowance.',
  converse,
  workedOut,
  runs: [
    {
      id: 'add-baggage-ethan',
      facts: customer('ethan_brooks_1954', {
        destination: 'LAX',
        city: 'Los Angeles',
        add_bags: 2,
        payment: 'mastercard',
      }),
      agent: 'a',
      voice: 0,
      exercises:
        'only reservation; 2 non-free bags (regular member) computed from policy; `calculate` nothing uses',
    },
    {
      id: 'add-baggage-kenji',
      facts: customer('kenji_sato_8043', {
        destination: 'PHX',
        city: 'Phoenix',
        add_bags: 3,
        payment: 'certificate',
        fallback_payment: 'visa',
      }),
      agent: 'b',
      voice: 1,
      exercises:
        'reservation 3rd of 3 (parallel lookups); `A certificate cannot be used to pay for bags.` then a retry with the visa',
    },
    {
      id: 'add-baggage-marcus',
      facts: customer('marcus_webb_7731', {
        destination: 'ATL',
        city: 'Atlanta',
        add_bags: 2,
        payment: 'amex',
      }),
      agent: 'c',
      voice: 2,
      exercises:
        'reservation 1st of 2 yet looks both up; bags all free (no fee); scratch `think` and `calculate`',
    },
    {
      id: 'add-baggage-sofia',
      facts: customer('sofia_marin_4476', {
        destination: 'DEN',
        city: 'Denver',
        add_bags: 1,
        payment: 'gift_card',
        fallback_payment: 'visa',
      }),
      agent: 'a',
      voice: 2,
      openAiErrors: 'json',
      exercises: 'two passengers; gift card short of balance (JSON error result), then the visa',
    },
    {
      id: 'add-baggage-lena',
      facts: customer('lena_fischer_7784', {
        destination: 'DEN',
        city: 'Denver',
        add_bags: 2,
        payment: 'mastercard',
      }),
      agent: 'a',
      voice: 1,
      exercises: 'trip named by its airport code, as kenji did (2nd of 2); 2 non-free bags',
    },
  ],
  heldOut: [
    customer('noor_haddad_2290', { destination: 'DEN', city: 'Denver', add_bags: 2, payment: 'visa' }),
    customer('liam_oconnor_3390', {
      destination: 'SFO',
      city: 'San Francisco',
      add_bags: 2,
      payment: 'mastercard',
    }),
    customer('olivia_reyes_4102', { destination: 'ORD', city: 'Chicago', add_bags: 1, payment: 'visa' }),
  ],
};
