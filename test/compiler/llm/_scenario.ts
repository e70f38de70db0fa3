// The refund scenario shared by the LLM compiler tests: trajectories, tools, the trace draft.
import type { Trajectory } from '../../../compiler/import/index.js';
import type { LlmCompileContext } from '../../../compiler/llm/index.js';

export const manifestToolNames = ['get_order', 'refund'];

export const toolsDeclarations = `interface GetOrderArgs { id: string }
interface GetOrderResult { id: string; total: number; status: string }
interface RefundArgs { orderId: string; amount: number }
interface RefundResult { refundId: string }
export interface Tools {
  /** Looks an order up. */
  get_order(args: GetOrderArgs): Promise<GetOrderResult>;
  /** Refunds an amount of an order. */
  refund(args: RefundArgs): Promise<RefundResult>;
}`;

export const damagedOrder: Trajectory = {
  id: 't-001',
  task: 'Refund order 8812, it arrived damaged',
  input: { orderId: '8812' },
  steps: [
    { tool: 'get_order', args: { id: '8812' }, result: { id: '8812', total: 42.5, status: 'damaged' } },
    { tool: 'refund', args: { orderId: '8812', amount: 42.5 }, result: { refundId: 'r-1' } },
  ],
  outcome: 'success',
  answer: { refunded: 42.5 },
};

export const intactOrder: Trajectory = {
  id: 't-002',
  task: 'Refund order 9001 if it arrived damaged',
  input: { orderId: '9001' },
  steps: [
    { tool: 'get_order', args: { id: '9001' }, result: { id: '9001', total: 15, status: 'delivered' } },
  ],
  outcome: 'success',
  answer: { refunded: 0 },
};

export const traceDraft = `import type { Tools } from "knack:tools";
export const meta = { name: "refund_order", description: "Refund order 8812" } as const;
export interface Input { orderId: string }
export interface Output { refunded: number }
export default async function refundOrder(input: Input, tools: Tools): Promise<Output> {
  const step1 = await tools.get_order({ id: input.orderId });
  await tools.refund({ orderId: input.orderId, amount: step1.total });
  return { refunded: step1.total };
}
`;

export const context: LlmCompileContext = {
  trajectories: [damagedOrder],
  toolsDeclarations,
  relatedSkills: [
    {
      ref: 'lookup_order@2',
      description: 'Fetch an order with its customer',
      signature: '(input: { orderId: string }) => Promise<{ total: number; status: string }>',
    },
  ],
};
