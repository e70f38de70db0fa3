import type { ConversationAgent } from './_conversation-runner.js';
import type { Cabin, PaymentMethod, Reservation, User } from './airline-state.js';
import { fact, type AgentStyle, type Facts } from './task-shape.js';

/** Whether `reservation` is the one the customer described (by id, destination or date). */
export function isDescribed(reservation: Reservation, facts: Facts): boolean {
  if (reservation.status === 'cancelled') return false;
  if (facts['reservation_id'] !== undefined) return reservation.reservation_id === facts['reservation_id'];
  if (facts['destination'] !== undefined) return reservation.destination === facts['destination'];
  return reservation.flights[0]?.date === fact(facts, 'date');
}

/**
 * Finds the reservation the customer described among their reservations, the way each agent does:
 * `a` looks them up one by one and stops at the match, `b` looks all up in one turn, `c` looks all
 * up one by one (the thorough agent).
 */
export function findDescribedReservation(
  agent: ConversationAgent,
  user: User,
  facts: Facts,
  style: AgentStyle,
): Reservation {
  const lookup = (id: string): [string, Record<string, unknown>] => [
    'get_reservation_details',
    { reservation_id: id },
  ];
  let found: Reservation[] = [];
  if (style === 'b') {
    found = agent.callAll<Reservation>(user.reservations.map(lookup), 'Let me pull up your reservations.');
  } else {
    for (const id of user.reservations) {
      const reservation = agent.call<Reservation>(...lookup(id));
      found.push(reservation);
      if (style === 'a' && isDescribed(reservation, facts)) break;
    }
  }
  const match = found.find((reservation) => isDescribed(reservation, facts));
  if (!match) throw new Error(`${user.user_id} has no reservation matching ${JSON.stringify(facts)}`);
  return match;
}

/** The payment method the customer named: a card brand (`visa`), `gift_card` or `certificate`. */
export function namedPaymentMethod(user: User, named: string): PaymentMethod {
  const method = user.payment_methods.find(
    (candidate) => candidate.brand === named || candidate.source === named,
  );
  if (!method) throw new Error(`${user.user_id} has no payment method ${named}`);
  return method;
}

/** How the customer calls a payment method: "visa ending in 0482", "gift card". */
export function describePayment(method: PaymentMethod): string {
  if (method.source === 'credit_card') return `${method.brand ?? 'card'} ending in ${method.last_four ?? ''}`;
  return `${method.source.replace('_', ' ')} (balance $${method.amount ?? 0})`;
}

const allowance: Record<User['membership'], Record<Cabin, number>> = {
  regular: { basic_economy: 0, economy: 1, business: 2 },
  silver: { basic_economy: 1, economy: 2, business: 3 },
  gold: { basic_economy: 2, economy: 3, business: 3 },
};

/** Free checked bags per passenger, by membership and cabin (the policy). */
export function freeBagsPerPassenger(membership: User['membership'], cabin: Cabin): number {
  return allowance[membership][cabin];
}

/**
 * The cancellation policy: allowed within 24 hours of booking, in business, or with insurance.
 * `now` is the airline's clock.
 */
export function isCancellable(reservation: Reservation, now: string): boolean {
  const hours = (Date.parse(`${now}Z`) - Date.parse(`${reservation.created_at}Z`)) / 3_600_000;
  return hours <= 24 || reservation.cabin === 'business' || reservation.insurance === 'yes';
}

/** "SFO to DEN on 2026-05-22 (SW202)". */
export function describeTrip(reservation: Reservation): string {
  const legs = reservation.flights.map((leg) => leg.flight_number).join(', ');
  return `${reservation.origin} to ${reservation.destination} on ${reservation.flights[0]?.date ?? ''} (${legs})`;
}

/** What the customer paid, refunds deducted. */
export function paidTotal(reservation: Reservation): number {
  return reservation.payment_history.reduce((sum, payment) => sum + payment.amount, 0);
}
