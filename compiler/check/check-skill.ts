import type { ToolManifestEntry } from '../../core/index.js';
import type { Trajectory } from '../import/index.js';
import type { CompiledSkill, Diagnostic, Provenance, SkillResolver } from './compiled-skill.js';
import { toolsDeclarations } from './tools-declarations.js';
import { typeCheckSkill } from './type-check-skill.js';
import { checkPolicy } from './check-policy.js';
import { deriveSchemas } from './derive-schemas.js';
import { bundleSkill, type BundleResult } from './bundle-skill.js';
import { verifySkill, type VerifyResult } from './verify-skill.js';
import { skillDeclarations } from './_skill-declarations.js';
import { readMeta } from './_read-meta.js';
import { importedPermissions } from './_imported-permissions.js';

/** The drafting compiler recorded in provenance when none is named. */
export const TRACE_COMPILER = 'knack-trace@0.1.0';

/** Options of `checkSkill`: a drafted module and the evidence it must reproduce. */
export interface CheckSkillOptions {
  /** The TypeScript skill module (DESIGN.md contract). */
  source: string;
  manifest: readonly ToolManifestEntry[];
  /** Successful trajectories to replay, each with the `input` that reproduces it. */
  trajectories: Trajectory[];
  /** Resolves `knack:skills/<name>@<version>` imports. */
  resolver?: SkillResolver;
  signal?: AbortSignal;
  /** Provenance beyond the trajectory ids. @default { compiler: 'knack-trace@0.1.0' } */
  provenance?: Partial<Provenance>;
  /** Input fields that carry secrets. @default [] */
  secretParameters?: string[];
}

function notRun(trajectories: readonly Trajectory[], reason: string): VerifyResult {
  return {
    isVerified: false,
    cases: [],
    reports: trajectories.map((trajectory) => ({ trajectoryId: trajectory.id, ok: false, message: reason })),
  };
}

// The schemas the cases were recorded against, so they replay without the manifest at hand.
function grantedSchemas(
  manifest: readonly ToolManifestEntry[],
  permissions: readonly string[],
): ToolManifestEntry[] {
  const granted = new Set(permissions);
  return manifest
    .filter((entry) => granted.has(entry.name))
    .map(({ name, inputSchema, outputSchema, annotations }) => ({
      name,
      inputSchema,
      ...(outputSchema === undefined ? {} : { outputSchema }),
      ...(annotations === undefined ? {} : { annotations }),
    }));
}

// The words users used for this task, kept so search can match requests phrased like them.
function userRequests(trajectories: readonly Trajectory[]): string[] {
  return [...new Set(trajectories.flatMap((trajectory) => [trajectory.task, ...(trajectory.context ?? [])]))];
}

// Every static check: imported skills, types, policy, schemas and meta, with their diagnostics.
async function analyze(
  source: string,
  manifest: readonly ToolManifestEntry[],
  resolver: SkillResolver | undefined,
) {
  const imported = await skillDeclarations(source, resolver);
  const toolTypes = await toolsDeclarations(manifest);
  const checked = typeCheckSkill({ source, toolsDeclarations: toolTypes, skillDeclarations: imported.text });
  const policy = checkPolicy(checked.sourceFile, manifest);
  const schemas = deriveSchemas(checked.sourceFile);
  const inherited = importedPermissions(imported.skills, manifest);
  const meta = readMeta(checked.sourceFile);
  const diagnostics: Diagnostic[] = [
    ...imported.diagnostics,
    ...checked.diagnostics,
    ...policy.diagnostics,
    ...inherited.diagnostics,
    ...schemas.diagnostics,
    ...meta.diagnostics,
  ];
  const permissions = [...new Set([...policy.permissions, ...inherited.permissions])].sort();
  return { diagnostics, permissions, skillImports: policy.skillImports, schemas, meta };
}

/**
 * The one pipeline every draft goes through (trace compiler or LLM): type-check against the
 * manifest's `Tools`, enforce the policy, derive schemas, bundle with pinned skill imports and
 * verify by replaying every trajectory. Problems are returned as diagnostics, never thrown.
 * @example const skill = await checkSkill({ source, manifest, trajectories }); skill.verification.isVerified
 */
export async function checkSkill(options: CheckSkillOptions): Promise<CompiledSkill> {
  const { source, manifest, trajectories } = options;
  const { diagnostics, permissions, skillImports, schemas, meta } = await analyze(
    source,
    manifest,
    options.resolver,
  );
  const name = meta.name ?? 'skill';
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const resolver = options.resolver ? { resolver: options.resolver } : {};
  const bundled: BundleResult = hasErrors
    ? { imports: skillImports, diagnostics: [] }
    : await bundleSkill({ source, filename: `${name}.ts`, ...resolver });
  diagnostics.push(...bundled.diagnostics);
  const { inputSchema, outputSchema } = schemas;
  const signal = options.signal ? { signal: options.signal } : {};
  const replayed = bundled.bundle
    ? await verifySkill({
        bundle: bundled.bundle,
        manifest,
        trajectories,
        inputSchema,
        outputSchema,
        ...signal,
      })
    : notRun(trajectories, 'not replayed: the skill has errors (see diagnostics).');
  const verification = { isVerified: replayed.isVerified, reports: replayed.reports };
  return {
    name,
    description: meta.description ?? '',
    source,
    bundle: bundled.bundle ?? '',
    ...(bundled.sourcemap ? { sourcemap: bundled.sourcemap } : {}),
    inputSchema,
    outputSchema,
    permissions,
    imports: bundled.imports,
    diagnostics,
    verification,
    provenance: {
      compiler: TRACE_COMPILER,
      ...options.provenance,
      trajectoryIds: trajectories.map((trajectory) => trajectory.id),
      tasks: userRequests(trajectories),
    },
    secretParameters: options.secretParameters ?? [],
    cases: replayed.cases,
    toolSchemas: grantedSchemas(manifest, permissions),
  };
}
