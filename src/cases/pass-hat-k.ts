function choose(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  let result = 1;
  for (let index = 1; index <= k; index++) result = (result * (n - k + index)) / index;
  return result;
}

/** Runs of one case: how many, and how many were correct. */
export interface CaseTally {
  runs: number;
  correct: number;
}

/**
 * pass^k as agent benchmarks report it (tau-bench): the chance that k runs of the same case are
 * all correct, estimated without bias per case as C(correct, k) / C(runs, k) and averaged over
 * the cases run at least k times. `undefined` when no case ran k times.
 * @example passHatK([{ runs: 4, correct: 3 }], 2) // 0.5
 */
export function passHatK(tallies: readonly CaseTally[], k: number): number | undefined {
  const eligible = tallies.filter((tally) => tally.runs >= k);
  if (eligible.length === 0 || k < 1) return undefined;
  const sum = eligible.reduce((total, tally) => total + choose(tally.correct, k) / choose(tally.runs, k), 0);
  return sum / eligible.length;
}
