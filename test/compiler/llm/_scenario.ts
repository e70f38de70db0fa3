// The refund scenario shared by the LLM compiler tests: the tool manifest, trajectories, the trace
// draft, and the real check pipeline (checkSkill) every model draft goes through.
import type { ToolManifestEntry } from '../../../core/index.js';
import {
  checkSkill,
  toolsDeclarations as declareTools,
  type CheckFunction,
  type Trajectory,
} from '../../../compiler/index.js';
import type { LlmCompileContext } from '../../../compiler/llm/index.js';

export const manifest: ToolManifestEntry[] = [
  {
    name: 'get_order',
    description: 'Looks an order up.',
    inputSchema: {
      type: 'object',
      properties: { id: { type: 'string' } },
      required: ['id'],
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      properties: { id: { type: 'string' }, total: { type: 'number' }, status: { type: 'string' } },
      required: ['id', 'total', 'status'],
      additionalProperties: false,
    },
  },
  {
    name: 'refund',
    description: 'Refunds an amount of an order.',
    inputSchema: {
      type: 'object',
      properties: { orderId: { type: 'string' }, amount: { type: 'number' } },
      required: ['orderId', 'amount'],
      additionalProperties: false,
    },
    outputSchema: {
      type: 'object',
      properties: { refundId: { type: 'string' } },
      required: ['refundId'],
      additionalProperties: false,
    },
  },
];

/** The `Tools` declarations the model is shown, generated from the manifest as the compiler does. */
export const toolsDeclarations: string = await declareTools(manifest);

/** The real checkSkill against the scenario's manifest, remembering every source it judged. */
export function createScenarioCheck(): CheckFunction & { sources: string[] } {
  const sources: string[] = [];
  const check: CheckFunction = ({ source, trajectories, signal }) => {
    sources.push(source);
    return checkSkill({ source, manifest, trajectories, ...(signal ? { signal } : {}) });
  };
  return Object.assign(check, { sources });
}

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
