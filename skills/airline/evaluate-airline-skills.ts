import { pathToFileURL } from 'node:url';
import { compileTrajectories } from '../../compiler/index.js';
import { airlineManifest } from './airline-manifest.js';
import { checkSkillLive, type LiveCheck } from './_live-check.js';
import { evaluateLeaveOneOutLive } from './leave-one-out-live.js';
import { findTaskShape } from './task-shapes.js';
import { airlineTrajectoryFiles, type AirlineTrajectoryFormat } from './trajectory-files.js';

/** What `evaluateAirlineSkills` measured on the recorded corpus. */
export interface AirlineEvaluation {
  format: AirlineTrajectoryFormat;
  trajectories: number;
  skills: number;
  verifiedSkills: number;
  /** Trajectories covered by a verified skill. */
  verifiedTrajectories: number;
  /** Live runs of verified skills on the held-out requests of their shape, and how many did the right thing. */
  heldOutRuns: number;
  heldOutCorrect: number;
  /** Verified skills right on every held-out request of their shape. */
  skillsRightOnHeldOut: number;
  /** Leave-one-out folds (per run of a shape with 3+ customers), folds with a verified skill, folds right live. */
  leaveOneOutFolds: number;
  leaveOneOutVerified: number;
  leaveOneOutCorrect: number;
  compileMs: number;
  /** Every live run, for the report. */
  checks: LiveCheck[];
  skillNames: { name: string; isVerified: boolean; trajectoryIds: string[] }[];
}

/** Options of `evaluateAirlineSkills`. */
export interface EvaluateAirlineOptions {
  /** Which recorded files to compile. @default 'openai' */
  format?: AirlineTrajectoryFormat;
  /** Also compile each shape without one run and run the result live for the one left out. @default true */
  leaveOneOut?: boolean;
}

/**
 * Compiles the recorded airline corpus with the trace compiler and measures it: skills verified,
 * verified skills run live on held-out requests (effects checked against the policy), and
 * leave-one-out per shape (`evaluateLeaveOneOutLive`). Reports figures; asserts nothing.
 * @example npx tsx --no-node-snapshot skills/airline/evaluate-airline-skills.ts
 */
export async function evaluateAirlineSkills(
  options: EvaluateAirlineOptions = {},
): Promise<AirlineEvaluation> {
  const format = options.format ?? 'openai';
  const files = await airlineTrajectoryFiles(format);
  const started = performance.now();
  const { skills } = await compileTrajectories({ files, manifest: airlineManifest });
  const compileMs = Math.round(performance.now() - started);
  const verified = skills.filter((skill) => skill.verification.isVerified);
  const checks: LiveCheck[] = [];
  let skillsRightOnHeldOut = 0;
  for (const skill of verified) {
    const shape = findTaskShape(skill.provenance.trajectoryIds[0] ?? '');
    const own = await Promise.all((shape?.heldOut ?? []).map((request) => checkSkillLive(skill, request)));
    checks.push(...own);
    if (own.length > 0 && own.every((check) => check.isCorrect)) skillsRightOnHeldOut += 1;
  }
  // The next-customer check of issue 18, with its picker: one leave-one-out, one set of figures.
  const loo =
    options.leaveOneOut === false
      ? { folds: [], unverified: 0, correct: 0 }
      : await evaluateLeaveOneOutLive(format);
  return {
    format,
    trajectories: files.length,
    skills: skills.length,
    verifiedSkills: verified.length,
    verifiedTrajectories: verified.reduce((sum, skill) => sum + skill.provenance.trajectoryIds.length, 0),
    heldOutRuns: checks.length,
    heldOutCorrect: checks.filter((check) => check.isCorrect).length,
    skillsRightOnHeldOut,
    leaveOneOutFolds: loo.folds.length,
    leaveOneOutVerified: loo.folds.length - loo.unverified,
    leaveOneOutCorrect: loo.correct,
    compileMs,
    checks,
    skillNames: skills.map((skill) => ({
      name: skill.name,
      isVerified: skill.verification.isVerified,
      trajectoryIds: skill.provenance.trajectoryIds,
    })),
  };
}

/** One line of figures: `openai: 17 trajectories -> 16 skills, 3 verified (4 trajectories); ...`. */
export function formatAirlineEvaluation(evaluation: AirlineEvaluation): string {
  const e = evaluation;
  return (
    `${e.format}: ${e.trajectories} trajectories -> ${e.skills} skills, ${e.verifiedSkills} verified ` +
    `(${e.verifiedTrajectories} trajectories); held-out live: ${e.heldOutCorrect}/${e.heldOutRuns} runs right, ` +
    `${e.skillsRightOnHeldOut}/${e.verifiedSkills} verified skills right on all; leave-one-out: ` +
    `${e.leaveOneOutVerified}/${e.leaveOneOutFolds} folds verified, ${e.leaveOneOutCorrect}/${e.leaveOneOutFolds} right live; ` +
    `compile ${e.compileMs} ms`
  );
}

// Run as a script: `npx tsx --no-node-snapshot skills/airline/evaluate-airline-skills.ts [--verbose]`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const verbose = process.argv.includes('--verbose');
  (async () => {
    for (const format of ['openai', 'native'] as const) {
      const evaluation = await evaluateAirlineSkills({ format });
      process.stdout.write(`${formatAirlineEvaluation(evaluation)}\n`);
      if (!verbose) continue;
      for (const skill of evaluation.skillNames)
        process.stdout.write(
          `  ${skill.isVerified ? '✓' : '✗'} ${skill.name} <- ${skill.trajectoryIds.join(', ')}\n`,
        );
      for (const check of evaluation.checks)
        process.stdout.write(
          `  ${check.isCorrect ? 'right' : 'wrong'} ${check.skill} ${JSON.stringify(check.input)} ${check.reason ?? ''}\n`,
        );
    }
  })().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
