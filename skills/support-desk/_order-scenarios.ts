import type { Scenario } from './_scenario-runner.js';

interface Order {
  id: string;
  total: number;
  items: { sku: string; name: string; unitPrice: number; quantity: number }[];
  customer: { id: string; name: string; email: string };
  shipment?: { carrier: string; trackingNumber: string };
}
interface Refund {
  id: string;
  amount: number;
}
interface Shipment {
  carrier: string;
  status: string;
  events: { location: string }[];
}

/** The carrier gateway key the agent passes to `create_return_label`: a literal secret in an argument. */
export const CARRIER_API_KEY = 'sk_live_carrier_7Hq2Lx9Vb3mN8rK4';

function refundDamaged(orderId: string, withInput: boolean): Scenario {
  return {
    id: `refund-damaged-${orderId}`,
    task: `Refund order ${orderId} in full, it arrived damaged.`,
    ...(withInput ? { input: { orderId } } : {}),
    exercises:
      'sibling group refund-damaged (parameter from input or task text); data flow order.customer.email; template body; structured answer',
    run(agent) {
      const order = agent.call<Order>('get_order', { id: orderId }, 'Let me look up the order first.');
      const refund = agent.call<Refund>('refund_order', {
        orderId: order.id,
        amount: order.total,
        reason: 'Arrived damaged',
      });
      agent.call('send_email', {
        to: order.customer.email,
        subject: `Your refund for order ${order.id}`,
        body: `Hi ${order.customer.name}, we refunded ${refund.amount} USD for order ${order.id}. Sorry it arrived damaged!`,
      });
      return { answer: { refundId: refund.id, amount: refund.amount } };
    },
  };
}

function orderStatus(orderId: string, anthropicResults: Scenario['anthropicResults']): Scenario {
  return {
    id: `order-status-${orderId}`,
    task: `Where is order ${orderId}? Tell me the carrier, the status and the last scan location.`,
    exercises:
      'sibling group order-status (parameter from task text); data flow into track_shipment; structured answer',
    ...(anthropicResults ? { anthropicResults } : {}),
    run(agent) {
      const order = agent.call<Order>('get_order', { id: orderId });
      const shipment = agent.call<Shipment>('track_shipment', {
        trackingNumber: order.shipment?.trackingNumber,
      });
      return {
        answer: {
          orderId: order.id,
          carrier: shipment.carrier,
          status: shipment.status,
          lastLocation: shipment.events[0]?.location,
        },
      };
    },
  };
}

function checkStock(orderId: string, withInput: boolean): Scenario {
  return {
    id: `check-stock-${orderId}`,
    task: `Check the stock of every item of order ${orderId}.`,
    ...(withInput ? { input: { orderId } } : {}),
    exercises: 'loop over order.items (one inventory.check_stock per item); answer collects the loop results',
    anthropicResults: 'blocks',
    run(agent) {
      const order = agent.call<Order>('get_order', { id: orderId });
      const stock = order.items.map((item) => agent.call('inventory.check_stock', { sku: item.sku }));
      return { answer: { orderId: order.id, stock } };
    },
  };
}

function processingOrders(email: string): Scenario {
  return {
    id: `processing-orders-${email.split('@')[0] ?? email}`,
    task: `Which orders of ${email} are still processing?`,
    exercises:
      'sibling group processing-orders (email from task text); data flow customer.id; answer is the last result',
    run(agent) {
      const customer = agent.call<{ id: string }>('find_customer', { email });
      const orders = agent.call('list_orders', { customerId: customer.id, status: 'processing' });
      return { answer: orders };
    },
  };
}

const returnLabel: Scenario = {
  id: 'return-label-8821',
  task: 'Send the customer of order 8821 a prepaid UPS return label.',
  exercises: 'literal secret in an argument (apiKey) must become a parameter; data flow; template with a URL',
  run(agent) {
    const order = agent.call<Order>('get_order', { id: '8821' });
    const label = agent.call<{ id: string; trackingNumber: string; labelUrl: string }>(
      'create_return_label',
      {
        orderId: order.id,
        carrier: 'UPS',
        apiKey: CARRIER_API_KEY,
      },
    );
    agent.call('send_email', {
      to: order.customer.email,
      subject: `Return label for order ${order.id}`,
      body: `Hi ${order.customer.name}, print your UPS return label here: ${label.labelUrl}`,
    });
    return { answer: { labelId: label.id, trackingNumber: label.trackingNumber } };
  },
};

const whereIsMyOrder: Scenario = {
  id: 'multi-turn-where-is-order',
  task: 'A customer wrote in from ada@example.com asking where her order is.',
  exercises:
    'multi-turn: the order id arrives in a later user message (context); data flow; structured answer',
  anthropicResults: 'mixed',
  run(agent) {
    const customer = agent.call<{ id: string }>('find_customer', { email: 'ada@example.com' });
    agent.call('list_orders', { customerId: customer.id });
    agent.say(
      'Ada has three orders: 8824 (processing), 8815 (shipped) and 8811 (delivered). Which one does she mean?',
    );
    agent.user('The one with the glass teapot, order 8815.');
    const order = agent.call<Order>('get_order', { id: '8815' });
    const shipment = agent.call<Shipment>('track_shipment', {
      trackingNumber: order.shipment?.trackingNumber,
    });
    return {
      answer: {
        orderId: order.id,
        carrier: shipment.carrier,
        status: shipment.status,
        lastLocation: shipment.events[0]?.location,
      },
    };
  },
};

const partialRefund: Scenario = {
  id: 'multi-turn-partial-refund-8819',
  task: 'Refund order 8819 for Edsger.',
  exercises:
    'multi-turn: the user narrows the refund later; item found by name; amount from the item; template reason',
  run(agent) {
    const order = agent.call<Order>('get_order', { id: '8819' });
    agent.say(
      'Order 8819 has a Glass teapot (28.75) and Paper filters (100) (4.5). Refund everything or only some items?',
    );
    agent.user('Only the Paper filters (100), he keeps the teapot.');
    const item = order.items.find((candidate) => candidate.name === 'Paper filters (100)');
    const refund = agent.call<Refund>('refund_order', {
      orderId: order.id,
      amount: item?.unitPrice,
      reason: `Partial refund: ${item?.name}`,
    });
    agent.call('send_email', {
      to: order.customer.email,
      subject: `Your refund for order ${order.id}`,
      body: `Hi ${order.customer.name}, we refunded ${refund.amount} USD for the ${item?.name}.`,
    });
    return { answer: { refundId: refund.id, amount: refund.amount } };
  },
};

const refundTwice: Scenario = {
  id: 'refund-damaged-8813-failure',
  task: 'Refund order 8813 in full, it arrived damaged.',
  exercises: 'failed trajectory (outcome failure, tool error): refused for compiling, kept as evidence',
  run(agent) {
    const order = agent.call<Order>('get_order', { id: '8813' });
    try {
      agent.call('refund_order', { orderId: order.id, amount: order.total, reason: 'Arrived damaged' });
    } catch {
      // The recorded step keeps the tool's error; the run ends as a failure.
    }
    return {
      outcome: 'failure',
      answer: 'Order 8813 was already refunded in full, so I could not refund it again.',
    };
  },
};

/** Scripted runs about customers, orders, refunds, shipments, stock and return labels. */
export const orderScenarios: Scenario[] = [
  refundDamaged('8812', true),
  refundDamaged('8814', true),
  refundDamaged('8817', false),
  orderStatus('8815', undefined),
  orderStatus('8816', 'blocks'),
  orderStatus('8818', 'mixed'),
  checkStock('8822', true),
  checkStock('8823', false),
  processingOrders('grace@example.com'),
  processingOrders('ada@example.com'),
  returnLabel,
  whereIsMyOrder,
  partialRefund,
  refundTwice,
];
