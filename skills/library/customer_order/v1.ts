import type { Tools } from "knack:tools";

export const meta = { name: "customer_order", description: "A customer wrote in from <email> asking where her order is." } as const;

export interface Input {
  email: string;
  orderId: string;
}

export interface Output {
  orderId: string;
  carrier: string;
  status: string;
  lastLocation: string;
}

/** A customer wrote in from <email> asking where her order is. (trace-compiled from multi-turn-where-is-order.) */
export default async function customerOrder(input: Input, tools: Tools): Promise<Output> {
  // multi-turn-where-is-order step 1: find_customer
  const customer = await tools.find_customer({ email: input.email });
  // multi-turn-where-is-order step 2: list_orders
  await tools.list_orders({ customerId: customer.id });
  // multi-turn-where-is-order step 3: get_order
  const order = await tools.get_order({ id: input.orderId });
  // multi-turn-where-is-order step 4: track_shipment
  const trackShipment = await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber });
  return {
    orderId: input.orderId,
    carrier: trackShipment.carrier,
    status: trackShipment.status,
    lastLocation: trackShipment.events[0].location,
  };
}
