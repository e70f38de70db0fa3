// The pairs figure of `npm run bench -- compile` (issue 17's goal: "at least 3 of 4 pairs of runs of
// one task fold into one skill that verifies on both, with every value the user supplied kept as an
// input; a fold that bakes the customer's id does not count"). For every pair of recorded runs of
// one airline task shape, the two are compiled together; a pair counts when one verified skill
// covers both and no value a user typed is a literal of the skill's code.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { Node, Project, type SourceFile } from 'ts-morph';
import { compileTrajectories, importTrajectory, type CompiledSkill } from '../compiler/index.js';
import {
  airlineManifest,
  airlineTrajectoryFiles,
  findTaskShape,
  type AirlineTrajectoryFormat,
} from '../skills/airline/index.js';
import { report, type BenchRow } from './_report.js';

/** Issue 17's goal: 3 of 4 pairs fold, keeping every user-supplied value an input. */
const GOAL_SHARE = 0.75;

/** One pair of runs of a shape, compiled together. */
export interface PairOutcome {
  format: AirlineTrajectoryFormat;
  shape: string;
  ids: [string, string];
  /** One verified skill covers both runs. */
  isFolded: boolean;
  /** User-typed values found as literals in the covering skill's code (empty: every one is an input). */
  bakedUserValues: string[];
  /** Inputs named after scratch free text (`thought`, `expression`), which no caller can fill. */
  scratchInputs: string[];
  skill?: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// What the customer typed: every user message (the task and the later turns).
function userText(file: string): string {
  const trajectory = importTrajectory(readFileSync(file, 'utf8'), { file, manifest: airlineManifest });
  return [trajectory.task, ...(trajectory.context ?? [])].join('\n');
}

// A literal the user typed: the whole literal appears in a user message as a token (any case, so
// "q4mz7k" typed and "Q4MZ7K" in the code count), or a time literal `07:45:00` the user wrote as `07:45`.
// A one-letter string is no evidence; a number ("2 bags") is, whatever its length.
function isTyped(literal: string, text: string): boolean {
  const forms = [literal, literal.replace(/^(\d{1,2}:\d{2}):00$/, '$1')];
  return forms.some(
    (form) =>
      (form.length >= 2 || /^\d$/.test(form)) &&
      new RegExp(`(^|[^\\w])${escapeRegExp(form)}($|[^\\w])`, 'i').test(text),
  );
}

// Literals of the skill's code: strings anywhere in the default function except inside a `throw`
// (its message only echoes), and numbers that are tool-call argument values (not indexes).
function codeLiterals(file: SourceFile): string[] {
  const literals: string[] = [];
  const body = file.getFunctions().find((declaration) => declaration.isDefaultExport());
  body?.forEachDescendant((node, traversal) => {
    if (Node.isThrowStatement(node)) return traversal.skip();
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node))
      literals.push(node.getLiteralText());
    else if (Node.isNumericLiteral(node) && Node.isPropertyAssignment(node.getParent()))
      literals.push(node.getText());
    return undefined;
  });
  return literals;
}

/**
 * The literals of a skill's code that a user typed in one of `userTexts` (a customer id, a date,
 * a destination, a bag count): each should have been an input.
 */
export function bakedUserValues(source: string, userTexts: readonly string[]): string[] {
  const file = new Project({ useInMemoryFileSystem: true }).createSourceFile('skill.ts', source);
  const baked = codeLiterals(file).filter((literal) => userTexts.some((text) => isTyped(literal, text)));
  return [...new Set(baked)];
}

function inputNames(skill: CompiledSkill): string[] {
  const schema = skill.inputSchema;
  const properties = typeof schema === 'object' ? schema['properties'] : undefined;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

async function comparePair(format: AirlineTrajectoryFormat, files: [string, string]): Promise<PairOutcome> {
  const ids = files.map((file) => basename(file, '.json')) as [string, string];
  const { skills } = await compileTrajectories({ files, manifest: airlineManifest });
  const skill = skills.find(
    (candidate) =>
      candidate.verification.isVerified && ids.every((id) => candidate.provenance.trajectoryIds.includes(id)),
  );
  const shape = findTaskShape(ids[0])?.name ?? ids[0];
  if (!skill) return { format, shape, ids, isFolded: false, bakedUserValues: [], scratchInputs: [] };
  const scratchInputs = inputNames(skill).filter((name) => /^(thought|expression)\d*$/.test(name));
  const baked = bakedUserValues(skill.source, files.map(userText));
  return { format, shape, ids, isFolded: true, bakedUserValues: baked, scratchInputs, skill: skill.name };
}

/** Every pair of runs of each airline task shape in `format`, compiled pair by pair. */
export async function compilePairs(format: AirlineTrajectoryFormat): Promise<PairOutcome[]> {
  const files = await airlineTrajectoryFiles(format);
  const outcomes: PairOutcome[] = [];
  for (const [index, first] of files.entries())
    for (const second of files.slice(index + 1)) {
      const shapeOf = (file: string): string | undefined => findTaskShape(basename(file, '.json'))?.name;
      if (shapeOf(first) === shapeOf(second)) outcomes.push(await comparePair(format, [first, second]));
    }
  return outcomes;
}

/** A pair counts toward the goal: folded into one verified skill that keeps every user value an input. */
export function isPairKept(outcome: PairOutcome): boolean {
  return outcome.isFolded && outcome.bakedUserValues.length === 0 && outcome.scratchInputs.length === 0;
}

function pairRow(format: string, shape: string, outcomes: readonly PairOutcome[]): BenchRow {
  const kept = outcomes.filter(isPairKept).length;
  return {
    format,
    shape,
    pairs: outcomes.length,
    folded: outcomes.filter((outcome) => outcome.isFolded).length,
    foldedBakingUserValues: outcomes.filter((outcome) => outcome.isFolded && !isPairKept(outcome)).length,
    kept,
    keptShare: outcomes.length === 0 ? 0 : kept / outcomes.length,
  };
}

/** Prints and writes `compile-pairs`: per format and shape, and in total. */
export async function reportCompilePairs(): Promise<void> {
  const rows: BenchRow[] = [];
  const pairs: PairOutcome[] = [];
  for (const format of ['openai', 'native'] as const) {
    const outcomes = await compilePairs(format);
    pairs.push(...outcomes);
    for (const shape of [...new Set(outcomes.map((outcome) => outcome.shape))])
      rows.push(
        pairRow(
          format,
          shape,
          outcomes.filter((outcome) => outcome.shape === shape),
        ),
      );
    rows.push(pairRow(format, 'total', outcomes));
  }
  report('compile-pairs', rows, {
    what: 'airline: every pair of runs of one task shape compiled together; kept = one verified skill covers both and no user-typed value is a literal of its code',
    goal: { keptShare: GOAL_SHARE },
    pairs,
  });
}
