// Compensated summation. Neumaier's improvement of Kahan summation: A. Neumaier, "Rundungsfehleranalyse
// einiger Verfahren zur Summation endlicher Summen", ZAMM 54 (1974); numpy's `sum` is pairwise instead.

import { checkArrayLike, checkFiniteData, isNumberTypedArray } from '../internal/validate.ts';

/**
 * Sums an array with Neumaier (Kahan–Babuška) compensation, so the result is within about one
 * rounding of the exact sum even when terms cancel.
 *
 * Keeps a running sum s and a compensation c: for each term v, t = s + v, c += the exact rounding
 * error of that addition (Knuth's TwoSum, equal to Neumaier's (s − t) + v or (v − t) + s),
 * s = t; and returns s + c. The error is bounded by
 * 2u·|Σx| + O(n·u²)·Σ|x| (u = 2⁻⁵³), against (n − 1)·u·Σ|x| for a plain loop. The empty sum is 0,
 * as `numpy.sum([])`.
 *
 * Ports `math.fsum`-grade accuracy at the cost of `numpy.sum` (which is pairwise, error O(u·log n)).
 *
 * @param x - The values; finite numbers.
 * @returns The compensated sum Σ xᵢ.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If a value is NaN or ±Infinity (reported with its index), or the sum
 *   overflows the double range.
 * @example
 * sum([1e100, 1, -1e100]); // => 1
 * sum([0.1, 0.2, 0.3]); // => 0.6
 */
export function sum(x: ArrayLike<number>): number {
  checkArrayLike('sum', 'x', x);
  if (!isNumberTypedArray(x)) checkFiniteData('sum', x, 'x', 0);
  const s = neumaierSum(x);
  if (!Number.isFinite(s)) {
    checkFiniteData('sum', x, 'x', 0);
    throw new RangeError(`sum: the sum of x overflows the double range (|sum| > ${Number.MAX_VALUE})`);
  }
  return s;
}

/**
 * The compensated sum itself, without validation (callers validate). NaN or ±Infinity among the
 * terms, or an overflow, makes the result non-finite, so callers can check once at the end.
 *
 * Each addition's rounding error is recovered exactly with Knuth's branch-free TwoSum
 * (e = (s − (t − b)) + (v − b), b = t − s) and accumulated; this is the same correction Neumaier's
 * branch computes. Two interleaved accumulators, merged by one more TwoSum at the end, halve the
 * dependency chain so the loop runs at the speed of a plain sum.
 */
export function neumaierSum(x: ArrayLike<number>): number {
  const n = x.length;
  let s0 = 0;
  let c0 = 0;
  let s1 = 0;
  let c1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const v = x[i] as number;
    const t = s0 + v;
    const b = t - s0;
    c0 += s0 - (t - b) + (v - b);
    s0 = t;
    const w = x[i + 1] as number;
    const u = s1 + w;
    const d = u - s1;
    c1 += s1 - (u - d) + (w - d);
    s1 = u;
  }
  if (i < n) {
    const v = x[i] as number;
    const t = s0 + v;
    const b = t - s0;
    c0 += s0 - (t - b) + (v - b);
    s0 = t;
  }
  const t = s0 + s1;
  const b = t - s0;
  return t + (c0 + c1 + (s0 - (t - b) + (s1 - b)));
}
