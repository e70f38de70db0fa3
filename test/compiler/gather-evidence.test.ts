import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceFolds } from '../../compiler/_gather-evidence.js';
import { importTrajectory } from '../../compiler/index.js';
import { givenInput } from '../../compiler/trace/index.js';
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

describe('leave-one-out on the airline cancellations', () => {
  const load = (id: string) => {
    const file = join(AIRLINE_DIR, 'trajectories', 'native', `${id}.json`);
    return importTrajectory(readFileSync(file, 'utf8'), { file, manifest: airlineManifest });
  };
  const others = ['olivia', 'marcus', 'noor'].map((name) => load(`cancel-reservation-${name}`));
  const priya = load('cancel-reservation-priya');

  it('gives the left-out customer the value she typed where the others gave theirs', async () => {
    // On Priya's own path the user id is read from her reservation; she typed it all the same.
    const fold = await traceFolds({ manifest: airlineManifest }).compile(others);
    if (!fold.ok || !fold.inputs) throw new Error('no fold');
    expect(fold.required).toContain('userId');
    const inputs = others.map((trajectory) => ({ trajectory, input: fold.inputs?.get(trajectory.id) ?? {} }));
    expect(givenInput(priya, inputs, 'userId')).toBe('priya_nair_5518');
    // The others' destination is compared in the scan, passed to no call, and Priya named none.
    expect(givenInput(priya, inputs, 'destination')).toBeUndefined();
  });
});
