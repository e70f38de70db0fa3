import { isSkillName, SKILL_NAME_RULE } from '../../core/index.js';
import { Node, type SourceFile } from 'ts-morph';
import type { Diagnostic } from './compiled-skill.js';

/** Reads `export const meta = { name, description } as const` and checks the default export exists. */
export function readMeta(sourceFile: SourceFile): {
  name?: string;
  description?: string;
  diagnostics: Diagnostic[];
} {
  const declaration = sourceFile.getVariableDeclaration('meta');
  let initializer = declaration?.getInitializer();
  while (
    initializer &&
    (Node.isAsExpression(initializer) ||
      Node.isSatisfiesExpression(initializer) ||
      Node.isParenthesizedExpression(initializer))
  ) {
    initializer = initializer.getExpression();
  }
  const read = (key: string): string | undefined => {
    if (!Node.isObjectLiteralExpression(initializer)) return undefined;
    const property = initializer.getProperty(key);
    const value = Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    return Node.isStringLiteral(value) || Node.isNoSubstitutionTemplateLiteral(value)
      ? value.getLiteralValue()
      : undefined;
  };
  const name = read('name');
  const description = read('description');
  const diagnostics: Diagnostic[] = [];
  if (!declaration?.isExported() || !name || !isSkillName(name)) {
    diagnostics.push({
      message: `export \`const meta = { name: "snake_case_name", description: "..." } as const\`; the name is ${SKILL_NAME_RULE}.`,
      code: 'META',
      severity: 'error',
    });
  }
  if (!sourceFile.getDefaultExportSymbol()) {
    diagnostics.push({
      message:
        'export the skill as `export default async function name(input: Input, tools: Tools): Promise<Output>`.',
      code: 'META',
      severity: 'error',
    });
  }
  return { ...(name ? { name } : {}), ...(description ? { description } : {}), diagnostics };
}
