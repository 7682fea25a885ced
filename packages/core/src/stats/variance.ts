// Variance and standard deviation by the corrected two-pass algorithm: T. F. Chan, G. H. Golub,
// R. J. LeVeque, "Algorithms for computing the sample variance", Am. Statistician 37(3), 1983.

import { describe } from '../internal/validate.ts';
import { meanOf } from './mean.ts';

/** Options of `variance` and `std`. */
export interface VarianceOptions {
  /** Delta degrees of freedom: the divisor is n − ddof (numpy's `ddof`). Default 0. */
  ddof?: number;
}

/**
 * The variance of an array, Σ(xᵢ − x̄)² / (n − ddof), as `numpy.var(x, ddof=ddof)`.
 *
 * Two passes: x̄ from the compensated sum, then the compensated sum of d = xᵢ − x̄ and of d², with
 * the Chan–Golub–LeVeque correction S = Σd² − (Σd)²/n for the rounding of x̄. Data offset by 1e9
 * keeps its digits (a one-pass Σx² − n·x̄² would lose all of them).
 *
 * @param x - The values; finite numbers, more of them than `ddof`.
 * @param options - `ddof` (default 0; 1 gives the unbiased sample variance).
 * @returns The variance.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, or `ddof` is negative, not
 *   finite, or not smaller than the sample size.
 * @example
 * variance([1, 2, 3, 4]); // => 1.25
 * variance([1, 2, 3, 4], { ddof: 1 }); // => 1.6666666666666667
 */
export function variance(x: ArrayLike<number>, options: VarianceOptions = {}): number {
  return varianceOf('variance', x, options.ddof ?? 0);
}

/**
 * The standard deviation, √variance = √(Σ(xᵢ − x̄)² / (n − ddof)), as `numpy.std(x, ddof=ddof)`.
 *
 * @param x - The values; finite numbers, more of them than `ddof`.
 * @param options - `ddof` (default 0).
 * @returns The standard deviation.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} As `variance`.
 * @example
 * std([2, 4, 4, 4, 5, 5, 7, 9]); // => 2
 */
export function std(x: ArrayLike<number>, options: VarianceOptions = {}): number {
  return Math.sqrt(varianceOf('std', x, options.ddof ?? 0));
}

/** `variance` with the caller's name in error messages. */
export function varianceOf(fn: string, x: ArrayLike<number>, ddof: number): number {
  if (typeof ddof !== 'number' || !Number.isFinite(ddof) || ddof < 0) {
    throw new RangeError(`${fn}: ddof must be a finite number ≥ 0, got ${describe(ddof)}`);
  }
  const m = meanOf(fn, x);
  const n = x.length;
  if (ddof >= n) {
    throw new RangeError(`${fn}: ddof (${ddof}) must be smaller than the sample size (${n})`);
  }
  return centredSumOfSquares(x, m) / (n - ddof);
}

/**
 * Σ(xᵢ − m)² − (Σ(xᵢ − m))²/n with both sums compensated; callers validate x. The correction term
 * removes the first-order effect of any rounding in m.
 */
export function centredSumOfSquares(x: ArrayLike<number>, m: number): number {
  const n = x.length;
  let s = 0;
  let c = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const d = (x[i] as number) - m;
    d1 += d;
    // Compensated (TwoSum, as in ./sum.ts) accumulation of the squares, branch-free.
    const v = d * d;
    const t = s + v;
    const b = t - s;
    c += s - (t - b) + (v - b);
    s = t;
  }
  return s + c - (d1 * d1) / n;
}
