import type { Tools } from "knack:tools";

export const meta = { name: "check_stock_item", description: "Check the stock of every item of order <orderId>." } as const;

export interface Input {
  orderId: string;
}

export interface Output {
  orderId: string;
  stock: {
    sku: string;
    available: number;
    warehouse: string;
  }[];
}

/** Check the stock of every item of order <orderId>. (trace-compiled from check-stock-8822, check-stock-8823.) */
export default async function checkStockItem(input: Input, tools: Tools): Promise<Output> {
  // check-stock-8822 step 1: get_order
  const order = await tools.get_order({ id: input.orderId });
  // check-stock-8822 steps 2-4: inventory.check_stock for each element
  const checkStocks: Awaited<ReturnType<Tools["inventory"]["check_stock"]>>[] = [];
  for (const item of order.items) {
    checkStocks.push(await tools.inventory.check_stock({ sku: item.sku }));
  }
  return { orderId: input.orderId, stock: checkStocks };
}
