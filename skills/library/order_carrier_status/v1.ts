import type { Tools } from "knack:tools";

export const meta = { name: "order_carrier_status", description: "Where is order <orderId>? Tell me the carrier, the status and the last scan location." } as const;

export interface Input {
  orderId: string;
}

export interface Output {
  orderId: string;
  carrier: string;
  status: string;
  lastLocation: string;
}

/** Where is order <orderId>? Tell me the carrier, the status and the last scan location. (trace-compiled from order-status-8815, order-status-8816, order-status-8818.) */
export default async function orderCarrierStatus(input: Input, tools: Tools): Promise<Output> {
  // order-status-8815 step 1: get_order
  const order = await tools.get_order({ id: input.orderId });
  // order-status-8815 step 2: track_shipment
  const trackShipment = await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber });
  return {
    orderId: input.orderId,
    carrier: trackShipment.carrier,
    status: trackShipment.status,
    lastLocation: trackShipment.events[0].location,
  };
}
