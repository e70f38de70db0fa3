import type { PublishInput, SkillStatus, SkillVersionRecord } from './skill-record.js';

// Fixed key order, so stored JSON and exported skill.json read the same whatever order the
// caller's object had: identity first, then the reviewable parts, the bulky texts last.
export function buildRecord(
  compiled: Omit<PublishInput, 'status'>,
  identity: { version: number; contentHash: string; initialStatus: SkillStatus; createdAt: string },
): SkillVersionRecord {
  return {
    name: compiled.name,
    version: identity.version,
    contentHash: identity.contentHash,
    initialStatus: identity.initialStatus,
    createdAt: identity.createdAt,
    description: compiled.description,
    permissions: compiled.permissions,
    imports: compiled.imports,
    inputSchema: compiled.inputSchema,
    outputSchema: compiled.outputSchema,
    secretParameters: compiled.secretParameters,
    verification: compiled.verification,
    provenance: compiled.provenance,
    ...(compiled.evidence === undefined ? {} : { evidence: compiled.evidence }),
    diagnostics: compiled.diagnostics,
    ...(compiled.toolSchemas === undefined ? {} : { toolSchemas: compiled.toolSchemas }),
    ...(compiled.cases === undefined ? {} : { cases: compiled.cases }),
    ...(compiled.reviewNotes === undefined ? {} : { reviewNotes: compiled.reviewNotes }),
    source: compiled.source,
    bundle: compiled.bundle,
    ...(compiled.sourcemap === undefined ? {} : { sourcemap: compiled.sourcemap }),
  };
}
