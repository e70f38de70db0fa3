/** A customer of the shop. */
export interface Customer {
  id: string;
  name: string;
  email: string;
  tier: 'standard' | 'plus' | 'business';
}

/** One line of an order. Prices are in US dollars. */
export interface OrderItem {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
}

/** Where an order stands. */
export type OrderStatus = 'processing' | 'shipped' | 'delivered' | 'cancelled' | 'refunded';

/** An order as stored: the customer is a reference, refunds accumulate in `refundedAmount`. */
export interface OrderRecord {
  id: string;
  customerId: string;
  status: OrderStatus;
  items: OrderItem[];
  total: number;
  refundedAmount: number;
  placedAt: string;
  shipmentId?: string;
}

/** A refund issued against an order. */
export interface Refund {
  id: string;
  orderId: string;
  amount: number;
  reason: string;
  createdAt: string;
}

/** One scan event of a shipment. */
export interface ShipmentEvent {
  at: string;
  status: string;
  location: string;
}

/** A parcel on its way. */
export interface Shipment {
  id: string;
  orderId: string;
  carrier: 'UPS' | 'DHL' | 'FedEx' | 'USPS';
  trackingNumber: string;
  status: 'label_created' | 'in_transit' | 'out_for_delivery' | 'delivered' | 'exception';
  events: ShipmentEvent[];
}

/** An email the desk sent (the outbox is append-only). */
export interface SentEmail {
  id: string;
  to: string;
  subject: string;
  body: string;
  sentAt: string;
}

/** A knowledge-base article. */
export interface Article {
  id: string;
  title: string;
  body: string;
  tags: string[];
  url: string;
}

/** A comment on a ticket. */
export interface TicketComment {
  id: string;
  author: string;
  body: string;
  createdAt: string;
}

/** A support ticket as stored. */
export interface TicketRecord {
  id: string;
  subject: string;
  customerId: string;
  reporter: string;
  status: 'open' | 'pending' | 'solved';
  priority: 'low' | 'normal' | 'high' | 'urgent';
  tags: string[];
  assignee?: string;
  orderId?: string;
  comments: TicketComment[];
}

/** A member of a support team. */
export interface TeamMember {
  handle: string;
  name: string;
  email: string;
  team: string;
  role: 'agent' | 'lead' | 'oncall' | 'billing-specialist';
}

/** A stock level of one SKU. */
export interface StockLevel {
  sku: string;
  available: number;
  warehouse: string;
}

/** A return label bought from a carrier. */
export interface ReturnLabel {
  id: string;
  orderId: string;
  carrier: string;
  trackingNumber: string;
  labelUrl: string;
  createdAt: string;
}

/** The whole in-memory desk. Handlers mutate it, tests read it. */
export interface SupportDeskState {
  /** The fixed clock: ISO time of the next mutation. Each mutation advances it by one minute. */
  now: string;
  customers: Customer[];
  orders: OrderRecord[];
  refunds: Refund[];
  shipments: Shipment[];
  outbox: SentEmail[];
  articles: Article[];
  tickets: TicketRecord[];
  members: TeamMember[];
  stock: StockLevel[];
  returnLabels: ReturnLabel[];
  /** API keys the carrier gateway accepts for `create_return_label`. */
  carrierApiKeys: string[];
}
