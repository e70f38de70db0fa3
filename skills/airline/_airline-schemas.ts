import type { JsonSchema } from '../../core/index.js';

type Properties = Record<string, JsonSchema>;

/** A closed object schema; every property is required unless listed in `optional`. */
export function objectSchema(properties: Properties, optional: readonly string[] = []): JsonSchema {
  return {
    type: 'object',
    properties,
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
  };
}

export const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
export const listOf = (items: JsonSchema, description?: string): JsonSchema =>
  description ? { type: 'array', items, description } : { type: 'array', items };
export const oneOf = (description: string, ...values: string[]): JsonSchema => ({
  type: 'string',
  enum: values,
  description,
});
export const count = (description: string): JsonSchema => ({ type: 'integer', minimum: 0, description });
export const money: JsonSchema = { type: 'number', minimum: 0, description: 'Amount in US dollars.' };

export const userId: JsonSchema = text('The user id, such as "sara_doe_496".');
export const reservationId: JsonSchema = text('The reservation id, such as "8JX2WO".');
export const airport: JsonSchema = {
  type: 'string',
  pattern: '^[A-Z]{3}$',
  description: 'IATA code of an airport, such as "JFK".',
};
export const date: JsonSchema = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'A date, "YYYY-MM-DD".',
};
export const cabin: JsonSchema = oneOf('The cabin class.', 'basic_economy', 'economy', 'business');
export const flightNumber: JsonSchema = text('The flight number, such as "SW101".');
export const paymentId: JsonSchema = text(
  'The id of a payment method of the user, such as "credit_card_7815826".',
);

export const passengerSchema: JsonSchema = objectSchema({
  first_name: text('First name.'),
  last_name: text('Last name.'),
  dob: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date of birth, "YYYY-MM-DD".' },
});
export const legSchema: JsonSchema = objectSchema({ flight_number: flightNumber, date });
export const perCabin: JsonSchema = objectSchema({
  basic_economy: { type: 'number' },
  economy: { type: 'number' },
  business: { type: 'number' },
});

export const reservationSchema: JsonSchema = objectSchema(
  {
    reservation_id: reservationId,
    user_id: { type: 'string' },
    origin: airport,
    destination: airport,
    flight_type: oneOf('One way or round trip.', 'one_way', 'round_trip'),
    cabin,
    flights: listOf(
      objectSchema({
        flight_number: { type: 'string' },
        date,
        origin: airport,
        destination: airport,
        price: money,
      }),
    ),
    passengers: listOf(passengerSchema),
    payment_history: listOf(objectSchema({ payment_id: { type: 'string' }, amount: { type: 'number' } })),
    created_at: { type: 'string' },
    total_baggages: { type: 'integer', minimum: 0 },
    nonfree_baggages: { type: 'integer', minimum: 0 },
    insurance: oneOf('Travel insurance.', 'yes', 'no'),
    status: oneOf('Set once cancelled.', 'cancelled'),
  },
  ['status'],
);
