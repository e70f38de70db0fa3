import type { ToolManifestEntry } from '../core/index.js';
import type { ToolPack } from '../sandbox/index.js';
import type { CompiledSkill } from '../compiler/index.js';

/**
 * An example domain the offline demo tours (`knack demo --domain MODULE`): a module exporting
 * `demoDomain` of this shape. The library never imports its examples; the demo loads one by path,
 * by default the support desk in `skills/support-desk/demo-domain.ts`.
 */
export interface DemoDomain {
  /** Shown in the demo's header, e.g. `support desk`. */
  name: string;
  /** The tools the trajectories used: the whitelist the skills are compiled against. */
  manifest: readonly ToolManifestEntry[];
  /** Paths of the recorded trajectory files to compile. */
  trajectoryFiles: () => Promise<string[]>;
  /** A fresh, seeded tool pack (the live domain) per call. */
  createTools: () => ToolPack;
  /**
   * Inputs no trajectory used, for `skill` (compiled from `trajectoryIds`): a domain may bind its
   * requests onto the skill's own interface and cases.
   */
  heldOutInputsFor: (
    trajectoryIds: readonly string[],
    skill: CompiledSkill,
  ) => readonly Record<string, unknown>[];
}
