import type { Tools } from "knack:tools";

export const meta = { name: "refund_order_full", description: "Refund order <orderId> in full, it arrived damaged." } as const;

export interface Input {
  orderId: string;
}

export interface Output {
  refundId: string;
  amount: number;
}

/** Refund order <orderId> in full, it arrived damaged. (trace-compiled from refund-damaged-8812, refund-damaged-8814, refund-damaged-8817.) */
export default async function refundOrderFull(input: Input, tools: Tools): Promise<Output> {
  // refund-damaged-8812 step 1: get_order
  const order = await tools.get_order({ id: input.orderId });
  // refund-damaged-8812 step 2: refund_order
  const refundOrder = await tools.refund_order({ orderId: input.orderId, amount: order.total, reason: "Arrived damaged" });
  // refund-damaged-8812 step 3: send_email
  await tools.send_email({
    to: order.customer.email,
    subject: `Your refund for order ${input.orderId}`,
    body: `Hi ${order.customer.name}, we refunded ${refundOrder.amount} USD for order ${input.orderId}. Sorry it arrived damaged!`,
  });
  return { refundId: refundOrder.id, amount: refundOrder.amount };
}
