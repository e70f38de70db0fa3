import type { JsonSchema, ToolManifestEntry } from '../core/index.js';
import type { LeftOutStep } from './check/index.js';
import type { Trajectory } from './import/index.js';
import {
  inferResultSchemas,
  pruneSteps,
  trimScans,
  type NameProfile,
  type TakenNames,
} from './trace/index.js';

/** The evidence as the drafter sees it: pruned trajectories, what was left out, inferred result types. */
export interface PreparedTrajectories {
  trajectories: Trajectory[];
  /** Per trajectory id, the recorded calls left out of it. */
  leftOut: Map<string, LeftOutStep[]>;
  /** Result schemas for tools without an `outputSchema`, from every recorded result. */
  inferredResultSchemas: Record<string, JsonSchema>;
}

/**
 * The pre-pass before drafting: leaves out failed attempts and unused read-only calls
 * (`pruneSteps`) and infers result types for untyped tools from every trajectory's results.
 */
export function prepareTrajectories(
  trajectories: readonly Trajectory[],
  manifest: readonly ToolManifestEntry[],
  readOnly: readonly string[] = [],
): PreparedTrajectories {
  const leftOut = new Map<string, LeftOutStep[]>();
  const pruned = trajectories.map((trajectory) => {
    const result = pruneSteps(trajectory, { manifest, readOnly });
    if (result.leftOut.length > 0) leftOut.set(trajectory.id, result.leftOut);
    return result.trajectory;
  });
  const inferred = inferResultSchemas(trajectories, manifest);
  return {
    trajectories: pruned,
    leftOut,
    inferredResultSchemas: Object.fromEntries([...inferred].map(([tool, { schema }]) => [tool, schema])),
  };
}

/** Skill names taken so far in one compile: each skill's name is decided before it is checked. */
export interface SkillNames extends TakenNames {
  /** `base`, or `base_2`, `base_3`... when taken. */
  free(base: string): string;
  /** Takes `name`; `profile` (what its skill does) lets later skills tell themselves apart from it. */
  take(name: string, profile?: NameProfile): void;
}

/** A fresh name registry for one compile. */
export function createSkillNames(): SkillNames {
  const taken = new Map<string, NameProfile | undefined>();
  return {
    free(base) {
      if (!taken.has(base)) return base;
      for (let count = 2; ; count++) {
        const suffix = `_${count}`;
        const candidate = `${base.slice(0, 64 - suffix.length)}${suffix}`;
        if (!taken.has(candidate)) return candidate;
      }
    },
    take(name, profile) {
      taken.set(name, profile);
    },
    has(name) {
      return taken.has(name);
    },
    profileOf(name) {
      return taken.get(name);
    },
  };
}

/** The name in a module's `export const meta = { name: "..." }`, set to `name` (before checking). */
export function withMetaName(source: string, name: string): string {
  return source.replace(
    /(export\s+const\s+meta\s*=\s*\{[^}]*?\bname\s*:\s*)(["'`])[^"'`]*\2/,
    (_match, head: string) => `${head}${JSON.stringify(name)}`,
  );
}

/** The name in a module's `meta`, read the way `withMetaName` writes it. */
export function metaNameOf(source: string): string | undefined {
  return /export\s+const\s+meta\s*=\s*\{[^}]*?\bname\s*:\s*(["'`])([^"'`]*)\1/.exec(source)?.[2];
}

/**
 * Runs of one task after the pre-pass, with the lookups some runs made past the element they were
 * scanning for left out when sibling runs stop at the match (`trimScans`); each is added to
 * `prepared.leftOut` with its recorded step number.
 */
export function trimTaskScans(
  task: readonly Trajectory[],
  prepared: PreparedTrajectories,
  options: { manifest: readonly ToolManifestEntry[]; readOnly?: readonly string[] },
): Trajectory[] {
  const { trajectories, trimmed } = trimScans(task, options);
  const recorded: LeftOutStep[] = trimmed.map((step) => ({
    trajectoryId: step.trajectoryId,
    step: recordedStep(step.index, prepared.leftOut.get(step.trajectoryId) ?? []),
    tool: step.tool,
    reason: 'scanned-past-match',
  }));
  for (const left of recorded) {
    const earlier = prepared.leftOut.get(left.trajectoryId) ?? [];
    prepared.leftOut.set(
      left.trajectoryId,
      [...earlier, left].sort((a, b) => a.step - b.step),
    );
  }
  return trajectories;
}

/** The 1-based recorded step of the call at `index` in a run whose `leftOut` calls were removed. */
function recordedStep(index: number, leftOut: readonly LeftOutStep[]): number {
  const removed = new Set(leftOut.map((step) => step.step));
  let recorded = 0;
  for (let kept = -1; kept < index;) {
    recorded += 1;
    if (!removed.has(recorded)) kept += 1;
  }
  return recorded;
}
