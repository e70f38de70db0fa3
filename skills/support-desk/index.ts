/**
 * @module skills/support-desk: the example tool pack the project demos and tests with, an
 * in-memory seeded support desk (customers, orders, refunds, shipments, email, knowledge base,
 * tickets, teams), plus its recorded trajectories under `trajectories/`.
 */
export { supportDeskManifest } from './support-desk-manifest.js';
export { createSupportDesk } from './create-support-desk.js';
export type { SupportDesk } from './create-support-desk.js';
export { createSeedData, SEED_NOW } from './create-seed-data.js';
export { listRecordedFiles, recordTrajectories, scenarios, SUPPORT_DESK_DIR } from './record-trajectories.js';
export type { AgentContext, AnthropicResultStyle, Scenario } from './_scenario-runner.js';
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
export { heldOutInputs, heldOutInputsFor } from './held-out-inputs.js';
export { createTools } from './pack.js';
export { trajectoryFile, trajectoryFiles } from './trajectory-files.js';
export { demoDomain } from './demo-domain.js';
export type { TrajectoryFileFormat } from './trajectory-files.js';
