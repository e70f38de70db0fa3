import type { Tools } from "knack:tools";

export const meta = { name: "orders_processing", description: "Which orders of <email> are still processing?" } as const;

export interface Input {
  email: string;
}

export type Output = Awaited<ReturnType<Tools["list_orders"]>>;

/** Which orders of <email> are still processing? (trace-compiled from processing-orders-ada, processing-orders-grace.) */
export default async function ordersProcessing(input: Input, tools: Tools): Promise<Output> {
  // processing-orders-ada step 1: find_customer
  const customer = await tools.find_customer({ email: input.email });
  // processing-orders-ada step 2: list_orders
  const orders = await tools.list_orders({ customerId: customer.id, status: "processing" });
  return orders;
}
