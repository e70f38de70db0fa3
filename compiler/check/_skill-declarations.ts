import type { ResolvedSkill, SkillResolver, Diagnostic } from './compiled-skill.js';
import { SKILL_IMPORT_PATTERN } from './check-policy.js';
import { schemaDeclaration } from './tools-declarations.js';

/** Skill refs imported by a source, found before parsing so their declarations can join the type-check. */
export function importedSkillRefs(source: string): string[] {
  const refs = new Set<string>();
  for (const match of source.matchAll(/from\s*["'](knack:skills\/[^"']+)["']/g)) {
    const ref = SKILL_IMPORT_PATTERN.exec(match[1] ?? '');
    if (ref) refs.add(`${ref[1]}@${ref[2]}`);
  }
  return [...refs];
}

async function declare(skill: ResolvedSkill): Promise<string> {
  return [
    `declare module "knack:skills/${skill.name}@${skill.version}" {`,
    '  import type { Tools } from "knack:tools";',
    await schemaDeclaration(skill.inputSchema, 'Input'),
    await schemaDeclaration(skill.outputSchema, 'Output'),
    '  export const meta: { readonly name: string; readonly description: string };',
    '  const skill: (input: Input, tools: Tools) => Promise<Output>;',
    '  export default skill;',
    '}',
  ].join('\n');
}

/** Declarations of the skills a source imports, resolved through the resolver; missing ones are diagnostics. */
export async function skillDeclarations(
  source: string,
  resolver: SkillResolver | undefined,
): Promise<{ text: string; skills: ResolvedSkill[]; diagnostics: Diagnostic[] }> {
  const skills: ResolvedSkill[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ref of importedSkillRefs(source)) {
    const [name = '', version = '0'] = ref.split('@');
    if (!resolver) {
      diagnostics.push({
        message: `\`knack:skills/${ref}\` needs a skill resolver (a store) to be pinned; none was given.`,
        code: 'SKILL_IMPORT',
        severity: 'error',
      });
      continue;
    }
    const skill = await resolver.resolveSkill(name, Number(version));
    if (skill) skills.push(skill);
    else
      diagnostics.push({
        message: `skill \`${ref}\` was not found in the store.`,
        code: 'SKILL_IMPORT',
        severity: 'error',
      });
  }
  const texts = await Promise.all(skills.map(declare));
  return { text: texts.join('\n') || '// no imported skills\n', skills, diagnostics };
}
