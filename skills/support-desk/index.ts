/**
 * @module skills/support-desk: the example tool pack the project demos and tests with, an
 * in-memory seeded support desk (customers, orders, refunds, shipments, email, knowledge base,
 * tickets, teams), plus its recorded trajectories under `trajectories/`.
 */
export { supportDeskManifest } from './support-desk-manifest.js';
export { createSupportDesk } from './create-support-desk.js';
export type { SupportDesk } from './create-support-desk.js';
export { createSeedData, SEED_NOW } from './create-seed-data.js';
export type {
  Article,
  Customer,
  OrderItem,
  OrderRecord,
  OrderStatus,
  Refund,
  ReturnLabel,
  SentEmail,
  Shipment,
  ShipmentEvent,
  StockLevel,
  SupportDeskState,
  TeamMember,
  TicketComment,
  TicketRecord,
} from './support-desk-state.js';
