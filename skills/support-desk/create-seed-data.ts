import { catalog, customers, orders, shipments } from './_seed-orders.js';
import { articles, members, tickets } from './_seed-tickets.js';
import type { SupportDeskState } from './support-desk-state.js';

/** The fixed clock the seeded desk starts at. */
export const SEED_NOW = '2026-03-02T09:00:00.000Z';

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
