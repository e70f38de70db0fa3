import type { Tools } from "knack:tools";

export const meta = { name: "refund_order", description: "Refund order <orderId> for Edsger." } as const;

export interface Input {
  orderId: string;
  itemName: string;
}

export interface Output {
  refundId: string;
  amount: number;
}

/** Refund order <orderId> for Edsger. (trace-compiled from multi-turn-partial-refund-8819.) */
export default async function refundOrder(input: Input, tools: Tools): Promise<Output> {
  // multi-turn-partial-refund-8819 step 1: get_order
  const order = await tools.get_order({ id: input.orderId });
  // multi-turn-partial-refund-8819 step 2: refund_order
  const foundItem = order.items.find((item) => item.name === input.itemName);
  if (!foundItem) throw new Error(`No item with name ${JSON.stringify(input.itemName)} was found.`);
  const refundOrder = await tools.refund_order({
    orderId: input.orderId,
    amount: foundItem.unitPrice,
    reason: `Partial refund: ${input.itemName}`,
  });
  // multi-turn-partial-refund-8819 step 3: send_email
  await tools.send_email({
    to: order.customer.email,
    subject: `Your refund for order ${input.orderId}`,
    body: `Hi ${order.customer.name}, we refunded ${refundOrder.amount} USD for the ${input.itemName}.`,
  });
  return { refundId: refundOrder.id, amount: refundOrder.amount };
}
