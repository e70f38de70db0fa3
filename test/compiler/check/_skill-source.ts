// A hand-written skill module over test/fixtures/compiler/manifest.json, for the check stages.
export const orderTotalSkill = `import type { Tools } from "knack:tools";

export const meta = { name: "order_total", description: "The total of an order" } as const;

export interface Input {
  orderId: string;
  currency?: "USD" | "EUR";
}

export interface Output {
  total: number;
  skus: string[];
}

export default async function orderTotal(input: Input, tools: Tools): Promise<Output> {
  const order = await tools.get_order({ id: input.orderId });
  return { total: order.total, skus: order.items.map((item) => item.sku) };
}
`;
