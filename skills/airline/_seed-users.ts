import type { Cabin, Flight, PaymentMethod, Reservation, User } from './airline-state.js';

const card = (id: string, brand: string, lastFour: string): PaymentMethod => ({
  id: `credit_card_${id}`,
  source: 'credit_card',
  brand,
  last_four: lastFour,
});
const giftCard = (id: string, amount: number): PaymentMethod => ({
  id: `gift_card_${id}`,
  source: 'gift_card',
  amount,
});
const certificate = (id: string, amount: number): PaymentMethod => ({
  id: `certificate_${id}`,
  source: 'certificate',
  amount,
});

type Profile = Omit<User, 'reservations'>;

function profile(
  userId: string,
  dob: string,
  membership: User['membership'],
  paymentMethods: PaymentMethod[],
  savedPassengers: User['saved_passengers'] = [],
): Profile {
  const [first = '', last = ''] = userId.split('_');
  const name = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
  return {
    user_id: userId,
    name: { first_name: name(first), last_name: name(last) },
    email: `${first}.${last}@example.com`,
    dob,
    membership,
    payment_methods: paymentMethods,
    saved_passengers: savedPassengers,
  };
}

/** The seeded users (reservations are filled in from the seeded reservations). */
export const profiles: Profile[] = [
  profile('olivia_reyes_4102', '1988-03-14', 'regular', [
    card('7310482', 'visa', '0482'),
    giftCard('5521907', 120),
  ]),
  profile('marcus_webb_7731', '1975-11-02', 'silver', [
    card('2209117', 'amex', '9117'),
    certificate('6630214', 250),
  ]),
  profile('noor_haddad_2290', '1992-07-21', 'gold', [
    card('4418835', 'visa', '8835'),
    giftCard('3307712', 300),
  ]),
  profile('priya_nair_5518', '1990-01-30', 'regular', [card('9902761', 'mastercard', '2761')]),
  profile('kenji_sato_8043', '1983-09-09', 'gold', [
    certificate('1184520', 150),
    card('5570338', 'visa', '0338'),
  ]),
  profile('hannah_cole_3307', '1979-05-05', 'silver', [
    card('3345908', 'visa', '5908'),
    giftCard('8812043', 60),
  ]),
  profile('diego_alvarez_6120', '1995-12-12', 'regular', [
    giftCard('4471236', 500),
    card('6623419', 'mastercard', '3419'),
  ]),
  profile('ethan_brooks_1954', '1986-02-18', 'regular', [
    card('5012376', 'visa', '5012'),
    card('8830245', 'mastercard', '8830'),
  ]),
  profile(
    'sofia_marin_4476',
    '1991-08-27',
    'regular',
    [giftCard('2290417', 15), card('7741903', 'visa', '1903')],
    [{ first_name: 'Lucas', last_name: 'Marin', dob: '1989-04-03' }],
  ),
  profile('liam_oconnor_3390', '1980-10-10', 'silver', [
    card('1108342', 'mastercard', '8342'),
    certificate('9034476', 100),
  ]),
  profile('amara_okafor_6605', '1993-06-16', 'regular', [
    card('6605129', 'visa', '5129'),
    giftCard('1170384', 80),
  ]),
  profile(
    'daniel_kim_2718',
    '1977-03-28',
    'silver',
    [card('2718804', 'amex', '8804'), giftCard('9921347', 700)],
    [{ first_name: 'Grace', last_name: 'Kim', dob: '1979-08-19' }],
  ),
  profile('hana_yoshida_9081', '1998-04-01', 'gold', [
    card('9081455', 'visa', '1455'),
    certificate('4420981', 200),
  ]),
  profile('maya_chen_5023', '1987-09-30', 'silver', [card('5023117', 'visa', '3117')]),
  profile('omar_farouk_6612', '1984-02-11', 'gold', [
    card('6612904', 'visa', '2904'),
    giftCard('6612551', 200),
  ]),
  profile('lena_fischer_7784', '1996-11-05', 'regular', [card('7784263', 'mastercard', '4263')]),
];

// [reservation id, user id, cabin, [flight number, date][], extra passengers, payment id, bags, insurance, created]
type Booking = [string, string, Cabin, [string, string][], number, string, number, 'yes' | 'no', string];
// One reservation a line, so the table reads as a table.
// prettier-ignore
const bookings: Booking[] = [
  ['K2M9QA', 'olivia_reyes_4102', 'economy', [['SW101', '2026-05-20']], 0, 'credit_card_7310482', 1, 'no', '2026-05-01T10:12:00'],
  ['P7DW3X', 'olivia_reyes_4102', 'economy', [['SW202', '2026-05-22']], 0, 'gift_card_5521907', 0, 'yes', '2026-05-02T18:40:00'],
  ['ZT4HRN', 'olivia_reyes_4102', 'basic_economy', [['SW301', '2026-05-28']], 0, 'credit_card_7310482', 0, 'no', '2026-05-03T08:05:00'],
  ['R8CJ2L', 'marcus_webb_7731', 'economy', [['SW401', '2026-05-19']], 0, 'credit_card_2209117', 0, 'no', '2026-04-20T12:00:00'],
  ['B3XN5V', 'marcus_webb_7731', 'business', [['SW102', '2026-05-24']], 0, 'credit_card_2209117', 2, 'no', '2026-04-28T16:30:00'],
  ['H6TQ8E', 'noor_haddad_2290', 'economy', [['SW110', '2026-05-18']], 0, 'credit_card_4418835', 1, 'yes', '2026-04-11T09:20:00'],
  ['W9FK4P', 'noor_haddad_2290', 'economy', [['SW501', '2026-05-25']], 0, 'gift_card_3307712', 1, 'yes', '2026-04-15T14:45:00'],
  ['D2LM7S', 'noor_haddad_2290', 'business', [['SW210', '2026-05-29'], ['SW201', '2026-05-31']], 0, 'credit_card_4418835', 2, 'no', '2026-05-05T07:55:00'],
  ['Q4MZ7K', 'priya_nair_5518', 'economy', [['SW310', '2026-05-21']], 0, 'credit_card_9902761', 0, 'no', '2026-05-13T20:00:00'],
  ['J6NP3T', 'priya_nair_5518', 'economy', [['SW103', '2026-05-26']], 0, 'credit_card_9902761', 1, 'no', '2026-04-30T11:11:00'],
  ['F5RB2G', 'kenji_sato_8043', 'economy', [['SW601', '2026-05-17']], 0, 'credit_card_5570338', 0, 'no', '2026-04-02T13:00:00'],
  ['N8VJ6C', 'kenji_sato_8043', 'economy', [['SW302', '2026-05-27']], 0, 'certificate_1184520', 1, 'yes', '2026-04-19T19:25:00'],
  ['X3PL9D', 'kenji_sato_8043', 'basic_economy', [['SW410', '2026-05-30']], 0, 'credit_card_5570338', 0, 'no', '2026-05-06T06:50:00'],
  ['S7DR2Y', 'hannah_cole_3307', 'economy', [['SW311', '2026-05-24']], 0, 'gift_card_8812043', 0, 'yes', '2026-05-04T21:15:00'],
  ['E4KC8U', 'hannah_cole_3307', 'economy', [['SW111', '2026-05-19']], 0, 'credit_card_3345908', 1, 'no', '2026-04-25T10:00:00'],
  ['L9WF3B', 'diego_alvarez_6120', 'economy', [['SW101', '2026-05-16']], 0, 'gift_card_4471236', 0, 'no', '2026-04-01T08:00:00'],
  ['G2TX6H', 'diego_alvarez_6120', 'economy', [['SW201', '2026-05-23']], 0, 'gift_card_4471236', 1, 'no', '2026-04-09T17:35:00'],
  ['A5QV7N', 'diego_alvarez_6120', 'economy', [['SW401', '2026-05-20']], 0, 'credit_card_6623419', 0, 'yes', '2026-04-27T15:05:00'],
  ['C7YK2W', 'ethan_brooks_1954', 'economy', [['SW101', '2026-05-20']], 0, 'credit_card_5012376', 1, 'no', '2026-04-22T09:45:00'],
  ['V2HN8R', 'sofia_marin_4476', 'economy', [['SW202', '2026-05-19']], 1, 'credit_card_7741903', 2, 'no', '2026-04-18T20:20:00'],
  ['M3HZ8Q', 'liam_oconnor_3390', 'economy', [['SW602', '2026-05-22']], 0, 'credit_card_1108342', 1, 'yes', '2026-05-07T12:40:00'],
  ['T5GB7M', 'liam_oconnor_3390', 'economy', [['SW301', '2026-05-18']], 0, 'credit_card_1108342', 0, 'no', '2026-04-24T07:30:00'],
  ['Y8BN4K', 'amara_okafor_6605', 'economy', [['SW601', '2026-05-10']], 0, 'credit_card_6605129', 0, 'no', '2026-04-12T16:00:00'],
  ['U6GD9R', 'hana_yoshida_9081', 'economy', [['SW411', '2026-05-25']], 0, 'credit_card_9081455', 1, 'no', '2026-05-01T22:10:00'],
  ['R2MC5A', 'maya_chen_5023', 'economy', [['SW502', '2026-05-29']], 0, 'credit_card_5023117', 1, 'no', '2026-04-26T15:30:00'],
  ['R2MC6B', 'maya_chen_5023', 'economy', [['SW402', '2026-05-23']], 0, 'credit_card_5023117', 0, 'yes', '2026-04-21T10:00:00'],
  ['H7OF2K', 'omar_farouk_6612', 'economy', [['SW210', '2026-05-21']], 0, 'credit_card_6612904', 1, 'no', '2026-04-29T18:00:00'],
  ['H7OF3M', 'omar_farouk_6612', 'economy', [['SW310', '2026-05-19']], 0, 'credit_card_6612904', 0, 'no', '2026-04-14T09:10:00'],
  ['P3LF8W', 'lena_fischer_7784', 'business', [['SW102', '2026-05-27']], 0, 'credit_card_7784263', 0, 'no', '2026-05-03T13:00:00'],
  ['P3LF9X', 'lena_fischer_7784', 'economy', [['SW501', '2026-05-24']], 0, 'credit_card_7784263', 1, 'no', '2026-05-02T12:00:00'],
];

function buildReservation(booking: Booking, flights: Flight[], users: Profile[]): Reservation {
  const [id, userId, cabin, legs, extra, paymentId, bags, insurance, created] = booking;
  const user = users.find((candidate) => candidate.user_id === userId);
  if (!user) throw new Error(`seed: no user ${userId}`);
  const self = { first_name: user.name.first_name, last_name: user.name.last_name, dob: user.dob };
  const passengers = [self, ...user.saved_passengers.slice(0, extra)];
  const reservationFlights = legs.map(([number, date]) => {
    const flight = flights.find((candidate) => candidate.flight_number === number);
    const price = flight?.dates[date]?.prices[cabin];
    if (!flight || price === undefined) throw new Error(`seed: no flight ${number} on ${date}`);
    return { flight_number: number, date, origin: flight.origin, destination: flight.destination, price };
  });
  const fare = reservationFlights.reduce((sum, leg) => sum + leg.price, 0) * passengers.length;
  const first = reservationFlights[0];
  const last = reservationFlights.at(-1);
  const isRoundTrip = legs.length > 1 && first?.origin === last?.destination;
  return {
    reservation_id: id,
    user_id: userId,
    origin: first?.origin ?? '',
    destination: isRoundTrip ? (first?.destination ?? '') : (last?.destination ?? ''),
    flight_type: isRoundTrip ? 'round_trip' : 'one_way',
    cabin,
    flights: reservationFlights,
    passengers,
    payment_history: [
      { payment_id: paymentId, amount: fare + (insurance === 'yes' ? 30 * passengers.length : 0) },
    ],
    created_at: created,
    total_baggages: bags,
    nonfree_baggages: 0,
    insurance,
  };
}

/** Builds the seeded reservations (prices read from `flights`) and the users that own them. */
export function createUsersAndReservations(flights: Flight[]): {
  users: User[];
  reservations: Reservation[];
} {
  const reservations = bookings.map((booking) => buildReservation(booking, flights, profiles));
  const users = profiles.map((user) => ({
    ...user,
    reservations: reservations
      .filter((reservation) => reservation.user_id === user.user_id)
      .map((reservation) => reservation.reservation_id),
  }));
  return { users, reservations };
}
