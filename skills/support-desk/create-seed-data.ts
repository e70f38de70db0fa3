import type {
  Article,
  Customer,
  OrderItem,
  OrderRecord,
  Shipment,
  SupportDeskState,
  TeamMember,
  TicketRecord,
} from './support-desk-state.js';

/** The fixed clock the seeded desk starts at. */
export const SEED_NOW = '2026-03-02T09:00:00.000Z';

const customers: Customer[] = [
  { id: 'C-101', name: 'Ada Lovelace', email: 'ada@example.com', tier: 'plus' },
  { id: 'C-102', name: 'Grace Hopper', email: 'grace@example.com', tier: 'business' },
  { id: 'C-103', name: 'Alan Turing', email: 'alan@example.com', tier: 'standard' },
  { id: 'C-104', name: 'Katherine Johnson', email: 'katherine@example.com', tier: 'standard' },
  { id: 'C-105', name: 'Lee Sedol', email: 'lee@example.com', tier: 'standard' },
  { id: 'C-106', name: 'Margaret Hamilton', email: 'margaret@example.com', tier: 'plus' },
  { id: 'C-107', name: 'Edsger Dijkstra', email: 'edsger@example.com', tier: 'standard' },
  { id: 'C-108', name: 'Barbara Liskov', email: 'barbara@example.com', tier: 'business' },
];

const catalog = {
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

const orders: OrderRecord[] = [
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

const shipments: Shipment[] = [
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

function ticket(
  id: string,
  subject: string,
  customerId: string,
  reporter: string,
  fields: Partial<Pick<TicketRecord, 'status' | 'priority' | 'tags' | 'orderId'>>,
): TicketRecord {
  return {
    id,
    subject,
    customerId,
    reporter,
    status: 'open',
    priority: 'normal',
    tags: [],
    comments: [],
    ...fields,
  };
}

const tickets: TicketRecord[] = [
  ticket('T-1001', 'Refund not received', 'C-103', 'alan', { tags: ['billing'], orderId: '8813' }),
  ticket('T-1002', 'Charged twice for order 8816', 'C-104', 'katherine', {
    tags: ['billing'],
    priority: 'high',
    orderId: '8816',
  }),
  ticket('T-1003', 'Crash on save', 'C-105', 'lee', { tags: ['app', 'bug'] }),
  ticket('T-1004', 'Cannot log in after update', 'C-106', 'margaret', {
    tags: ['app', 'outage'],
    priority: 'high',
  }),
  ticket('T-1005', 'Sync stuck at 99%', 'C-107', 'edsger', { tags: ['app', 'outage'] }),
  ticket('T-1006', 'Export to CSV drops accents', 'C-108', 'barbara', {
    tags: ['app', 'bug'],
    status: 'pending',
  }),
  ticket('T-1007', 'Parcel marked delivered but not here', 'C-101', 'ada', {
    tags: ['shipping'],
    orderId: '8811',
  }),
  ticket('T-1008', 'Dashboard shows a blank page', 'C-102', 'grace', {
    tags: ['app', 'outage'],
    priority: 'urgent',
  }),
  ticket('T-1009', 'Wrong size delivered', 'C-103', 'alan', { tags: ['shipping'], status: 'solved' }),
  ticket('T-1010', 'Where is my invoice?', 'C-104', 'katherine', { tags: ['billing'], priority: 'low' }),
  ticket('T-1011', 'App freezes on export', 'C-101', 'ada', { tags: ['app', 'bug'] }),
  ticket('T-1012', 'Lost package', 'C-106', 'margaret', { tags: ['shipping'], orderId: '8817' }),
  ticket('T-1013', 'Tracking shows an exception', 'C-108', 'barbara', {
    tags: ['shipping'],
    orderId: '8818',
  }),
];

function member(team: string, handle: string, name: string, role: TeamMember['role']): TeamMember {
  return { handle, name, email: `${handle}@desk.example.com`, team, role };
}

// The on-call member sits at a different position in every team (2, 0, 1, 3).
const members: TeamMember[] = [
  member('billing', 'nora', 'Nora Quinn', 'lead'),
  member('billing', 'omar', 'Omar Haddad', 'billing-specialist'),
  member('billing', 'priya', 'Priya Raman', 'oncall'),
  member('shipping', 'sam', 'Sam Okafor', 'oncall'),
  member('shipping', 'tess', 'Tess Moreau', 'agent'),
  member('shipping', 'uma', 'Uma Castillo', 'lead'),
  member('platform', 'vik', 'Vik Lindqvist', 'agent'),
  member('platform', 'wen', 'Wen Zhao', 'oncall'),
  member('platform', 'xavi', 'Xavi Ferrer', 'lead'),
  member('platform', 'yara', 'Yara Nasser', 'agent'),
  member('accounts', 'zoe', 'Zoe Adams', 'agent'),
  member('accounts', 'abe', 'Abe Kowalski', 'lead'),
  member('accounts', 'bea', 'Bea Santos', 'agent'),
  member('accounts', 'cal', 'Cal Moreno', 'oncall'),
];

const kb = (id: string, title: string, tags: string[], body: string): Article => ({
  id,
  title,
  tags,
  body,
  url: `https://help.example.com/kb/${id}`,
});

const articles: Article[] = [
  kb(
    'KB-1',
    'Return policy',
    ['returns'],
    'Items can be returned within 30 days of delivery for a full refund.',
  ),
  kb(
    'KB-2',
    'How to track your parcel',
    ['shipping'],
    'Use the tracking number from your shipping email on the carrier site.',
  ),
  kb(
    'KB-3',
    'Refund timelines',
    ['billing', 'refund'],
    'Refunds reach your card within 5 to 10 business days.',
  ),
  kb(
    'KB-4',
    'Resetting your password',
    ['account'],
    'Use "Forgot password" on the sign-in page to get a reset link.',
  ),
  kb(
    'KB-5',
    'Exporting data to CSV',
    ['app', 'export'],
    'Exports are UTF-8 encoded; open them with the import wizard.',
  ),
  kb(
    'KB-6',
    'Known issue: sign-in after the 4.2 update',
    ['app', 'outage'],
    'Clear the app cache, then sign in again.',
  ),
  kb(
    'KB-7',
    'Damaged items',
    ['returns', 'refund'],
    'Send a photo of the damage; we refund damaged items in full.',
  ),
];

/** Builds a fresh copy of the seeded desk; every call returns independent objects. */
export function createSeedData(): SupportDeskState {
  return structuredClone({
    now: SEED_NOW,
    customers,
    orders,
    refunds: [],
    shipments,
    outbox: [],
    articles,
    tickets,
    members,
    stock: Object.values(catalog).map((item, index) => ({
      sku: item.sku,
      available: [14, 0, 3, 27, 120, 6, 41][index] ?? 0,
      warehouse: index % 2 === 0 ? 'Reno, NV' : 'Columbus, OH',
    })),
    returnLabels: [],
    carrierApiKeys: ['sk_live_carrier_7Hq2Lx9Vb3mN8rK4'],
  });
}
