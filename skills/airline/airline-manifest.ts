import type { ToolManifestEntry } from '../../core/index.js';
import {
  airport,
  cabin,
  count,
  date,
  flightNumber,
  legSchema,
  listOf,
  money,
  objectSchema,
  oneOf,
  passengerSchema,
  paymentId,
  reservationId,
  reservationSchema,
  text,
  userId,
} from './_airline-schemas.js';

const route = objectSchema({ origin: airport, destination: airport, date });
const readOnly = { readOnlyHint: true } as const;

/**
 * The airline tool manifest, shaped like MCP `tools/list` entries and like the tools of public
 * airline agent benchmarks: most results have no `outputSchema` (agents see JSON text), only
 * some tools carry `annotations.readOnlyHint` (the searches, read-only too, do not).
 * `skills/airline/manifest.json` holds the same list as JSON.
 */
export const airlineManifest: ToolManifestEntry[] = [
  {
    name: 'get_user_details',
    description:
      'Gets the details of a user: name, membership, payment methods, saved passengers, reservation ids.',
    inputSchema: objectSchema({ user_id: userId }),
    annotations: readOnly,
  },
  {
    name: 'get_reservation_details',
    description: 'Gets the details of a reservation: flights, cabin, passengers, payments, bags, insurance.',
    inputSchema: objectSchema({ reservation_id: reservationId }),
    annotations: readOnly,
  },
  {
    name: 'list_all_airports',
    description: 'Lists every airport the airline serves, with its city.',
    inputSchema: objectSchema({}),
    outputSchema: objectSchema({
      airports: listOf(objectSchema({ iata: { type: 'string' }, city: { type: 'string' } })),
    }),
    annotations: readOnly,
  },
  {
    name: 'search_direct_flight',
    description: 'Searches direct flights between two airports on a date; answers a list of flights.',
    inputSchema: route,
  },
  {
    name: 'search_onestop_flight',
    description:
      'Searches one-stop connections between two airports on a date; answers a list of [first, second] legs.',
    inputSchema: route,
  },
  {
    name: 'get_flight_status',
    description: 'Gets the status of a flight on a date.',
    inputSchema: objectSchema({ flight_number: flightNumber, date }),
    outputSchema: objectSchema({
      flight_number: { type: 'string' },
      date,
      status: oneOf('Flight status.', 'available', 'delayed', 'cancelled', 'landed'),
    }),
    annotations: readOnly,
  },
  {
    name: 'book_reservation',
    description:
      'Books a reservation. The payments must add up to the fare of every passenger on every flight, plus insurance (30 per passenger) and 50 per non-free bag.',
    inputSchema: objectSchema({
      user_id: userId,
      origin: airport,
      destination: airport,
      flight_type: oneOf('One way or round trip.', 'one_way', 'round_trip'),
      cabin,
      flights: listOf(legSchema, 'Every flight of the trip, in order.'),
      passengers: listOf(passengerSchema, 'Every traveller, the user included when travelling.'),
      payment_methods: listOf(
        objectSchema({ payment_id: paymentId, amount: money }),
        'How the total is paid.',
      ),
      total_baggages: count('Checked bags in total.'),
      nonfree_baggages: count('Checked bags beyond the free allowance.'),
      insurance: oneOf('Travel insurance.', 'yes', 'no'),
    }),
    outputSchema: reservationSchema,
  },
  {
    name: 'cancel_reservation',
    description: 'Cancels a whole reservation and refunds every payment to its original payment method.',
    inputSchema: objectSchema({ reservation_id: reservationId }),
    annotations: { readOnlyHint: false, destructiveHint: true },
  },
  {
    name: 'update_reservation_flights',
    description:
      'Replaces the flights (and optionally the cabin) of a reservation; the fare difference is charged or refunded to the payment method.',
    inputSchema: objectSchema({
      reservation_id: reservationId,
      cabin,
      flights: listOf(legSchema, 'Every flight of the new itinerary, unchanged ones included.'),
      payment_id: paymentId,
    }),
  },
  {
    name: 'update_reservation_baggages',
    description: 'Updates the checked bags of a reservation; each new non-free bag costs 50.',
    inputSchema: objectSchema({
      reservation_id: reservationId,
      total_baggages: count('Checked bags in total after the update.'),
      nonfree_baggages: count('Non-free checked bags in total after the update.'),
      payment_id: paymentId,
    }),
  },
  {
    name: 'update_reservation_passengers',
    description: 'Replaces the passengers of a reservation (same number of passengers).',
    inputSchema: objectSchema({ reservation_id: reservationId, passengers: listOf(passengerSchema) }),
    outputSchema: reservationSchema,
  },
  {
    name: 'send_certificate',
    description: 'Sends a travel certificate (a compensation) to a user.',
    inputSchema: objectSchema({ user_id: userId, amount: money }),
  },
  {
    name: 'think',
    description:
      'Thinks about something; changes nothing and returns nothing. Use it to reason before acting.',
    inputSchema: objectSchema({ thought: text('A thought.') }),
    outputSchema: { type: 'string' },
    annotations: readOnly,
  },
  {
    name: 'calculate',
    description: 'Calculates an arithmetic expression (+ - * / and parentheses), answered as text.',
    inputSchema: objectSchema({ expression: text('The expression, such as "2 * 150 + 30".') }),
    outputSchema: { type: 'string' },
    annotations: readOnly,
  },
  {
    name: 'transfer_to_human_agents',
    description: 'Transfers the user to a human agent, with a summary of the issue.',
    inputSchema: objectSchema({ summary: text('A summary of the issue.') }),
  },
];
