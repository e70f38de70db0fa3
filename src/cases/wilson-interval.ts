/** A share of runs with its 95% Wilson score interval. */
export interface Share {
  count: number;
  /** count / total, 0..1 (0 when total is 0). */
  rate: number;
  /** Lower bound of the 95% Wilson interval, 0..1. */
  low: number;
  /** Upper bound of the 95% Wilson interval, 0..1. */
  high: number;
}

// The 0.975 quantile of the standard normal: a two-sided 95% interval.
const z = 1.959963984540054;

/**
 * `count` of `total` as a share with its 95% Wilson score interval, which stays inside 0..1 and
 * keeps a useful width at 0 or `total` successes, where the normal approximation collapses.
 * @throws RangeError when the counts are not integers with 0 <= count <= total.
 * @example wilsonInterval(45, 50) // { count: 45, rate: 0.9, low: 0.786, high: 0.957 }
 */
export function wilsonInterval(count: number, total: number): Share {
  if (!Number.isInteger(count) || !Number.isInteger(total) || count < 0 || count > total)
    throw new RangeError(`wilsonInterval needs integers 0 <= count <= total, got ${count} of ${total}.`);
  if (total === 0) return { count, rate: 0, low: 0, high: 1 };
  const rate = count / total;
  const z2 = z * z;
  const denominator = 1 + z2 / total;
  const center = (rate + z2 / (2 * total)) / denominator;
  const half = (z * Math.sqrt((rate * (1 - rate)) / total + z2 / (4 * total * total))) / denominator;
  // At 0 or `total` the bound is exactly 0 or 1; rounding would leave 0.9999999999999999.
  return {
    count,
    rate,
    low: count === 0 ? 0 : Math.max(0, center - half),
    high: count === total ? 1 : Math.min(1, center + half),
  };
}
