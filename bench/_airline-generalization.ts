// The next-customer figure of issue 18, a section of `npm run bench -- compile`: for each airline
// task shape with three customers or more, compile from all runs but one and run the skill live
// for the customer left out (effect checked against the policy); of the wrong ones, how many the
// skill's stored evidence named in advance.
import { evaluateLeaveOneOutLive, formatLeaveOneOutLive } from '../skills/airline/index.js';
import { report, type BenchRow } from './_report.js';

/** Goal of issue 18: 80% of left-out customers served right, and every failure foretold. */
const GOAL = { rightShare: 0.8, foretoldShare: 1 };

export async function reportAirlineGeneralization(): Promise<void> {
  const rows: BenchRow[] = [];
  const results = [];
  for (const format of ['native', 'openai'] as const) {
    const started = performance.now();
    const result = await evaluateLeaveOneOutLive(format);
    results.push(result);
    const folds = result.folds.length;
    rows.push({
      format,
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
    folds: results.flatMap((result) => result.folds.map((fold) => ({ format: result.format, ...fold }))),
  });
}
