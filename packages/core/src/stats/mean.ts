// The arithmetic mean, from the compensated sum. Same value as `numpy.mean` up to its pairwise
// summation's rounding.

import { checkFiniteData, isNumberTypedArray } from '../internal/validate.ts';
import { ldexp } from '../internal/scale.ts';
import { neumaierSum, scaledSum } from './sum.ts';

/**
 * The arithmetic mean of a non-empty array, x̄ = (Σ xᵢ) / n, with the sum compensated (Neumaier)
 * so data offset by 1e9 keeps its digits. Its error is the sum's (2u·|Σx| + O(n·u²)·Σ|x|, see `sum`) over n
 * plus the division's rounding: within an ulp unless huge terms cancel, and within one step on the
 * subnormal grid.
 *
 * Ports `numpy.mean` for 1-D float64 data.
 *
 * @param x - The values; at least one, all finite.
 * @returns x̄.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity.
 * @example
 * mean([1, 2, 3, 4]); // => 2.5
 */
export function mean(x: ArrayLike<number>): number {
  return meanOf('mean', x);
}

/** `mean` with the caller's name in error messages (shared by variance, std, …). */
export function meanOf(fn: string, x: ArrayLike<number>): number {
  if (!isNumberTypedArray(x) || x.length === 0) checkFiniteData(fn, x);
  const n = x.length;
  const s = neumaierSum(x);
  if (!Number.isFinite(s)) {
    checkFiniteData(fn, x);
    // All finite but the sum overflows: the mean of the scaled sum cannot.
    const { scaled, exponent, unscaled } = scaledSum(x);
    return ldexp(scaled / n, exponent) + unscaled / n;
  }
  return s / n;
}
