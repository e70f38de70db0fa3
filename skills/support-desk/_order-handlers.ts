import { must, tick } from './_desk-clock.js';
import type {
  OrderRecord,
  OrderStatus,
  Refund,
  ReturnLabel,
  SupportDeskState,
} from './support-desk-state.js';

function customerRef(
  state: SupportDeskState,
  customerId: string,
): { id: string; name: string; email: string } {
  const customer = must(
    state.customers.find((candidate) => candidate.id === customerId),
    `Customer ${customerId}`,
  );
  return { id: customer.id, name: customer.name, email: customer.email };
}

function findOrder(state: SupportDeskState, orderId: string): OrderRecord {
  return must(
    state.orders.find((candidate) => candidate.id === orderId),
    `Order ${orderId}`,
  );
}

function orderView(state: SupportDeskState, order: OrderRecord): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: order.id,
    status: order.status,
    placedAt: order.placedAt,
    total: order.total,
    refundedAmount: order.refundedAmount,
    items: order.items.map((item) => ({ ...item })),
    customer: customerRef(state, order.customerId),
  };
  const shipment = state.shipments.find((candidate) => candidate.id === order.shipmentId);
  if (shipment) {
    view['shipment'] = {
      carrier: shipment.carrier,
      trackingNumber: shipment.trackingNumber,
      status: shipment.status,
    };
  }
  return view;
}

const toCents = (amount: number): number => Math.round(amount * 100);

function refundOrder(
  state: SupportDeskState,
  args: { orderId: string; amount: number; reason: string },
): Refund {
  const order = findOrder(state, args.orderId);
  const leftCents = toCents(order.total) - toCents(order.refundedAmount);
  if (leftCents <= 0) throw new Error(`Order ${order.id} is already fully refunded.`);
  if (toCents(args.amount) > leftCents) {
    throw new Error(
      `Cannot refund ${args.amount} for order ${order.id}: only ${leftCents / 100} of ${order.total} is left to refund.`,
    );
  }
  order.refundedAmount = (toCents(order.refundedAmount) + toCents(args.amount)) / 100;
  if (toCents(order.refundedAmount) === toCents(order.total)) order.status = 'refunded';
  const refund: Refund = {
    id: `R-${5001 + state.refunds.length}`,
    orderId: order.id,
    amount: args.amount,
    reason: args.reason,
    createdAt: tick(state),
  };
  state.refunds.push(refund);
  return { ...refund };
}

function createReturnLabel(
  state: SupportDeskState,
  args: { orderId: string; carrier: string; apiKey: string },
): ReturnLabel {
  // The gateway answers like a real one: a bad key is an authorization failure, never echoed back.
  if (!state.carrierApiKeys.includes(args.apiKey))
    throw new Error('Carrier gateway refused the API key (401).');
  const order = findOrder(state, args.orderId);
  if (order.status !== 'delivered')
    throw new Error(`Order ${order.id} is ${order.status}; only delivered orders can be returned.`);
  const serial = 7001 + state.returnLabels.length;
  const label: ReturnLabel = {
    id: `L-${serial}`,
    orderId: order.id,
    carrier: args.carrier,
    trackingNumber: `RET${args.carrier.toUpperCase()}${order.id}${serial}`,
    labelUrl: `https://labels.example.com/L-${serial}.pdf`,
    createdAt: tick(state),
  };
  state.returnLabels.push(label);
  return { ...label };
}

/** Handlers for customers, orders, refunds, shipments, return labels and stock, keyed by tool name. */
export function createOrderHandlers(state: SupportDeskState): Record<string, (args: never) => unknown> {
  return {
    find_customer: (args: { email: string }) => ({
      ...must(
        state.customers.find((customer) => customer.email === args.email.toLowerCase()),
        `A customer with email ${args.email}`,
      ),
    }),
    get_customer: (args: { id: string }) => ({
      ...must(
        state.customers.find((customer) => customer.id === args.id),
        `Customer ${args.id}`,
      ),
    }),
    get_order: (args: { id: string }) => orderView(state, findOrder(state, args.id)),
    list_orders: (args: { customerId: string; status?: OrderStatus }) => {
      customerRef(state, args.customerId);
      const orders = state.orders
        .filter(
          (order) => order.customerId === args.customerId && (!args.status || order.status === args.status),
        )
        .sort((left, right) => right.placedAt.localeCompare(left.placedAt))
        .map((order) => ({
          id: order.id,
          status: order.status,
          placedAt: order.placedAt,
          total: order.total,
          itemCount: order.items.reduce((sum, item) => sum + item.quantity, 0),
        }));
      return { orders };
    },
    refund_order: (args: { orderId: string; amount: number; reason: string }) => refundOrder(state, args),
    track_shipment: (args: { trackingNumber: string }) =>
      structuredClone(
        must(
          state.shipments.find((shipment) => shipment.trackingNumber === args.trackingNumber),
          `A shipment with tracking number ${args.trackingNumber}`,
        ),
      ),
    create_return_label: (args: { orderId: string; carrier: string; apiKey: string }) =>
      createReturnLabel(state, args),
    'inventory.check_stock': (args: { sku: string }) => ({
      ...must(
        state.stock.find((level) => level.sku === args.sku),
        `SKU ${args.sku}`,
      ),
    }),
  };
}
