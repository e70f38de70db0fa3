import {
  charge,
  copy,
  findBookableFlight,
  findPaymentMethod,
  findReservation,
  findUser,
  nextId,
  refund,
  tick,
} from './_airline-records.js';
import type { AirlineState, Cabin, Passenger, Reservation, ReservationFlight } from './airline-state.js';

type Leg = { flight_number: string; date: string };

/** What one extra (non-free) checked bag costs, and travel insurance per passenger, in USD. */
export const BAG_FEE = 50;
export const INSURANCE_FEE = 30;

const round = (amount: number): number => Math.round(amount * 100) / 100;

function bookLegs(state: AirlineState, legs: Leg[], cabin: Cabin, seats: number): ReservationFlight[] {
  const booked = legs.map((leg) => {
    const { flight, day } = findBookableFlight(state, leg.flight_number, leg.date);
    if (day.available_seats[cabin] < seats) {
      throw new Error(`Not enough seats on flight ${leg.flight_number} on ${leg.date} in ${cabin}.`);
    }
    return { flight, day, leg };
  });
  return booked.map(({ flight, day, leg }) => {
    day.available_seats[cabin] -= seats;
    const { origin, destination } = flight;
    return {
      flight_number: leg.flight_number,
      date: leg.date,
      origin,
      destination,
      price: day.prices[cabin],
    };
  });
}

interface BookArgs {
  user_id: string;
  origin: string;
  destination: string;
  flight_type: Reservation['flight_type'];
  cabin: Cabin;
  flights: Leg[];
  passengers: Passenger[];
  payment_methods: { payment_id: string; amount: number }[];
  total_baggages: number;
  nonfree_baggages: number;
  insurance: 'yes' | 'no';
}

function book(state: AirlineState, args: BookArgs): Reservation {
  const user = findUser(state, args.user_id);
  for (const payment of args.payment_methods) findPaymentMethod(user, payment.payment_id);
  const count = args.passengers.length;
  const prices = args.flights.map(
    (leg) => findBookableFlight(state, leg.flight_number, leg.date).day.prices[args.cabin],
  );
  const expected = round(
    prices.reduce((sum, price) => sum + price, 0) * count +
      (args.insurance === 'yes' ? INSURANCE_FEE * count : 0) +
      BAG_FEE * args.nonfree_baggages,
  );
  const paid = round(args.payment_methods.reduce((sum, payment) => sum + payment.amount, 0));
  if (paid !== expected)
    throw new Error(`Payment amount does not add up: the total is ${expected}, got ${paid}.`);
  const flights = bookLegs(state, args.flights, args.cabin, count);
  for (const payment of args.payment_methods) charge(user, payment.payment_id, payment.amount);
  const reservation: Reservation = {
    reservation_id: nextId(state),
    user_id: user.user_id,
    origin: args.origin,
    destination: args.destination,
    flight_type: args.flight_type,
    cabin: args.cabin,
    flights,
    passengers: copy(args.passengers),
    payment_history: copy(args.payment_methods),
    created_at: tick(state),
    total_baggages: args.total_baggages,
    nonfree_baggages: args.nonfree_baggages,
    insurance: args.insurance,
  };
  state.reservations.push(reservation);
  user.reservations.push(reservation.reservation_id);
  return copy(reservation);
}

function activeReservation(state: AirlineState, reservationId: string): Reservation {
  const reservation = findReservation(state, reservationId);
  if (reservation.status === 'cancelled')
    throw new Error(`Reservation ${reservationId} is already cancelled.`);
  return reservation;
}

function cancel(state: AirlineState, args: { reservation_id: string }): Reservation {
  const reservation = activeReservation(state, args.reservation_id);
  const flown = reservation.flights.find((leg) => leg.date < state.now.slice(0, 10));
  if (flown) throw new Error(`Flight ${flown.flight_number} of this reservation has already departed.`);
  const user = findUser(state, reservation.user_id);
  const refunds = reservation.payment_history
    .filter((payment) => payment.amount > 0)
    .map((payment) => ({ payment_id: payment.payment_id, amount: -payment.amount }));
  for (const payment of refunds) refund(user, payment.payment_id, -payment.amount);
  reservation.payment_history.push(...refunds);
  reservation.status = 'cancelled';
  tick(state);
  return copy(reservation);
}

function updateFlights(
  state: AirlineState,
  args: { reservation_id: string; cabin: Cabin; flights: Leg[]; payment_id: string },
): Reservation {
  const reservation = activeReservation(state, args.reservation_id);
  if (reservation.cabin === 'basic_economy')
    throw new Error('Basic economy reservations cannot be modified.');
  const user = findUser(state, reservation.user_id);
  findPaymentMethod(user, args.payment_id);
  const count = reservation.passengers.length;
  const kept = (leg: Leg): ReservationFlight | undefined =>
    args.cabin === reservation.cabin
      ? reservation.flights.find((old) => old.flight_number === leg.flight_number && old.date === leg.date)
      : undefined;
  const fresh = args.flights.filter((leg) => !kept(leg));
  const newPrices = fresh.map(
    (leg) => findBookableFlight(state, leg.flight_number, leg.date).day.prices[args.cabin],
  );
  for (const leg of fresh) {
    const { day } = findBookableFlight(state, leg.flight_number, leg.date);
    if (day.available_seats[args.cabin] < count)
      throw new Error(`Not enough seats on flight ${leg.flight_number} on ${leg.date} in ${args.cabin}.`);
  }
  const oldTotal = reservation.flights.reduce((sum, leg) => sum + leg.price, 0);
  const newTotal =
    args.flights.reduce((sum, leg) => sum + (kept(leg)?.price ?? 0), 0) +
    newPrices.reduce((a, b) => a + b, 0);
  const difference = round((newTotal - oldTotal) * count);
  if (difference > 0) charge(user, args.payment_id, difference, 'change flights');
  else if (difference < 0) refund(user, args.payment_id, -difference);
  const booked = bookLegs(state, fresh, args.cabin, count);
  reservation.flights = args.flights.map((leg) => kept(leg) ?? (booked.shift() as ReservationFlight));
  reservation.cabin = args.cabin;
  if (difference !== 0) reservation.payment_history.push({ payment_id: args.payment_id, amount: difference });
  tick(state);
  return copy(reservation);
}

function updateBaggages(
  state: AirlineState,
  args: { reservation_id: string; total_baggages: number; nonfree_baggages: number; payment_id: string },
): Reservation {
  const reservation = activeReservation(state, args.reservation_id);
  const user = findUser(state, reservation.user_id);
  if (args.total_baggages < reservation.total_baggages) throw new Error('Checked bags cannot be removed.');
  const fee = BAG_FEE * Math.max(0, args.nonfree_baggages - reservation.nonfree_baggages);
  findPaymentMethod(user, args.payment_id);
  if (fee > 0) charge(user, args.payment_id, fee, 'pay for bags');
  reservation.total_baggages = args.total_baggages;
  reservation.nonfree_baggages = args.nonfree_baggages;
  if (fee > 0) reservation.payment_history.push({ payment_id: args.payment_id, amount: fee });
  tick(state);
  return copy(reservation);
}

function updatePassengers(
  state: AirlineState,
  args: { reservation_id: string; passengers: Passenger[] },
): Reservation {
  const reservation = activeReservation(state, args.reservation_id);
  if (args.passengers.length !== reservation.passengers.length) {
    throw new Error(
      `The reservation has ${reservation.passengers.length} passengers; give exactly that many.`,
    );
  }
  reservation.passengers = copy(args.passengers);
  tick(state);
  return copy(reservation);
}

function sendCertificate(state: AirlineState, args: { user_id: string; amount: number }): string {
  const user = findUser(state, args.user_id);
  const id = `certificate_${nextId(state)}`;
  user.payment_methods.push({ id, source: 'certificate', amount: args.amount });
  tick(state);
  return `Certificate ${id} added to user ${user.user_id} with amount ${args.amount}.`;
}

/** Handlers of the tools that change reservations (and send certificates). */
export function createReservationHandlers(state: AirlineState): Record<string, (args: never) => unknown> {
  return {
    book_reservation: (args: BookArgs) => book(state, args),
    cancel_reservation: (args: { reservation_id: string }) => cancel(state, args),
    update_reservation_flights: (args: Parameters<typeof updateFlights>[1]) => updateFlights(state, args),
    update_reservation_baggages: (args: Parameters<typeof updateBaggages>[1]) => updateBaggages(state, args),
    update_reservation_passengers: (args: Parameters<typeof updatePassengers>[1]) =>
      updatePassengers(state, args),
    send_certificate: (args: { user_id: string; amount: number }) => sendCertificate(state, args),
  };
}
