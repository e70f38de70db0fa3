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

export const text = (description?: string): JsonSchema =>
  description ? { type: 'string', minLength: 1, description } : { type: 'string', minLength: 1 };
export const id = (description: string, pattern: string): JsonSchema => ({
  type: 'string',
  pattern,
  description,
});
export const money: JsonSchema = { type: 'number', minimum: 0, description: 'Amount in US dollars.' };
export const timestamp: JsonSchema = { type: 'string', format: 'date-time' };
export const email: JsonSchema = { type: 'string', format: 'email' };
export const listOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const oneOf = (...values: string[]): JsonSchema => ({ type: 'string', enum: values });

export const ORDER_ID = '^[0-9]{4}$';
export const CUSTOMER_ID = '^C-[0-9]{3}$';
export const TICKET_ID = '^T-[0-9]{4}$';

export const customerSchema: JsonSchema = objectSchema({
  id: id('Customer id, e.g. "C-101".', CUSTOMER_ID),
  name: text(),
  email,
  tier: oneOf('standard', 'plus', 'business'),
});

export const customerRefSchema: JsonSchema = objectSchema({ id: text(), name: text(), email });

export const orderStatusSchema: JsonSchema = oneOf(
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
);

export const orderItemSchema: JsonSchema = objectSchema({
  sku: text(),
  name: text(),
  quantity: { type: 'integer', minimum: 1 },
  unitPrice: money,
});

export const orderSchema: JsonSchema = objectSchema(
  {
    id: text(),
    status: orderStatusSchema,
    placedAt: timestamp,
    total: money,
    refundedAmount: money,
    items: listOf(orderItemSchema),
    customer: customerRefSchema,
    shipment: objectSchema({ carrier: text(), trackingNumber: text(), status: text() }),
  },
  ['shipment'],
);

export const orderSummarySchema: JsonSchema = objectSchema({
  id: text(),
  status: orderStatusSchema,
  placedAt: timestamp,
  total: money,
  itemCount: { type: 'integer', minimum: 0 },
});

export const refundSchema: JsonSchema = objectSchema({
  id: text(),
  orderId: text(),
  amount: money,
  reason: text(),
  createdAt: timestamp,
});

export const shipmentSchema: JsonSchema = objectSchema({
  id: text(),
  orderId: text(),
  carrier: oneOf('UPS', 'DHL', 'FedEx', 'USPS'),
  trackingNumber: text(),
  status: oneOf('label_created', 'in_transit', 'out_for_delivery', 'delivered', 'exception'),
  events: listOf(objectSchema({ at: timestamp, status: text(), location: text() })),
});

export const commentSchema: JsonSchema = objectSchema({
  id: text(),
  ticketId: text(),
  author: text(),
  body: text(),
  createdAt: timestamp,
});

const ticketFields = {
  id: text(),
  subject: text(),
  status: oneOf('open', 'pending', 'solved'),
  priority: oneOf('low', 'normal', 'high', 'urgent'),
  tags: listOf(text()),
  reporter: text(),
  assignee: text(),
  orderId: text(),
  customer: customerRefSchema,
};

export const ticketSummarySchema: JsonSchema = objectSchema(ticketFields, ['assignee', 'orderId']);

export const ticketSchema: JsonSchema = objectSchema(
  {
    ...ticketFields,
    comments: listOf(objectSchema({ id: text(), author: text(), body: text(), createdAt: timestamp })),
  },
  ['assignee', 'orderId'],
);

export const memberSchema: JsonSchema = objectSchema({
  handle: text(),
  name: text(),
  email,
  role: oneOf('agent', 'lead', 'oncall', 'billing-specialist'),
});
