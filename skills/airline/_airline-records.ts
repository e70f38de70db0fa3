import type { AirlineState, Flight, FlightDate, PaymentMethod, Reservation, User } from './airline-state.js';

const MINUTE_MS = 60_000;

/** Returns the airline's current time and moves its fixed clock one minute on. */
export function tick(state: AirlineState): string {
  const now = state.now;
  state.now = new Date(Date.parse(`${now}Z`) + MINUTE_MS).toISOString().slice(0, 19);
  return now;
}

/** The next id of six capitals and digits (`HX4K2B`): deterministic, from the state's counter. */
export function nextId(state: AirlineState): string {
  state.sequence += 1;
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let value = (state.sequence * 2_654_435_761) % 1_073_741_824;
  let id = '';
  for (let index = 0; index < 6; index += 1) {
    id += alphabet[value % alphabet.length];
    value = Math.floor(value / alphabet.length) + index * 7;
  }
  return id;
}

/** The user `userId`, or the error a real API answers with. */
export function findUser(state: AirlineState, userId: string): User {
  const user = state.users.find((candidate) => candidate.user_id === userId);
  if (!user) throw new Error(`User ${userId} not found.`);
  return user;
}

/** The reservation `reservationId`, or the error a real API answers with. */
export function findReservation(state: AirlineState, reservationId: string): Reservation {
  const reservation = state.reservations.find((candidate) => candidate.reservation_id === reservationId);
  if (!reservation) throw new Error(`Reservation ${reservationId} not found.`);
  return reservation;
}

/** A flight on a date that can still be booked. */
export function findBookableFlight(
  state: AirlineState,
  flightNumber: string,
  date: string,
): { flight: Flight; day: FlightDate } {
  const flight = state.flights.find((candidate) => candidate.flight_number === flightNumber);
  if (!flight) throw new Error(`Flight ${flightNumber} not found.`);
  const day = flight.dates[date];
  if (!day) throw new Error(`Flight ${flightNumber} does not fly on ${date}.`);
  if (day.status !== 'available')
    throw new Error(`Flight ${flightNumber} on ${date} is not available (${day.status}).`);
  return { flight, day };
}

/** The payment method `paymentId` of `user`. */
export function findPaymentMethod(user: User, paymentId: string): PaymentMethod {
  const method = user.payment_methods.find((candidate) => candidate.id === paymentId);
  if (!method) throw new Error(`Payment method ${paymentId} not found.`);
  return method;
}

/**
 * Charges `amount` (a refund when negative) to a payment method: gift cards and certificates
 * need the balance; a used certificate is spent whole. `purpose` names what may not use certificates.
 */
export function charge(user: User, paymentId: string, amount: number, purpose?: string): void {
  const method = findPaymentMethod(user, paymentId);
  if (method.source === 'certificate' && purpose) {
    throw new Error(`A certificate cannot be used to ${purpose}.`);
  }
  if (method.source === 'credit_card') return;
  const balance = method.amount ?? 0;
  if (amount > balance) {
    throw new Error(
      `The ${method.source.replace('_', ' ')} balance is not enough: ${balance} left, ${amount} needed.`,
    );
  }
  if (method.source === 'certificate' && amount > 0) {
    user.payment_methods = user.payment_methods.filter((candidate) => candidate !== method);
    return;
  }
  method.amount = Math.round((balance - amount) * 100) / 100;
}

/** A copy of a record to hand out, so callers cannot change the state through it. */
export const copy = <T>(value: T): T => structuredClone(value);

/** Refunds `amount` to the payment method it was paid with (a spent certificate comes back). */
export function refund(user: User, paymentId: string, amount: number): void {
  const method = user.payment_methods.find((candidate) => candidate.id === paymentId);
  if (!method) {
    if (paymentId.startsWith('certificate_'))
      user.payment_methods.push({ id: paymentId, source: 'certificate', amount });
    return;
  }
  if (method.source !== 'credit_card')
    method.amount = Math.round(((method.amount ?? 0) + amount) * 100) / 100;
}
