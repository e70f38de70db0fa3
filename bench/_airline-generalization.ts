// The next-customer figure of issue 18, a section of `npm run bench -- compile`: for each airline
// task shape with three customers or more, compile from all runs but one and run the skill live
// for the customer left out (effect checked against the policy); of the wrong ones, how many the
// skill's stored evidence named in advance. The caller who fills the skill's inputs knows the
// policy (the figure of the goal) or, as a second line, only the customer's words.
import { evaluateLeaveOneOutLive, formatLeaveOneOutLive } from '../skills/airline/index.js';
import { report, type BenchRow } from './_report.js';

/** Goal of issue 18: 80% of left-out customers served right, and every failure foretold. */
const GOAL = { rightShare: 0.8, foretoldShare: 1 };

export async function reportAirlineGeneralization(): Promise<void> {
  const rows: BenchRow[] = [];
  const results = [];
  const runs = [
    ['native', 'policy'],
    ['openai', 'policy'],
    ['native', 'words'],
  ] as const;
  for (const [format, knowledge] of runs) {
    const started = performance.now();
    const result = await evaluateLeaveOneOutLive(format, knowledge);
    results.push(result);
    const folds = result.folds.length;
    rows.push({
      format,
      caller: knowledge === 'policy' ? 'words+policy' : 'words only',
      folds,
      rightLive: result.correct,
      rightShare: folds === 0 ? 0 : result.correct / folds,
      noVerifiedSkill: result.unverified,
      wrong: result.wrong,
      foretold: result.foretold,
      foretoldShare: result.wrong === 0 ? 1 : result.foretold / result.wrong,
      ms: Math.round(performance.now() - started),
    });
    process.stderr.write(`${formatLeaveOneOutLive(result)}\n`);
  }
  report('compile-generalization', rows, {
    what: 'airline leave-one-out, live: compile from all runs of a shape but one, run for the left-out customer',
    goal: GOAL,
    caller:
      'words+policy: the caller fills inputs from what the customer said and what its policy makes it work out (bags beyond the free allowance); words only: from what the customer said',
    folds: results.flatMap((result) =>
      result.folds.map((fold) => ({ format: result.format, caller: result.knowledge, ...fold })),
    ),
  });
}
