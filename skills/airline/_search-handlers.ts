import { copy, findReservation, findUser } from './_airline-records.js';
import type { AirlineState, Flight } from './airline-state.js';

type Route = { origin: string; destination: string; date: string };

function flightOn(flight: Flight, date: string): Record<string, unknown> | undefined {
  const day = flight.dates[date];
  if (!day || day.status !== 'available') return undefined;
  return {
    flight_number: flight.flight_number,
    origin: flight.origin,
    destination: flight.destination,
    scheduled_departure_time_est: flight.scheduled_departure_time_est,
    scheduled_arrival_time_est: flight.scheduled_arrival_time_est,
    status: day.status,
    available_seats: { ...day.available_seats },
    prices: { ...day.prices },
    date,
  };
}

function directFlights(state: AirlineState, route: Route): Record<string, unknown>[] {
  return state.flights
    .filter((flight) => flight.origin === route.origin && flight.destination === route.destination)
    .flatMap((flight) => {
      const found = flightOn(flight, route.date);
      return found ? [found] : [];
    });
}

function oneStopFlights(state: AirlineState, route: Route): Record<string, unknown>[][] {
  const pairs: Record<string, unknown>[][] = [];
  for (const first of state.flights.filter((flight) => flight.origin === route.origin)) {
    for (const second of state.flights) {
      if (second.origin !== first.destination || second.destination !== route.destination) continue;
      if (second.scheduled_departure_time_est <= first.scheduled_arrival_time_est) continue;
      const legs = [flightOn(first, route.date), flightOn(second, route.date)];
      if (legs[0] && legs[1]) pairs.push(legs as Record<string, unknown>[]);
    }
  }
  return pairs;
}

/** Handlers of the read-only tools: users, reservations, airports, searches and flight status. */
export function createSearchHandlers(state: AirlineState): Record<string, (args: never) => unknown> {
  return {
    get_user_details: (args: { user_id: string }) => copy(findUser(state, args.user_id)),
    get_reservation_details: (args: { reservation_id: string }) =>
      copy(findReservation(state, args.reservation_id)),
    list_all_airports: () => ({ airports: copy(state.airports) }),
    search_direct_flight: (args: Route) => directFlights(state, args),
    search_onestop_flight: (args: Route) => oneStopFlights(state, args),
    get_flight_status: (args: { flight_number: string; date: string }) => {
      const flight = state.flights.find((candidate) => candidate.flight_number === args.flight_number);
      if (!flight) throw new Error(`Flight ${args.flight_number} not found.`);
      const day = flight.dates[args.date];
      if (!day) throw new Error(`Flight ${args.flight_number} does not fly on ${args.date}.`);
      return { flight_number: flight.flight_number, date: args.date, status: day.status };
    },
  };
}
