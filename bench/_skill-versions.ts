// Real compiled skills for the store bench: one skill checked by the compiler (type-check,
// bundle, replay), then copies under other names and with a varying source line, so every
// publish is a new version with its own content hash.
import { checkSkill, type CompiledSkill } from '../compiler/index.js';
import type { PublishInput } from '../src/store/index.js';

const source = `import type { Tools } from "knack:tools";
export const meta = { name: "bench_skill", description: "Refund a damaged order in full" } as const;
export interface Input { orderId: string }
export interface Output { refunded: number; orderId: string }
export default async function benchSkill(input: Input, tools: Tools): Promise<Output> {
  return { refunded: 0, orderId: input.orderId };
}
`;

/** Compiles the bench skill once; `version(name, variant)` then makes publishable copies of it. */
export async function createSkillVersions(): Promise<(name: string, variant?: string) => PublishInput> {
  const compiled: CompiledSkill = await checkSkill({
    source,
    manifest: [],
    trajectories: [
      {
        id: 'bench-1',
        task: 'Refund order 8812',
        input: { orderId: '8812' },
        steps: [],
        outcome: 'success',
        answer: { refunded: 0, orderId: '8812' },
      },
    ],
  });
  if (!compiled.verification.isVerified)
    throw new Error(`the bench skill does not verify: ${JSON.stringify(compiled.diagnostics)}`);
  return (name, variant = '') => ({
    ...compiled,
    name,
    source: `${compiled.source.replace('"bench_skill"', JSON.stringify(name))}// ${variant}\n`,
  });
}
