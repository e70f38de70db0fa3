import { Project } from 'ts-morph';
import type { ToolManifestEntry } from '../../core/index.js';
import type { Diagnostic, ResolvedSkill } from './compiled-skill.js';
import { checkPolicy } from './check-policy.js';

let parser: Project | undefined;

/**
 * The tools an imported skill touches count as the importer's permissions too; an imported skill
 * whose tools are not in this manifest is an error (it would fail with TOOL_NOT_ALLOWED at run time).
 */
export function importedPermissions(
  skills: readonly ResolvedSkill[],
  manifest: readonly ToolManifestEntry[],
): { permissions: string[]; diagnostics: Diagnostic[] } {
  parser ??= new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true });
  const permissions = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const skill of skills) {
    const file = parser.createSourceFile(`/imported/${skill.name}@${skill.version}.ts`, skill.source, {
      overwrite: true,
    });
    const policy = checkPolicy(file, manifest);
    for (const tool of policy.permissions) permissions.add(tool);
    for (const problem of policy.diagnostics.filter((diagnostic) => diagnostic.code === 'POLICY_TOOL')) {
      // The line and column point into the imported source, not this skill's; keep them out.
      diagnostics.push({
        code: problem.code,
        severity: 'error',
        message: `imported skill ${skill.name}@${skill.version}: ${problem.message}`,
      });
    }
  }
  return { permissions: [...permissions], diagnostics };
}
