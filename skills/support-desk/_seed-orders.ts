import type { Customer, OrderItem, OrderRecord, Shipment } from './support-desk-state.js';

/** The seeded customers. */
export const customers: Customer[] = [
  { id: 'C-101', name: 'Ada Lovelace', email: 'ada@example.com', tier: 'plus' },
  { id: 'C-102', name: 'Grace Hopper', email: 'grace@example.com', tier: 'business' },
  { id: 'C-103', name: 'Alan Turing', email: 'alan@example.com', tier: 'standard' },
  { id: 'C-104', name: 'Katherine Johnson', email: 'katherine@example.com', tier: 'standard' },
  { id: 'C-105', name: 'Lee Sedol', email: 'lee@example.com', tier: 'standard' },
  { id: 'C-106', name: 'Margaret Hamilton', email: 'margaret@example.com', tier: 'plus' },
  { id: 'C-107', name: 'Edsger Dijkstra', email: 'edsger@example.com', tier: 'standard' },
  { id: 'C-108', name: 'Barbara Liskov', email: 'barbara@example.com', tier: 'business' },
];

/** The products the shop sells, keyed by a short name. */
export const catalog = {
  kettle: { sku: 'KTL-BLU', name: 'Blue kettle', unitPrice: 39.5 },
  mug: { sku: 'MUG-CER', name: 'Ceramic mug', unitPrice: 12.25 },
  grinder: { sku: 'GRD-STL', name: 'Steel coffee grinder', unitPrice: 64 },
  teapot: { sku: 'TPT-GLS', name: 'Glass teapot', unitPrice: 28.75 },
  filters: { sku: 'FLT-100', name: 'Paper filters (100)', unitPrice: 4.5 },
  scale: { sku: 'SCL-DIG', name: 'Digital scale', unitPrice: 22 },
  tin: { sku: 'TIN-TEA', name: 'Tea tin', unitPrice: 9.9 },
} as const;

type Line = [keyof typeof catalog, number];

function order(
  id: string,
  customerId: string,
  status: OrderRecord['status'],
  lines: Line[],
  placedAt: string,
  shipmentId?: string,
): OrderRecord {
  const items: OrderItem[] = lines.map(([key, quantity]) => ({ ...catalog[key], quantity }));
  // Cents, so totals never carry binary-float noise (12.25 * 3 stays 36.75).
  const cents = items.reduce((sum, item) => sum + Math.round(item.unitPrice * 100) * item.quantity, 0);
  const total = cents / 100;
  const refundedAmount = status === 'refunded' ? total : 0;
  const record: OrderRecord = { id, customerId, status, items, total, refundedAmount, placedAt };
  if (shipmentId) record.shipmentId = shipmentId;
  return record;
}

/** The seeded orders: delivered, shipped, refunded and processing ones. */
export const orders: OrderRecord[] = [
  order('8811', 'C-101', 'delivered', [['kettle', 1]], '2026-02-10T10:12:00.000Z', 'S-8811'),
  order('8812', 'C-102', 'delivered', [['mug', 2]], '2026-02-11T08:30:00.000Z', 'S-8812'),
  order('8813', 'C-103', 'refunded', [['teapot', 1]], '2026-02-12T14:05:00.000Z', 'S-8813'),
  order(
    '8814',
    'C-104',
    'delivered',
    [
      ['grinder', 1],
      ['filters', 2],
    ],
    '2026-02-14T16:45:00.000Z',
    'S-8814',
  ),
  order(
    '8815',
    'C-101',
    'shipped',
    [
      ['teapot', 1],
      ['tin', 2],
    ],
    '2026-02-25T11:00:00.000Z',
    'S-8815',
  ),
  order('8816', 'C-104', 'shipped', [['scale', 1]], '2026-02-26T09:20:00.000Z', 'S-8816'),
  order('8817', 'C-106', 'delivered', [['mug', 3]], '2026-02-15T12:00:00.000Z', 'S-8817'),
  order(
    '8818',
    'C-108',
    'shipped',
    [
      ['kettle', 1],
      ['mug', 1],
    ],
    '2026-02-27T15:40:00.000Z',
    'S-8818',
  ),
  order(
    '8819',
    'C-107',
    'delivered',
    [
      ['teapot', 1],
      ['filters', 1],
    ],
    '2026-02-16T07:55:00.000Z',
    'S-8819',
  ),
  order('8820', 'C-105', 'shipped', [['grinder', 1]], '2026-02-28T13:10:00.000Z', 'S-8820'),
  order(
    '8821',
    'C-108',
    'delivered',
    [
      ['scale', 1],
      ['tin', 1],
    ],
    '2026-02-17T18:25:00.000Z',
    'S-8821',
  ),
  order(
    '8822',
    'C-102',
    'processing',
    [
      ['kettle', 1],
      ['grinder', 1],
      ['filters', 3],
    ],
    '2026-03-01T20:00:00.000Z',
  ),
  order(
    '8823',
    'C-103',
    'processing',
    [
      ['tin', 4],
      ['mug', 2],
    ],
    '2026-03-01T21:30:00.000Z',
  ),
  order('8824', 'C-101', 'processing', [['scale', 1]], '2026-03-02T08:15:00.000Z'),
];

type Leg = [at: string, status: string, location: string];

function shipment(orderId: string, carrier: Shipment['carrier'], tracking: string, legs: Leg[]): Shipment {
  // Tracking APIs list the newest scan first.
  const events = legs.map(([at, status, location]) => ({ at, status, location })).reverse();
  const last = legs[legs.length - 1]?.[1] ?? 'label_created';
  const status = (last === 'delivered' ? 'delivered' : last) as Shipment['status'];
  return { id: `S-${orderId}`, orderId, carrier, trackingNumber: tracking, status, events };
}

const depart = (day: string, place: string): Leg => [`2026-${day}T06:00:00.000Z`, 'in_transit', place];
const deliver = (day: string, place: string): Leg => [`2026-${day}T14:30:00.000Z`, 'delivered', place];

/** One shipment per shipped or delivered order. */
export const shipments: Shipment[] = [
  shipment('8811', 'UPS', '1Z999AA10123456784', [
    depart('02-11', 'Louisville, KY'),
    deliver('02-13', 'London, UK'),
  ]),
  shipment('8812', 'DHL', 'JD014600003828', [
    depart('02-12', 'Leipzig, DE'),
    deliver('02-14', 'Arlington, VA'),
  ]),
  shipment('8813', 'USPS', '9400111899223100001', [
    depart('02-13', 'Memphis, TN'),
    deliver('02-16', 'Cambridge, UK'),
  ]),
  shipment('8814', 'FedEx', '771234567890', [
    depart('02-15', 'Memphis, TN'),
    deliver('02-18', 'Hampton, VA'),
  ]),
  shipment('8815', 'DHL', 'JD014600004417', [
    depart('02-26', 'Leipzig, DE'),
    depart('02-28', 'East Midlands, UK'),
  ]),
  shipment('8816', 'UPS', '1Z999AA10123459921', [
    depart('02-27', 'Louisville, KY'),
    depart('03-01', 'Richmond, VA'),
  ]),
  shipment('8817', 'USPS', '9400111899223100044', [
    depart('02-16', 'Boston, MA'),
    deliver('02-19', 'Boston, MA'),
  ]),
  shipment('8818', 'FedEx', '771234569911', [
    depart('02-28', 'Memphis, TN'),
    ['2026-03-01T17:05:00.000Z', 'exception', 'Oakland, CA'],
  ]),
  shipment('8819', 'UPS', '1Z999AA10123450077', [
    depart('02-17', 'Louisville, KY'),
    deliver('02-20', 'Austin, TX'),
  ]),
  shipment('8820', 'DHL', 'JD014600005093', [depart('03-01', 'Cincinnati, OH')]),
  shipment('8821', 'FedEx', '771234560346', [depart('02-18', 'Memphis, TN'), deliver('02-21', 'Boston, MA')]),
];
