import type { Tools } from "knack:tools";

export const meta = { name: "send_customer_order", description: "Send the customer of order <orderId> a prepaid <carrier> return label." } as const;

export interface Input {
  orderId: string;
  carrier: "UPS" | "DHL" | "FedEx" | "USPS";
  /** Secret: pass it at call time; it is never stored in the skill. */
  apiKey: string;
}

export interface Output {
  labelId: string;
  trackingNumber: string;
}

/** Send the customer of order <orderId> a prepaid <carrier> return label. (trace-compiled from return-label-8821.) */
export default async function sendCustomerOrder(input: Input, tools: Tools): Promise<Output> {
  // return-label-8821 step 1: get_order
  const order = await tools.get_order({ id: input.orderId });
  // return-label-8821 step 2: create_return_label
  const returnLabel = await tools.create_return_label({ orderId: input.orderId, carrier: input.carrier, apiKey: input.apiKey });
  // return-label-8821 step 3: send_email
  await tools.send_email({
    to: order.customer.email,
    subject: `Return label for order ${input.orderId}`,
    body: `Hi ${order.customer.name}, print your ${input.carrier} return label here: ${returnLabel.labelUrl}`,
  });
  return { labelId: returnLabel.id, trackingNumber: returnLabel.trackingNumber };
}
