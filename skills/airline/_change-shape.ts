import { describePayment, findDescribedReservation, namedPaymentMethod } from './_agent-moves.js';
import type { ConversationAgent } from './_conversation-runner.js';
import type { Reservation, User } from './airline-state.js';
import { fact, pick, type AgentStyle, type Facts, type TaskShape } from './task-shape.js';

interface FoundFlight {
  flight_number: string;
  scheduled_departure_time_est: string;
  prices: Record<string, number>;
  available_seats: Record<string, number>;
}

function identify(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number) {
  const userId = fact(facts, 'user_id');
  if (facts['reservation_id'] !== undefined) {
    // The customer gave the reservation id: this agent reads it first, then the profile.
    const reservation = agent.call<Reservation>('get_reservation_details', {
      reservation_id: fact(facts, 'reservation_id'),
    });
    const user = agent.call<User>('get_user_details', { user_id: userId });
    return { user, reservation };
  }
  const user = agent.call<User>('get_user_details', { user_id: userId });
  agent.say(
    pick(voice, ['Which reservation would you like to change?', 'Got it. Which trip is this about?']),
  );
  agent.user(
    pick(voice, [
      `My flight to ${fact(facts, 'city')}.`,
      `The ${fact(facts, 'destination')} one.`,
      `the trip to ${fact(facts, 'city')} please`,
    ]),
  );
  return { user, reservation: findDescribedReservation(agent, user, facts, style) };
}

function converse(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number): void {
  const userId = fact(facts, 'user_id');
  const opening = pick(voice, [
    'Hi, I need to change the date of my flight.',
    'Hello, can I move my flight to another day?',
    'hi i need to change my flight',
  ]);
  agent.user(
    facts['reservation_id'] === undefined
      ? opening
      : `${opening} Reservation ${fact(facts, 'reservation_id')}, user id ${userId}.`,
  );
  if (facts['reservation_id'] === undefined) {
    agent.say(
      pick(style === 'b' ? 1 : 0, [
        'Sure. What is your user id?',
        'Of course! Could you share your user ID?',
      ]),
    );
    agent.user(pick(voice, [userId, `it's ${userId}`, `My user id is ${userId}.`]));
  }
  const { user, reservation } = identify(agent, facts, style, voice);
  const newDate = fact(facts, 'new_date');
  agent.say(`I found reservation ${reservation.reservation_id}. Which date and flight would you prefer?`);
  agent.user(
    pick(voice, [
      `${newDate}, the ${fact(facts, 'departure_time').slice(0, 5)} departure if possible.`,
      `Could you move it to ${newDate}? I'd like the flight at ${fact(facts, 'departure_time').slice(0, 5)}.`,
      `${newDate} - the one leaving ${fact(facts, 'departure_time').slice(0, 5)}`,
    ]),
  );
  const leg = reservation.flights[0];
  if (!leg) throw new Error('reservation without flights');
  const options = agent.call<FoundFlight[]>('search_direct_flight', {
    origin: leg.origin,
    destination: leg.destination,
    date: newDate,
  });
  const chosen = options.find(
    (flight) => flight.scheduled_departure_time_est === fact(facts, 'departure_time'),
  );
  if (!chosen) throw new Error(`no flight at ${fact(facts, 'departure_time')}`);
  const count = reservation.passengers.length;
  if (style === 'b') {
    agent.call('think', {
      thought: `${options.length} direct flights on ${newDate}; the user asked for ${chosen.scheduled_departure_time_est}, which is ${chosen.flight_number}. Cabin stays ${reservation.cabin}.`,
    });
  }
  const difference = agent.call<string>('calculate', {
    expression:
      style === 'c'
        ? `${count} * ${chosen.prices[reservation.cabin] ?? 0} - ${count} * ${leg.price}`
        : `(${chosen.prices[reservation.cabin] ?? 0} - ${leg.price}) * ${count}`,
  });
  agent.say(
    `${chosen.flight_number} departs ${newDate} at ${chosen.scheduled_departure_time_est} in ${reservation.cabin}. ` +
      `The fare difference is $${difference}. Which payment method should I use?`,
  );
  agent.user(
    pick(voice, [
      `Use my ${fact(facts, 'payment')}.`,
      `the ${fact(facts, 'payment').replace('_', ' ')} please`,
    ]),
  );
  agent.say(
    `To confirm: ${reservation.reservation_id} moves to ${chosen.flight_number} on ${newDate}, paid with your ${describePayment(namedPaymentMethod(user, fact(facts, 'payment')))}. Shall I proceed?`,
  );
  agent.user(pick(voice, ['Yes, go ahead with the change.', 'yes', 'Yes please.']));
  const args = (method: string) => ({
    reservation_id: reservation.reservation_id,
    cabin: reservation.cabin,
    flights: [{ flight_number: chosen.flight_number, date: newDate }],
    payment_id: namedPaymentMethod(user, method).id,
  });
  const first = agent.attempt('update_reservation_flights', args(fact(facts, 'payment')));
  if (!first.ok) {
    agent.say(`Sorry, that did not work: ${first.error} Would you like to use another payment method?`);
    const fallback = namedPaymentMethod(user, fact(facts, 'fallback_payment'));
    agent.user(`Ok, then charge my ${describePayment(fallback)}.`);
    agent.call('update_reservation_flights', args(fact(facts, 'fallback_payment')));
  }
  agent.say(
    `Done! Reservation ${reservation.reservation_id} is now on ${chosen.flight_number} on ${newDate}.`,
  );
  agent.user(pick(voice, ['Thank you!', 'thanks, bye', 'Great, that is all I needed.']));
  agent.say("You're welcome, have a good flight!");
}

const customer = (userId: string, rest: Record<string, string>): Facts => ({ user_id: userId, ...rest });

/** Move a reservation to another date, on the flight whose departure time the customer names. */
export const changeShape: TaskShape = {
  name: 'change-flight',
  description: 'Move a reservation to another date, on the flight leaving at the time the customer names.',
  converse,
  runs: [
    {
      id: 'change-flight-ethan',
      facts: customer('ethan_brooks_1954', {
        destination: 'LAX',
        city: 'Los Angeles',
        new_date: '2026-05-24',
        departure_time: '13:00:00',
        payment: 'mastercard',
      }),
      agent: 'a',
      voice: 0,
      exercises:
        'flight picked by departure time (2nd of 3); payment picked by card brand (2nd of 2); `calculate` whose result only the chat uses',
    },
    {
      id: 'change-flight-sofia',
      facts: customer('sofia_marin_4476', {
        destination: 'DEN',
        city: 'Denver',
        new_date: '2026-05-21',
        departure_time: '06:30:00',
        payment: 'gift_card',
        fallback_payment: 'visa',
      }),
      agent: 'b',
      voice: 1,
      exercises: 'two passengers; gift card short of balance, then a retry with the visa; scratch `think`',
    },
    {
      id: 'change-flight-liam',
      facts: customer('liam_oconnor_3390', {
        reservation_id: 'T5GB7M',
        new_date: '2026-05-27',
        departure_time: '17:10:00',
        payment: 'mastercard',
      }),
      agent: 'c',
      voice: 2,
      exercises:
        'reservation id in the first message (reservation read before the profile); cheaper flight (refund); `calculate` worded differently',
    },
    {
      id: 'change-flight-olivia',
      facts: customer('olivia_reyes_4102', {
        destination: 'LAX',
        city: 'Los Angeles',
        new_date: '2026-05-22',
        departure_time: '19:00:00',
        payment: 'visa',
      }),
      agent: 'a',
      voice: 2,
      exercises: 'same route as ethan, another time (3rd of 3); reservation 1st of 3',
    },
    {
      id: 'change-flight-omar',
      facts: customer('omar_farouk_6612', {
        destination: 'SEA',
        city: 'Seattle',
        new_date: '2026-05-26',
        departure_time: '20:30:00',
        payment: 'visa',
      }),
      agent: 'c',
      voice: 1,
      exercises: 'trip named by its airport code, as sofia did (2nd of 2); a way of naming seen twice',
    },
  ],
  heldOut: [
    customer('hannah_cole_3307', {
      destination: 'JFK',
      city: 'New York',
      new_date: '2026-05-23',
      departure_time: '14:00:00',
      payment: 'visa',
    }),
    customer('diego_alvarez_6120', {
      destination: 'ATL',
      city: 'Atlanta',
      new_date: '2026-05-26',
      departure_time: '15:30:00',
      payment: 'mastercard',
    }),
    customer('noor_haddad_2290', {
      destination: 'DEN',
      city: 'Denver',
      new_date: '2026-05-28',
      departure_time: '10:10:00',
      payment: 'gift_card',
    }),
  ],
};
