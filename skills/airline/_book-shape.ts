import { describePayment, freeBagsPerPassenger, namedPaymentMethod } from './_agent-moves.js';
import type { ConversationAgent } from './_conversation-runner.js';
import type { AirlineState, Cabin, User } from './airline-state.js';
import { fact, numberFact, pick, type AgentStyle, type Facts, type TaskShape } from './task-shape.js';

interface FoundFlight {
  flight_number: string;
  scheduled_departure_time_est: string;
  prices: Record<Cabin, number>;
}

type Options = { direct: FoundFlight[]; connections: FoundFlight[][] };

/** Searches direct flights, and one-stop connections when there is no direct one. */
function searchFlights(agent: ConversationAgent, facts: Facts, style: AgentStyle): Options {
  const route = {
    origin: fact(facts, 'origin'),
    destination: fact(facts, 'destination'),
    date: fact(facts, 'date'),
  };
  const direct = agent.call<FoundFlight[]>('search_direct_flight', route);
  if (direct.length > 0) return { direct, connections: [] };
  const text = style === 'b' ? 'No direct flights that day; let me look for connections.' : undefined;
  return { direct, connections: agent.call<FoundFlight[][]>('search_onestop_flight', route, text) };
}

function describeOptions(options: Options): string {
  const times = (flights: FoundFlight[]): string =>
    flights
      .map((flight) => `${flight.flight_number} at ${flight.scheduled_departure_time_est.slice(0, 5)}`)
      .join(' then ');
  const list =
    options.direct.length > 0
      ? options.direct.map((flight) => times([flight]))
      : options.connections.map(times);
  return `${options.direct.length > 0 ? 'direct flights' : 'connections'}: ${list.join('; ')}`;
}

/** The flights the customer picks: a direct one by departure time, or a connection by both departures. */
function pickFlights(options: Options, facts: Facts, departs: string): FoundFlight[] {
  if (options.direct.length > 0) {
    const flight = options.direct.find((candidate) => candidate.scheduled_departure_time_est === departs);
    if (!flight) throw new Error(`no direct flight at ${departs}`);
    return [flight];
  }
  const pair = options.connections.find(
    ([first, second]) =>
      first?.scheduled_departure_time_est === departs &&
      second?.scheduled_departure_time_est === fact(facts, 'connection_time'),
  );
  if (!pair) throw new Error(`no connection at ${departs}`);
  return pair;
}

function converse(agent: ConversationAgent, facts: Facts, style: AgentStyle, voice: number): void {
  const userId = fact(facts, 'user_id');
  agent.user(
    pick(voice, [
      "Hi, I'd like to book a flight.",
      'Hi there, looking to book a trip',
      'hello i want to book a ticket',
    ]),
  );
  agent.say(
    pick(style === 'c' ? 1 : 0, [
      'Sure! What is your user id?',
      'I can help with a booking. May I have your user ID first?',
    ]),
  );
  agent.user(pick(voice, [userId, `Sure: ${userId}`, `my id is ${userId}`]));
  const user = agent.call<User>('get_user_details', { user_id: userId });
  if (style === 'b') agent.call('list_all_airports', {}, 'Let me check the airports we serve.');
  agent.say('Where are you flying from and to, and on which date?');
  agent.user(
    pick(voice, [
      `From ${fact(facts, 'origin')} to ${fact(facts, 'destination')} on ${fact(facts, 'date')}.`,
      `${fact(facts, 'origin')} -> ${fact(facts, 'destination')}, ${fact(facts, 'date')}`,
      `I need to get from ${fact(facts, 'origin')} to ${fact(facts, 'destination')} on ${fact(facts, 'date')}.`,
    ]),
  );
  const options = searchFlights(agent, facts, style);
  agent.say(`I found these ${describeOptions(options)}. Which one would you like, and in which cabin?`);
  const cabin = fact(facts, 'cabin') as Cabin;
  const connection =
    facts['connection_time'] === undefined
      ? ''
      : ` connecting to the ${fact(facts, 'connection_time').slice(0, 5)}`;
  agent.user(
    `I'd like the ${fact(facts, 'departure_time').slice(0, 5)} departure${connection}, ${cabin.replace('_', ' ')} please.`,
  );
  let flights = pickFlights(options, facts, fact(facts, 'departure_time'));
  const companions = numberFact(facts, 'companions');
  const self = { first_name: user.name.first_name, last_name: user.name.last_name, dob: user.dob };
  const passengers = [self, ...user.saved_passengers.slice(0, companions)];
  agent.say(
    'Who will be travelling, how many checked bags, and would you like travel insurance ($30 per passenger)?',
  );
  agent.user(
    `${companions === 0 ? 'Just me' : `Me and ${passengers[1]?.first_name ?? ''} (saved on my profile)`}, ` +
      `${fact(facts, 'bags')} bag(s), insurance: ${fact(facts, 'insurance')}.`,
  );
  const bags = numberFact(facts, 'bags');
  const nonfree = bagsBeyondAllowance(user, cabin, bags, passengers.length);
  const fare = (chosen: FoundFlight[]): number =>
    chosen.reduce((sum, flight) => sum + flight.prices[cabin], 0) * passengers.length +
    (fact(facts, 'insurance') === 'yes' ? 30 * passengers.length : 0) +
    50 * nonfree;
  if (style !== 'b') {
    agent.call('calculate', {
      expression: `(${flights.map((flight) => flight.prices[cabin]).join(' + ')}) * ${passengers.length} + ${fact(facts, 'insurance') === 'yes' ? 30 * passengers.length : 0} + 50 * ${nonfree}`,
    });
  }
  const method = namedPaymentMethod(user, fact(facts, 'payment'));
  agent.say(`The total comes to $${fare(flights)}. How would you like to pay?`);
  agent.user(
    pick(voice, [`My ${fact(facts, 'payment').replace('_', ' ')}.`, `use the ${describePayment(method)}`]),
  );
  agent.say(
    `Booking ${flights.map((flight) => flight.flight_number).join(' + ')} for ${passengers.length} passenger(s), $${fare(flights)} on your ${describePayment(method)}. Confirm?`,
  );
  agent.user(pick(voice, ['Yes.', 'yes please', 'Confirmed.']));
  const args = (chosen: FoundFlight[], paymentId: string) => ({
    user_id: userId,
    origin: fact(facts, 'origin'),
    destination: fact(facts, 'destination'),
    flight_type: 'one_way',
    cabin,
    flights: chosen.map((flight) => ({ flight_number: flight.flight_number, date: fact(facts, 'date') })),
    passengers,
    payment_methods: [{ payment_id: paymentId, amount: fare(chosen) }],
    total_baggages: bags,
    nonfree_baggages: nonfree,
    insurance: fact(facts, 'insurance'),
  });
  // The careless agent guesses the payment id from the card's last digits.
  const guessed = style === 'c' && method.last_four ? `credit_card_${method.last_four}` : method.id;
  let attempt = agent.attempt('book_reservation', args(flights, guessed));
  if (!attempt.ok && attempt.error.startsWith('Payment method')) {
    attempt = agent.attempt(
      'book_reservation',
      args(flights, method.id),
      'Let me use the exact payment id from your profile.',
    );
  }
  if (!attempt.ok && attempt.error.startsWith('Not enough seats')) {
    const fallback = fact(facts, 'fallback_time');
    agent.say(
      `I'm sorry, that flight is full in ${cabin}. There is another one at ${fallback.slice(0, 5)}; shall I book it instead?`,
    );
    agent.user(`Ok, the ${fallback.slice(0, 5)} one then.`);
    flights = pickFlights(searchFlights(agent, facts, style), facts, fallback);
    agent.say(
      `That one is $${fare(flights)} in total, on the same ${describePayment(method)}. Booking it now.`,
    );
    attempt = agent.attempt('book_reservation', args(flights, method.id));
  }
  if (!attempt.ok) throw new Error(attempt.error);
  const reservation = attempt.result as { reservation_id: string };
  agent.say(`You're booked! Your reservation id is ${reservation.reservation_id}.`);
  agent.user(pick(voice, ['Awesome, thanks!', 'thank you', 'Great, bye.']));
  agent.say('Enjoy your trip!');
}

/** The checked bags beyond the free allowance of the customer's membership in `cabin`. */
function bagsBeyondAllowance(user: User, cabin: Cabin, bags: number, passengers: number): number {
  return Math.max(0, bags - freeBagsPerPassenger(user.membership, cabin) * passengers);
}

function workedOut(facts: Facts, state: AirlineState): Facts {
  const user = state.users.find((candidate) => candidate.user_id === fact(facts, 'user_id'));
  if (!user) return {};
  const passengers = 1 + Math.min(numberFact(facts, 'companions'), user.saved_passengers.length);
  const cabin = fact(facts, 'cabin') as Cabin;
  return { nonfree_baggages: bagsBeyondAllowance(user, cabin, numberFact(facts, 'bags'), passengers) };
}

const trip = (userId: string, rest: Record<string, string | number>): Facts => ({
  user_id: userId,
  cabin: 'economy',
  companions: 0,
  bags: 0,
  insurance: 'no',
  ...rest,
});

/** Book a one-way trip on the flight (or connection) the customer picks by departure time. */
export const bookShape: TaskShape = {
  name: 'book-flight',
  description: 'Book a one-way trip on the direct flight or connection the customer picks by departure time.',
  converse,
  workedOut,
  runs: [
    {
      id: 'book-flight-amara',
      facts: trip('amara_okafor_6605', {
        origin: 'JFK',
        destination: 'LAX',
        date: '2026-05-20',
        departure_time: '08:00:00',
        payment: 'visa',
        bags: 1,
      }),
      agent: 'a',
      voice: 0,
      exercises:
        'direct flight picked by departure time (1st of 3); total computed from prices; `calculate` feeds nothing',
    },
    {
      id: 'book-flight-daniel',
      facts: trip('daniel_kim_2718', {
        origin: 'BOS',
        destination: 'SEA',
        date: '2026-05-23',
        departure_time: '07:45:00',
        connection_time: '11:00:00',
        payment: 'gift_card',
        companions: 1,
        bags: 2,
        insurance: 'yes',
      }),
      agent: 'b',
      voice: 1,
      exercises:
        'no direct flight: a one-stop search (a step other customers do not take); saved passenger; an unused `list_all_airports` lookup',
    },
    {
      id: 'book-flight-hana',
      facts: trip('hana_yoshida_9081', {
        origin: 'MIA',
        destination: 'ATL',
        date: '2026-05-19',
        departure_time: '15:30:00',
        payment: 'visa',
        cabin: 'business',
      }),
      agent: 'c',
      voice: 2,
      exercises:
        'guessed payment id: `Payment method credit_card_1455 not found.` then a retry with the real id; business cabin',
    },
    {
      id: 'book-flight-noor',
      facts: trip('noor_haddad_2290', {
        origin: 'SFO',
        destination: 'DEN',
        date: '2026-05-22',
        departure_time: '06:30:00',
        fallback_time: '12:15:00',
        payment: 'gift_card',
        bags: 1,
      }),
      agent: 'a',
      voice: 1,
      openAiErrors: 'json',
      exercises:
        '`Not enough seats` (JSON error result), a second search and the flight the user accepts later in the chat',
    },
  ],
  heldOut: [
    trip('olivia_reyes_4102', {
      origin: 'LAX',
      destination: 'JFK',
      date: '2026-05-21',
      departure_time: '14:00:00',
      payment: 'visa',
      bags: 1,
    }),
    trip('kenji_sato_8043', {
      origin: 'MIA',
      destination: 'PHX',
      date: '2026-05-24',
      departure_time: '09:00:00',
      connection_time: '12:30:00',
      payment: 'visa',
    }),
    trip('sofia_marin_4476', {
      origin: 'SFO',
      destination: 'DEN',
      date: '2026-05-25',
      departure_time: '12:15:00',
      payment: 'visa',
      cabin: 'business',
      companions: 1,
      bags: 2,
      insurance: 'yes',
    }),
  ],
};
