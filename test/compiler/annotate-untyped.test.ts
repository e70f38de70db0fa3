import { describe, expect, it } from 'vitest';
import type { ToolManifestEntry } from '../../core/index.js';
import { checkSkill } from '../../compiler/index.js';
import { annotateUntypedParameters, hasUntypedParameters } from '../../compiler/_annotate-untyped.js';

const manifest: ToolManifestEntry[] = [{ name: 'list_flights', inputSchema: { type: 'object' } }];
const source = `import type { Tools } from "knack:tools";
export const meta = { name: "pick_flight", description: "Pick the LAS flight" } as const;
export interface Input {}
export type Output = string;
export default async function pickFlight(input: Input, tools: Tools): Promise<Output> {
  const flights = (await tools.list_flights({})).flights;
  const first = flights.find((flight) => flight.origin === "LAS");
  const second = flights.find(flight => flight.origin === "LAS");
  return first.id + second.id;
}
`;
const trajectory = {
  id: 't',
  task: 'Pick the LAS flight',
  outcome: 'success' as const,
  input: {},
  steps: [{ tool: 'list_flights', args: {}, result: { flights: [{ origin: 'LAS', id: 'F' }] } }],
  answer: 'FF',
};

describe('annotateUntypedParameters', () => {
  it('types implicitly-any callback parameters as any, saying why, so an untypable draft still checks', async () => {
    const untyped = await checkSkill({ source, manifest, trajectories: [trajectory] });
    expect(untyped.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['TS7006', 'TS7006']);
    expect(hasUntypedParameters(untyped.diagnostics)).toBe(true);
    const annotated = annotateUntypedParameters(source, untyped.diagnostics);
    expect(annotated).toContain('.find((flight: any /* untyped: no recorded result */) =>');
    expect(annotated).toContain('.find((flight: any /* untyped: no recorded result */) => flight.origin');
    const checked = await checkSkill({ source: annotated, manifest, trajectories: [trajectory] });
    expect(checked.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
    expect(checked.verification.isVerified).toBe(true);
  });
});
