// The corpus figure of `npm run bench -- compile`: whole recorded corpora compiled in one process.
import { Node, Project, type ObjectLiteralExpression, type Expression } from 'ts-morph';
import { compileTrajectories, type CompiledSkill } from '../compiler/index.js';
import type { ToolManifestEntry } from '../core/index.js';
import type { BenchRow } from './_report.js';

/** One corpus: its trajectory files and manifest. */
export interface Corpus {
  name: string;
  files: string[];
  manifest: readonly ToolManifestEntry[];
}

interface ArgumentCounts {
  lifted: number;
  constant: number;
}

function isConstant(expression: Expression): boolean {
  if (
    Node.isStringLiteral(expression) ||
    Node.isNoSubstitutionTemplateLiteral(expression) ||
    Node.isNumericLiteral(expression) ||
    Node.isTrueLiteral(expression) ||
    Node.isFalseLiteral(expression) ||
    Node.isNullLiteral(expression)
  )
    return true;
  return Node.isPrefixUnaryExpression(expression) && Node.isNumericLiteral(expression.getOperand());
}

// Leaves of an argument object: a literal is a constant; an input, a result path, a template or a
// loop variable is lifted (an input or data flow).
function countLeaves(expression: Expression, counts: ArgumentCounts): void {
  if (Node.isObjectLiteralExpression(expression)) return countObject(expression, counts);
  if (Node.isArrayLiteralExpression(expression)) {
    for (const element of expression.getElements()) countLeaves(element, counts);
    return;
  }
  if (isConstant(expression)) counts.constant += 1;
  else counts.lifted += 1;
}

function countObject(object: ObjectLiteralExpression, counts: ArgumentCounts): void {
  for (const property of object.getProperties()) {
    if (Node.isPropertyAssignment(property)) {
      const initializer = property.getInitializer();
      if (initializer) countLeaves(initializer, counts);
    } else counts.lifted += 1; // a shorthand `{ id }` names a variable
  }
}

/** Argument leaves of every `tools.x({...})` call in the skills' sources, by where they come from. */
export function countArguments(skills: readonly CompiledSkill[]): ArgumentCounts {
  const project = new Project({ useInMemoryFileSystem: true });
  const counts: ArgumentCounts = { lifted: 0, constant: 0 };
  for (const [index, skill] of skills.entries()) {
    const file = project.createSourceFile(`skill-${index}.ts`, skill.source);
    file.forEachDescendant((node) => {
      if (!Node.isCallExpression(node) || !/^tools\./.test(node.getExpression().getText())) return;
      const [argument] = node.getArguments();
      if (argument && Node.isObjectLiteralExpression(argument)) countObject(argument, counts);
    });
  }
  return counts;
}

/** Compiles each corpus whole, in this process, and measures what came out. */
export async function corpusRows(corpora: readonly Corpus[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const corpus of corpora) {
    const started = performance.now();
    const { skills } = await compileTrajectories({ files: corpus.files, manifest: corpus.manifest });
    const elapsedMs = performance.now() - started;
    const verified = skills.filter((skill) => skill.verification.isVerified);
    const covered = verified.reduce((sum, skill) => sum + skill.provenance.trajectoryIds.length, 0);
    const counts = countArguments(verified);
    const leftOut = skills.reduce((sum, skill) => sum + (skill.provenance.leftOut?.length ?? 0), 0);
    rows.push({
      corpus: corpus.name,
      trajectories: corpus.files.length,
      skills: skills.length,
      verifiedSkills: verified.length,
      verifiedTrajectoriesShare: covered / corpus.files.length,
      msPerTrajectory: elapsedMs / corpus.files.length,
      argumentsLiftedShare: counts.lifted / Math.max(1, counts.lifted + counts.constant),
      callsLeftOut: leftOut,
    });
  }
  return rows;
}
