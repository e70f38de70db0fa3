import { airports, createFlights } from './_seed-flights.js';
import { createUsersAndReservations } from './_seed-users.js';
import type { AirlineState } from './airline-state.js';

/** The fixed clock the seeded airline starts at (local time, like the flight times). */
export const AIRLINE_SEED_NOW = '2026-05-14T09:00:00';

/**
 * Builds a fresh copy of the seeded airline: 10 airports, 21 flights flown daily May 8-31 2026,
 * 16 users and 30 reservations. Every call returns independent objects.
 */
export function createAirlineSeed(): AirlineState {
  const flights = createFlights();
  const { users, reservations } = createUsersAndReservations(flights);
  return structuredClone({
    now: AIRLINE_SEED_NOW,
    sequence: 0,
    airports,
    flights,
    users,
    reservations,
    transfers: [],
  });
}
