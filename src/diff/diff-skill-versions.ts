import { createTwoFilesPatch } from 'diff';
import type { JsonSchema } from '../../core/index.js';
import type { GeneralizationEvidence } from '../../compiler/index.js';
import { formatAssumption } from './format-evidence.js';
import { diffSchemas, type SchemaChange } from './diff-schemas.js';
import { describeLeftOut, type LeftOutCall } from './describe-left-out.js';

/** What the diff reads of a stored version (a store's `SkillVersion` fits). */
export interface DiffableVersion {
  name: string;
  version: number;
  status: string;
  source: string;
  inputSchema: JsonSchema;
  outputSchema: JsonSchema;
  permissions: readonly string[];
  provenance: {
    trajectoryIds: readonly string[];
    compiler: string;
    model?: string;
    promptHash?: string;
    parentVersion?: number;
    leftOut?: readonly LeftOutCall[];
  };
  verification: { isVerified: boolean; reports: readonly { ok: boolean }[] };
  reliability: { runs: number; ok: number; failures: Readonly<Record<string, number>> };
  /** Absent on versions compiled before evidence was recorded. */
  evidence?: GeneralizationEvidence;
}

/** One side of a diff's side-by-side figures. */
export interface VersionFacts {
  version: number;
  status: string;
  trajectoryIds: string[];
  compiler: string;
  model?: string;
  promptHash?: string;
  parentVersion?: number;
  isVerified: boolean;
  replaysPassed: number;
  replays: number;
  runs: number;
  ok: number;
  /** ok / runs, or null before any run. */
  successRate: number | null;
  failures: Record<string, number>;
  /** `2 inputs, 1 assumption, leave-one-out 2/3 (model folds)`; absent on versions without evidence. */
  evidence?: string;
}

/** A semantic summary of two versions plus the unified source diff. Also the `--json` form. */
export interface SkillDiff {
  /** Skill names (the same skill, unless two skills were compared). */
  from: VersionFacts & { name: string };
  to: VersionFacts & { name: string };
  /** Security first: tools the new version may call that the old could not. */
  permissions: { added: string[]; removed: string[] };
  input: SchemaChange[];
  output: SchemaChange[];
  trajectories: { added: string[]; removed: string[] };
  /** Recorded calls left out of the skill (failed attempts, unused read-only calls), one line each. */
  leftOut: { from: string[]; to: string[] };
  /** Assumptions (formatted) the new version makes that the old did not, and the reverse. */
  assumptions: { added: string[]; removed: string[] };
  isSourceChanged: boolean;
  /** Unified diff of the TypeScript sources (`--- name@1` / `+++ name@2`). */
  sourcePatch: string;
}

function facts(version: DiffableVersion): VersionFacts & { name: string } {
  const { provenance, verification, reliability } = version;
  return {
    name: version.name,
    version: version.version,
    status: version.status,
    trajectoryIds: [...provenance.trajectoryIds],
    compiler: provenance.compiler,
    ...(provenance.model === undefined ? {} : { model: provenance.model }),
    ...(provenance.promptHash === undefined ? {} : { promptHash: provenance.promptHash }),
    ...(provenance.parentVersion === undefined ? {} : { parentVersion: provenance.parentVersion }),
    isVerified: verification.isVerified,
    replaysPassed: verification.reports.filter((report) => report.ok).length,
    replays: verification.reports.length,
    runs: reliability.runs,
    ok: reliability.ok,
    successRate: reliability.runs === 0 ? null : reliability.ok / reliability.runs,
    failures: { ...reliability.failures },
    ...(version.evidence ? { evidence: evidenceFigures(version.evidence) } : {}),
  };
}

function evidenceFigures(evidence: GeneralizationEvidence): string {
  const count = evidence.assumptions.length;
  const loo = evidence.leaveOneOut;
  return (
    `${evidence.verifiedInputs} input${evidence.verifiedInputs === 1 ? '' : 's'}, ${count} assumption${count === 1 ? '' : 's'}` +
    (loo
      ? `, leave-one-out ${loo.reproduced}/${loo.total}${loo.compiler ? ` (${loo.compiler} folds)` : ''}`
      : '')
  );
}

function assumptionsOf(version: DiffableVersion): string[] {
  return (version.evidence?.assumptions ?? []).map(formatAssumption);
}

function setDifference(left: readonly string[], right: readonly string[]): string[] {
  const exclude = new Set(right);
  return [...new Set(left)].filter((item) => !exclude.has(item)).sort();
}

/**
 * Compares two versions: permissions, Input/Output schema changes, status, provenance,
 * verification and reliability, and a unified diff of the sources.
 */
export function diffSkillVersions(from: DiffableVersion, to: DiffableVersion): SkillDiff {
  const fromRef = `${from.name}@${from.version}`;
  const toRef = `${to.name}@${to.version}`;
  return {
    from: facts(from),
    to: facts(to),
    permissions: {
      added: setDifference(to.permissions, from.permissions),
      removed: setDifference(from.permissions, to.permissions),
    },
    input: diffSchemas(from.inputSchema, to.inputSchema),
    output: diffSchemas(from.outputSchema, to.outputSchema),
    trajectories: {
      added: setDifference(to.provenance.trajectoryIds, from.provenance.trajectoryIds),
      removed: setDifference(from.provenance.trajectoryIds, to.provenance.trajectoryIds),
    },
    leftOut: {
      from: (from.provenance.leftOut ?? []).map(describeLeftOut),
      to: (to.provenance.leftOut ?? []).map(describeLeftOut),
    },
    assumptions: {
      added: setDifference(assumptionsOf(to), assumptionsOf(from)),
      removed: setDifference(assumptionsOf(from), assumptionsOf(to)),
    },
    isSourceChanged: from.source !== to.source,
    sourcePatch: createTwoFilesPatch(fromRef, toRef, from.source, to.source, undefined, undefined, {
      context: 3,
    }),
  };
}
