import type { ToolManifestEntry } from '../sandbox/index.js';
import type { CompiledSkill, Diagnostic, Provenance, SkillResolver, Trajectory } from './types.js';
import { toolsDeclarations } from './tools-declarations.js';
import { typeCheckSkill } from './type-check-skill.js';
import { checkPolicy } from './check-policy.js';
import { deriveSchemas } from './derive-schemas.js';
import { bundleSkill } from './bundle-skill.js';
import { verifySkill } from './verify-skill.js';
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

function notRun(trajectories: readonly Trajectory[], reason: string): CompiledSkill['verification'] {
  return {
    isVerified: false,
    reports: trajectories.map((trajectory) => ({ trajectoryId: trajectory.id, ok: false, message: reason })),
  };
}

/**
 * The one pipeline every draft goes through (trace compiler or LLM): type-check against the
 * manifest's `Tools`, enforce the policy, derive schemas, bundle with pinned skill imports and
 * verify by replaying every trajectory. Problems are returned as diagnostics, never thrown.
 * @example const skill = await checkSkill({ source, manifest, trajectories }); skill.verification.isVerified
 */
export async function checkSkill(options: CheckSkillOptions): Promise<CompiledSkill> {
  const { source, manifest, trajectories } = options;
  const imported = await skillDeclarations(source, options.resolver);
  const checked = typeCheckSkill({
    source,
    toolsDeclarations: await toolsDeclarations(manifest),
    skillDeclarations: imported.text,
  });
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
  const name = meta.name ?? 'skill';
  const hasErrors = diagnostics.some((diagnostic) => diagnostic.severity === 'error');
  const bundled = hasErrors
    ? { imports: policy.skillImports, diagnostics: [] as Diagnostic[] }
    : await bundleSkill({
        source,
        filename: `${name}.ts`,
        ...(options.resolver ? { resolver: options.resolver } : {}),
      });
  diagnostics.push(...bundled.diagnostics);
  const verification =
    'bundle' in bundled && bundled.bundle
      ? await verifySkill({
          bundle: bundled.bundle,
          manifest,
          trajectories,
          inputSchema: schemas.inputSchema,
          outputSchema: schemas.outputSchema,
          ...(options.signal ? { signal: options.signal } : {}),
        })
      : notRun(trajectories, 'not replayed: the skill has errors (see diagnostics).');
  return {
    name,
    description: meta.description ?? '',
    source,
    bundle: 'bundle' in bundled ? (bundled.bundle ?? '') : '',
    ...('sourcemap' in bundled && bundled.sourcemap ? { sourcemap: bundled.sourcemap } : {}),
    inputSchema: schemas.inputSchema,
    outputSchema: schemas.outputSchema,
    permissions: [...new Set([...policy.permissions, ...inherited.permissions])].sort(),
    imports: bundled.imports,
    diagnostics,
    verification,
    provenance: {
      compiler: TRACE_COMPILER,
      ...options.provenance,
      trajectoryIds: trajectories.map((trajectory) => trajectory.id),
    },
    secretParameters: options.secretParameters ?? [],
  };
}
