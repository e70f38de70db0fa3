import type { Flight, FlightDate, PerCabin } from './airline-state.js';

/** The airports Skyway serves. */
export const airports: { iata: string; city: string }[] = [
  { iata: 'ATL', city: 'Atlanta' },
  { iata: 'BOS', city: 'Boston' },
  { iata: 'DEN', city: 'Denver' },
  { iata: 'JFK', city: 'New York' },
  { iata: 'LAX', city: 'Los Angeles' },
  { iata: 'MIA', city: 'Miami' },
  { iata: 'ORD', city: 'Chicago' },
  { iata: 'PHX', city: 'Phoenix' },
  { iata: 'SEA', city: 'Seattle' },
  { iata: 'SFO', city: 'San Francisco' },
];

// [flight number, origin, destination, departs, arrives, base economy price]
const schedule: [string, string, string, string, string, number][] = [
  ['SW101', 'JFK', 'LAX', '08:00:00', '11:30:00', 164],
  ['SW102', 'JFK', 'LAX', '13:00:00', '16:30:00', 151],
  ['SW103', 'JFK', 'LAX', '19:00:00', '22:30:00', 128],
  ['SW110', 'LAX', 'JFK', '07:00:00', '15:20:00', 172],
  ['SW111', 'LAX', 'JFK', '14:00:00', '22:20:00', 149],
  ['SW201', 'SFO', 'DEN', '06:30:00', '10:00:00', 118],
  ['SW202', 'SFO', 'DEN', '12:15:00', '15:45:00', 104],
  ['SW210', 'DEN', 'SFO', '09:00:00', '10:50:00', 111],
  ['SW301', 'BOS', 'ORD', '07:45:00', '09:50:00', 96],
  ['SW302', 'BOS', 'ORD', '17:10:00', '19:15:00', 88],
  ['SW310', 'ORD', 'SEA', '11:00:00', '13:40:00', 142],
  ['SW311', 'ORD', 'SEA', '20:30:00', '23:10:00', 119],
  ['SW320', 'ORD', 'BOS', '10:20:00', '13:25:00', 92],
  ['SW401', 'MIA', 'ATL', '09:00:00', '10:55:00', 87],
  ['SW402', 'MIA', 'ATL', '15:30:00', '17:25:00', 79],
  ['SW410', 'ATL', 'PHX', '12:30:00', '14:00:00', 133],
  ['SW411', 'ATL', 'PHX', '19:45:00', '21:15:00', 121],
  ['SW501', 'SEA', 'DEN', '10:10:00', '13:45:00', 126],
  ['SW502', 'DEN', 'BOS', '14:30:00', '20:05:00', 158],
  ['SW601', 'PHX', 'LAX', '08:40:00', '09:55:00', 74],
  ['SW602', 'LAX', 'SFO', '18:00:00', '19:25:00', 69],
];

/** The first and last day (of May 2026) with flights. */
const FIRST_DAY = 8;
const LAST_DAY = 31;
/** Days before this one have flown (the seeded clock is 2026-05-14). */
const TODAY = 14;

// A small deterministic spread so prices and seats differ by flight and day without randomness.
const spread = (flight: number, day: number, modulo: number): number => (flight * 7 + day * 13) % modulo;

// Full cabins the recorded runs run into (`not enough seats`), and the seats otherwise.
const soldOut: Record<string, keyof PerCabin> = {
  'SW201/2026-05-22': 'economy',
  'SW110/2026-05-26': 'economy',
};

function flightDate(number: string, index: number, day: number, base: number): FlightDate {
  const date = `2026-05-${String(day).padStart(2, '0')}`;
  const economy = base + spread(index, day, 23) - 11;
  const seats = {
    basic_economy: 2 + spread(index, day, 9),
    economy: 4 + spread(index, day, 14),
    business: 1 + spread(index, day, 6),
  };
  const full = soldOut[`${number}/${date}`];
  if (full) seats[full] = 0;
  return {
    status: day < TODAY ? 'landed' : 'available',
    available_seats: seats,
    prices: { basic_economy: economy - 38, economy, business: economy * 3 + 12 },
  };
}

/** Builds the seeded flights: the schedule above, flown every day from May 8 to May 31, 2026. */
export function createFlights(): Flight[] {
  return schedule.map(([number, origin, destination, departs, arrives, base], index) => {
    const dates: Record<string, FlightDate> = {};
    for (let day = FIRST_DAY; day <= LAST_DAY; day += 1) {
      dates[`2026-05-${String(day).padStart(2, '0')}`] = flightDate(number, index, day, base);
    }
    return {
      flight_number: number,
      origin,
      destination,
      scheduled_departure_time_est: departs,
      scheduled_arrival_time_est: arrives,
      dates,
    };
  });
}
