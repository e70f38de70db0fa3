/** A 2x2 table: successes and failures of group A, then of group B. */
export interface TwoByTwo {
  successesA: number;
  failuresA: number;
  successesB: number;
  failuresB: number;
}

function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let index = 2; index <= n; index++) table[index] = (table[index - 1] ?? 0) + Math.log(index);
  return table;
}

/**
 * Two-sided p-value of Fisher's exact test on a 2x2 table: the probability, with the margins
 * fixed, of a table at most as likely as the one observed (the convention of R's `fisher.test`).
 * Exact for any counts, so it suits small benchmarks where a z-test's approximation does not hold.
 * @throws RangeError when a cell is not a non-negative integer.
 * @example fisherExactTest({ successesA: 3, failuresA: 1, successesB: 1, failuresB: 3 }) // 0.486
 */
export function fisherExactTest(table: TwoByTwo): number {
  const { successesA: a, failuresA: b, successesB: c, failuresB: d } = table;
  for (const cell of [a, b, c, d])
    if (!Number.isInteger(cell) || cell < 0)
      throw new RangeError(`fisherExactTest needs non-negative integer cells, got ${a}, ${b}, ${c}, ${d}.`);
  const rowA = a + b;
  const rowB = c + d;
  const successes = a + c;
  const total = rowA + rowB;
  const logFactorial = logFactorials(total);
  const at = (index: number): number => logFactorial[index] ?? 0;
  // Hypergeometric log-probability of x successes in row A, margins fixed.
  const logProbability = (x: number): number =>
    at(rowA) +
    at(rowB) +
    at(successes) +
    at(total - successes) -
    (at(total) + at(x) + at(rowA - x) + at(successes - x) + at(rowB - successes + x));
  const observed = logProbability(a);
  let pValue = 0;
  for (let x = Math.max(0, successes - rowB); x <= Math.min(rowA, successes); x++) {
    const logP = logProbability(x);
    // Relative tolerance, as R uses, so tables equally likely up to rounding count as "as extreme".
    if (logP <= observed + 1e-7) pValue += Math.exp(logP);
  }
  return Math.min(1, pValue);
}
