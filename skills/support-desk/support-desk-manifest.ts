import type { ToolManifestEntry } from '../../core/index.js';
import {
  commentSchema,
  CUSTOMER_ID,
  customerSchema,
  email,
  id,
  listOf,
  memberSchema,
  objectSchema,
  oneOf,
  ORDER_ID,
  orderSchema,
  orderStatusSchema,
  orderSummarySchema,
  refundSchema,
  shipmentSchema,
  text,
  TICKET_ID,
  ticketSchema,
  ticketSummarySchema,
  timestamp,
} from './_entity-schemas.js';

const orderId = id('Order number, four digits, e.g. "8812".', ORDER_ID);
const ticketId = id('Ticket id, e.g. "T-1003".', TICKET_ID);
const teamName = oneOf('billing', 'shipping', 'platform', 'accounts');

/**
 * The support-desk tool manifest: the whitelist a skill may call, shaped like MCP `tools/list`
 * entries. `skills/support-desk/manifest.json` holds the same list as JSON.
 */
export const supportDeskManifest: ToolManifestEntry[] = [
  {
    name: 'find_customer',
    description: 'Finds a customer by email address. Fails when no customer has that email.',
    inputSchema: objectSchema({ email }),
    outputSchema: customerSchema,
  },
  {
    name: 'get_customer',
    description: 'Reads a customer by id.',
    inputSchema: objectSchema({ id: id('Customer id, e.g. "C-101".', CUSTOMER_ID) }),
    outputSchema: customerSchema,
  },
  {
    name: 'get_order',
    description: 'Reads an order with its items, customer and shipment (when shipped).',
    inputSchema: objectSchema({ id: orderId }),
    outputSchema: orderSchema,
  },
  {
    name: 'list_orders',
    description: 'Lists the orders of a customer, newest first, optionally only those in one status.',
    inputSchema: objectSchema(
      { customerId: id('Customer id, e.g. "C-101".', CUSTOMER_ID), status: orderStatusSchema },
      ['status'],
    ),
    outputSchema: objectSchema({ orders: listOf(orderSummarySchema) }),
  },
  {
    name: 'refund_order',
    description:
      'Refunds an amount of an order. Fails when the order is fully refunded already or the amount exceeds what is left.',
    inputSchema: objectSchema({
      orderId,
      amount: { type: 'number', exclusiveMinimum: 0, description: 'Amount in US dollars.' },
      reason: text('Why the customer gets the money back.'),
    }),
    outputSchema: refundSchema,
  },
  {
    name: 'track_shipment',
    description: 'Reads the carrier status of a shipment by tracking number; events are newest first.',
    inputSchema: objectSchema({ trackingNumber: text() }),
    outputSchema: shipmentSchema,
  },
  {
    name: 'create_return_label',
    description: 'Buys a prepaid return label from the carrier gateway. Needs the gateway API key.',
    inputSchema: objectSchema({
      orderId,
      carrier: oneOf('UPS', 'DHL', 'FedEx', 'USPS'),
      apiKey: { type: 'string', minLength: 16, description: 'Carrier gateway API key (secret).' },
    }),
    outputSchema: objectSchema({
      id: text(),
      orderId: text(),
      carrier: text(),
      trackingNumber: text(),
      labelUrl: { type: 'string', format: 'uri' },
      createdAt: timestamp,
    }),
  },
  {
    name: 'send_email',
    description: 'Sends an email to a customer from the support address.',
    inputSchema: objectSchema({ to: email, subject: text(), body: text() }),
    outputSchema: objectSchema({
      id: text(),
      to: email,
      subject: text(),
      status: oneOf('sent'),
      sentAt: timestamp,
    }),
  },
  {
    name: 'kb.search',
    description: 'Searches the knowledge base; results are ranked by how many query words they contain.',
    inputSchema: objectSchema(
      { query: text(), limit: { type: 'integer', minimum: 1, maximum: 10, default: 3 } },
      ['limit'],
    ),
    outputSchema: objectSchema({
      results: listOf(objectSchema({ id: text(), title: text(), url: { type: 'string', format: 'uri' } })),
    }),
  },
  {
    name: 'kb.get_article',
    description: 'Reads a knowledge-base article.',
    inputSchema: objectSchema({ id: id('Article id, e.g. "KB-3".', '^KB-[0-9]+$') }),
    outputSchema: objectSchema({
      id: text(),
      title: text(),
      body: text(),
      tags: listOf(text()),
      url: { type: 'string', format: 'uri' },
    }),
  },
  {
    name: 'tickets.get',
    description: 'Reads a ticket with its customer and comments.',
    inputSchema: objectSchema({ id: ticketId }),
    outputSchema: ticketSchema,
  },
  {
    name: 'tickets.list',
    description: 'Lists tickets by id, optionally only those with a status and/or a tag.',
    inputSchema: objectSchema({ status: oneOf('open', 'pending', 'solved'), tag: text() }, ['status', 'tag']),
    outputSchema: objectSchema({ tickets: listOf(ticketSummarySchema) }),
  },
  {
    name: 'tickets.comment',
    description: 'Adds a public comment to a ticket.',
    inputSchema: objectSchema(
      { ticketId, body: text(), author: text('Handle of the author. Default "desk-bot".') },
      ['author'],
    ),
    outputSchema: commentSchema,
  },
  {
    name: 'tickets.assign',
    description: 'Assigns a ticket to a team member by handle.',
    inputSchema: objectSchema({ ticketId, assignee: text('Handle of a team member, e.g. "priya".') }),
    outputSchema: objectSchema({
      ticketId: text(),
      assignee: text(),
      status: oneOf('open', 'pending', 'solved'),
    }),
  },
  {
    name: 'tickets.update',
    description: 'Changes the status or priority of a ticket and/or adds tags; returns the ticket summary.',
    inputSchema: objectSchema(
      {
        ticketId,
        status: oneOf('open', 'pending', 'solved'),
        priority: oneOf('low', 'normal', 'high', 'urgent'),
        addTags: { type: 'array', items: text(), minItems: 1 },
      },
      ['status', 'priority', 'addTags'],
    ),
    outputSchema: ticketSummarySchema,
  },
  {
    name: 'team.list_members',
    description: 'Lists the members of a support team with their roles.',
    inputSchema: objectSchema({ team: teamName }),
    outputSchema: objectSchema({ team: text(), members: listOf(memberSchema) }),
  },
  {
    name: 'inventory.check_stock',
    description: 'Reads how many units of a SKU are available and in which warehouse.',
    inputSchema: objectSchema({ sku: text() }),
    outputSchema: objectSchema({
      sku: text(),
      available: { type: 'integer', minimum: 0 },
      warehouse: text(),
    }),
  },
];
