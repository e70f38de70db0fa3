import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { SKILL_NAME_PATTERN, type ToolManifestEntry } from '../../core/index.js';
import type { Diagnostic, DiagnosticCode } from './compiled-skill.js';

/** `knack:skills/<name>@<version>`: the only importable modules besides the `knack:tools` types. */
export const SKILL_IMPORT_PATTERN: RegExp = new RegExp(
  `^knack:skills/(${SKILL_NAME_PATTERN.slice(1, -1)})@([1-9][0-9]*)$`,
);

const forbiddenNames = new Set([
  'eval',
  'Function',
  'globalThis',
  'global',
  'self',
  'window',
  'process',
  'require',
  'module',
  'exports',
  'Reflect',
  'Proxy',
  'WebAssembly',
]);

/** What the policy check found: violations, the tools used (permissions) and imported skill refs. */
export interface PolicyResult {
  diagnostics: Diagnostic[];
  permissions: string[];
  /** `name@version` of every `knack:skills/...` import. */
  skillImports: string[];
}

function at(node: Node, message: string, code: DiagnosticCode): Diagnostic {
  const { line, column } = node.getSourceFile().getLineAndColumnAtPos(node.getStart());
  return { message, line, column, code, severity: 'error' };
}

function checkImports(sourceFile: SourceFile, result: PolicyResult): void {
  for (const declaration of [...sourceFile.getImportDeclarations(), ...sourceFile.getExportDeclarations()]) {
    const specifier = declaration.getModuleSpecifierValue();
    if (specifier === undefined) continue;
    const skill = SKILL_IMPORT_PATTERN.exec(specifier);
    if (skill) result.skillImports.push(`${skill[1]}@${skill[2]}`);
    else if (specifier === 'knack:tools' && Node.isImportDeclaration(declaration) && declaration.isTypeOnly())
      continue;
    else if (specifier === 'knack:tools')
      result.diagnostics.push(
        at(
          declaration,
          'import `knack:tools` with `import type`: tools arrive as the second argument.',
          'POLICY_IMPORT',
        ),
      );
    else
      result.diagnostics.push(
        at(
          declaration,
          `import of \`${specifier}\` is not allowed: only \`import type { Tools } from "knack:tools"\` and \`knack:skills/<name>@<version>\`.`,
          'POLICY_IMPORT',
        ),
      );
  }
}

function checkForbidden(sourceFile: SourceFile, result: PolicyResult): void {
  sourceFile.forEachDescendant((node) => {
    if (node.getKind() === SyntaxKind.WithStatement)
      result.diagnostics.push(at(node, '`with` is not allowed.', 'POLICY_SYNTAX'));
    if (Node.isCallExpression(node) && node.getExpression().getKind() === SyntaxKind.ImportKeyword) {
      result.diagnostics.push(
        at(
          node,
          'dynamic `import()` is not allowed; import skills statically from `knack:skills/<name>@<version>`.',
          'POLICY_SYNTAX',
        ),
      );
    }
    if (Node.isIdentifier(node) && forbiddenNames.has(node.getText()) && isReference(node)) {
      result.diagnostics.push(at(node, `\`${node.getText()}\` is not allowed in a skill.`, 'POLICY_GLOBAL'));
    }
    if (
      Node.isPropertyAccessExpression(node) &&
      ['constructor', '__proto__', 'prototype'].includes(node.getName())
    ) {
      result.diagnostics.push(
        at(node.getNameNode(), `\`.${node.getName()}\` is not allowed in a skill.`, 'POLICY_GLOBAL'),
      );
    }
  });
}

// Property names, object keys and type positions are not references to the global.
function isReference(node: Node): boolean {
  const parent = node.getParent();
  if (!parent) return true;
  if (Node.isPropertyAccessExpression(parent) && parent.getNameNode() === node) return false;
  if (Node.isPropertyAssignment(parent) && parent.getNameNode() === node) return false;
  if (Node.isTypeReference(parent) || Node.isQualifiedName(parent)) return false;
  return !(
    Node.isMethodDeclaration(parent) ||
    Node.isPropertySignature(parent) ||
    Node.isPropertyDeclaration(parent)
  );
}

// Handing the tools to an imported skill (`lookup(input, tools)`) is how skills compose.
function isPassedAlong(node: Node): boolean {
  const parent = node.getParent();
  if (Node.isParameterDeclaration(parent)) return true;
  return Node.isCallExpression(parent) && parent.getArguments().includes(node);
}

function toolsParameterName(sourceFile: SourceFile): string | undefined {
  const exported = sourceFile.getDefaultExportSymbol()?.getDeclarations()[0];
  if (
    exported &&
    (Node.isFunctionDeclaration(exported) ||
      Node.isArrowFunction(exported) ||
      Node.isFunctionExpression(exported))
  ) {
    return exported.getParameters()[1]?.getName();
  }
  return 'tools';
}

interface ToolNames {
  parameter: string;
  tools: ReadonlySet<string>;
  /** Namespaces of dotted names: `team` for `team.page`. */
  prefixes: ReadonlySet<string>;
}

// The static key a property or element access adds to the path, `null` for a computed one.
function accessKey(parent: Node | undefined, current: Node): string | null | undefined {
  if (Node.isPropertyAccessExpression(parent) && parent.getExpression() === current) return parent.getName();
  if (!Node.isElementAccessExpression(parent) || parent.getExpression() !== current) return undefined;
  const argument = parent.getArgumentExpression();
  return Node.isStringLiteral(argument) ? argument.getLiteralValue() : null;
}

/** Follows `tools.a.b` up the AST to a manifest name; reports what does not resolve statically. */
function toolAt(node: Node, names: ToolNames, diagnostics: Diagnostic[]): string | undefined {
  let path = '';
  let current: Node = node;
  for (;;) {
    const parent = current.getParent();
    const key = accessKey(parent, current);
    if (key === null) {
      const text = parent?.getText() ?? '';
      diagnostics.push(
        at(
          parent ?? node,
          `\`${text}\`: tools must be named statically so permissions can be derived.`,
          'POLICY_TOOL',
        ),
      );
      return undefined;
    }
    if (key === undefined || !parent) {
      if (path === '' && !isPassedAlong(node)) {
        const message = `use tools as \`${names.parameter}.<tool>(args)\` or pass \`${names.parameter}\` to an imported skill; aliasing hides permissions.`;
        diagnostics.push(at(node, message, 'POLICY_TOOL'));
      }
      return undefined;
    }
    path = path ? `${path}.${key}` : key;
    current = parent;
    if (names.tools.has(path)) return path;
    if (!names.prefixes.has(path)) {
      const known = [...names.tools].join(', ');
      diagnostics.push(
        at(
          parent,
          `\`${names.parameter}.${path}\` is not in the tool manifest (known: ${known}).`,
          'POLICY_TOOL',
        ),
      );
      return undefined;
    }
  }
}

function checkTools(
  sourceFile: SourceFile,
  manifest: readonly ToolManifestEntry[],
  result: PolicyResult,
): void {
  const parameter = toolsParameterName(sourceFile);
  if (!parameter) return;
  const tools = new Set(manifest.map((entry) => entry.name));
  const prefixes = new Set(
    manifest.flatMap((entry) =>
      entry.name
        .split('.')
        .slice(0, -1)
        .map((_, index, parts) => parts.slice(0, index + 1).join('.')),
    ),
  );
  const permissions = new Set<string>();
  sourceFile.forEachDescendant((node) => {
    if (!Node.isIdentifier(node) || node.getText() !== parameter || !isReference(node)) return;
    const tool = toolAt(node, { parameter, tools, prefixes }, result.diagnostics);
    if (tool) permissions.add(tool);
  });
  result.permissions = [...permissions].sort();
}

/**
 * Enforces the skill policy on the AST: only `knack:tools` type imports and pinned skill imports;
 * no `eval`, `Function`, dynamic `import()`, `with`, global objects or prototype walking; every
 * `tools.x` in the manifest. The tools used become the skill's permissions.
 */
export function checkPolicy(sourceFile: SourceFile, manifest: readonly ToolManifestEntry[]): PolicyResult {
  const result: PolicyResult = { diagnostics: [], permissions: [], skillImports: [] };
  checkImports(sourceFile, result);
  checkForbidden(sourceFile, result);
  checkTools(sourceFile, manifest, result);
  return result;
}
