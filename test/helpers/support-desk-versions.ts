import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSkill, loadTrajectories } from '../../compiler/index.js';
import { importLibrary, type SkillStore } from '../../src/store/index.js';
import { supportDeskManifest, trajectoryFiles } from '../../skills/support-desk/index.js';
import { openTempStore } from './temp-sqlite-store.js';

/** The committed example library. */
export const LIBRARY_DIR: string = join(import.meta.dirname, '../../skills/library');

const v1Source = readFileSync(join(LIBRARY_DIR, 'order_carrier_status', 'v1.ts'), 'utf8');
const trackCall = 'await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber })';

/** v2 of order_carrier_status: retries a failed track_shipment once. */
export const retryingSource: string = v1Source.replace(
  trackCall,
  `await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber }).catch(() => ${trackCall.replace('await ', '')})`,
);

/** v3 of order_carrier_status: swallows a failed track_shipment and answers "unknown" (a wrong answer). */
export const swallowingSource: string = v1Source.replace(
  trackCall,
  `await tools.track_shipment({ trackingNumber: order.shipment.trackingNumber }).catch(() => ({ carrier: "unknown", status: "unknown", events: [{ location: "unknown" }] }))`,
);

/**
 * A temp SQLite store holding the example library plus order_carrier_status@2 (retries) and @3
 * (swallows failures), each verified on the same trajectories as @1.
 */
export async function openSupportDeskStore(): Promise<{ store: SkillStore; url: string; dir: string }> {
  const opened = await openTempStore();
  await importLibrary({ store: opened.store, dir: LIBRARY_DIR });
  const v1 = await opened.store.get('order_carrier_status@1');
  const { trajectories } = await loadTrajectories({
    files: await trajectoryFiles(),
    manifest: supportDeskManifest,
  });
  const replayable = (v1.cases ?? []).map((skillCase) => ({
    ...trajectories.find((trajectory) => trajectory.id === skillCase.trajectoryId)!,
    input: skillCase.input as Record<string, unknown>,
  }));
  for (const source of [retryingSource, swallowingSource]) {
    const skill = await checkSkill({ source, manifest: supportDeskManifest, trajectories: replayable });
    if (!skill.verification.isVerified)
      throw new Error(`variant did not verify: ${JSON.stringify(skill.verification)}`);
    await opened.store.publish(skill);
  }
  return opened;
}
