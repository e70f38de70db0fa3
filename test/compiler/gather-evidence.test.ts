import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceFolds } from '../../compiler/_gather-evidence.js';
import { importTrajectory } from '../../compiler/index.js';
import { AIRLINE_DIR, airlineManifest } from '../../skills/airline/index.js';

const runs = ['change-flight-ethan', 'change-flight-olivia'].map((id) => {
  const file = join(AIRLINE_DIR, 'trajectories', 'native', `${id}.json`);
  return importTrajectory(readFileSync(file, 'utf8'), { file, manifest: airlineManifest });
});
// The airline tools without an `outputSchema`, whose result types the compiler infers.
const untyped = airlineManifest.filter((entry) => !entry.outputSchema).map((entry) => entry.name);

describe('traceFolds', () => {
  it('drafts a leave-one-out fold with the result types the skill itself was drafted with', async () => {
    const typed = await traceFolds({ manifest: airlineManifest, typedResultTools: untyped }).compile(runs);
    const bare = await traceFolds({ manifest: airlineManifest }).compile(runs);
    if (!typed.ok || !bare.ok) throw new Error('no fold');
    // Without the inferred types the fold is another program: its finds take `any`.
    expect(bare.source).toContain('(directFlightItem: any) =>');
    expect(typed.source).not.toMatch(/: any\b/);
    expect(typed.source).toContain('directFlight.find((directFlightItem) =>');
  });
});
