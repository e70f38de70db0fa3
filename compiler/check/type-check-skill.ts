import { Project, ts, type SourceFile } from 'ts-morph';
import type { Diagnostic } from './compiled-skill.js';

const skillPath = '/skill.ts';
const toolsPath = '/knack-tools.d.ts';
const skillsPath = '/knack-skills.d.ts';
const globalsPath = '/knack-globals.d.ts';

// What the isolate offers besides ES2022: the console the sandbox captures.
const globals = `declare const console: {
  log(...data: unknown[]): void; info(...data: unknown[]): void; warn(...data: unknown[]): void;
  error(...data: unknown[]): void; debug(...data: unknown[]): void;
};
`;

let project: Project | undefined;

// One long-lived in-memory project: lib files and tool declarations stay parsed between compiles.
function sharedProject(): Project {
  if (!project) {
    project = new Project({
      useInMemoryFileSystem: true,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: ['lib.es2022.d.ts'],
        strict: true,
        // Tool schemas mark many fields optional; recorded data flow reads them, and replay checks the values.
        strictNullChecks: false,
        noEmit: true,
        isolatedModules: true,
        types: [],
      },
    });
    project.createSourceFile(globalsPath, globals);
  }
  return project;
}

function setText(path: string, text: string): SourceFile {
  const current = sharedProject().getSourceFile(path);
  if (current && current.getFullText() === text) return current;
  return sharedProject().createSourceFile(path, text, { overwrite: true });
}

function toDiagnostic(diagnostic: ts.Diagnostic, sourceFile: SourceFile): Diagnostic {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const result: Diagnostic = {
    message,
    code: `TS${diagnostic.code}`,
    severity: diagnostic.category === ts.DiagnosticCategory.Error ? 'error' : 'warning',
  };
  if (diagnostic.start !== undefined) {
    const { line, column } = sourceFile.getLineAndColumnAtPos(diagnostic.start);
    result.line = line;
    result.column = column;
  }
  return result;
}

/** Options of `typeCheckSkill`. */
export interface TypeCheckOptions {
  source: string;
  /** `declare module "knack:tools"` text from `toolsDeclarations`. */
  toolsDeclarations: string;
  /** `declare module "knack:skills/<name>@<version>"` blocks for imported skills. @default '' */
  skillDeclarations?: string;
}

/**
 * The checked skill: its diagnostics (1-based line/column) and its AST for policy and schemas.
 * The AST belongs to the shared project: use it before the next `typeCheckSkill` call.
 */
export interface TypeCheckResult {
  diagnostics: Diagnostic[];
  sourceFile: SourceFile;
}

/**
 * Type-checks a skill module against the tool declarations in a long-lived in-memory ts-morph
 * project (strict, ES2022 lib, no DOM or Node types), replacing only the texts that changed.
 */
export function typeCheckSkill(options: TypeCheckOptions): TypeCheckResult {
  setText(toolsPath, options.toolsDeclarations);
  setText(skillsPath, options.skillDeclarations ?? '// no imported skills\n');
  const sourceFile = setText(skillPath, options.source);
  const program = sharedProject().getProgram().compilerObject;
  const file = program.getSourceFile(skillPath);
  const found = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
  return { diagnostics: found.map((diagnostic) => toDiagnostic(diagnostic, sourceFile)), sourceFile };
}
