// Variance and standard deviation by the corrected two-pass algorithm: T. F. Chan, G. H. Golub,
// R. J. LeVeque, "Algorithms for computing the sample variance", Am. Statistician 37(3), 1983.

import { ldexp, scaleExponent } from '../internal/scale.ts';
import { checkOptions, describe } from '../internal/validate.ts';
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
 * keeps its digits (a one-pass Σx² − n·x̄² would lose all of them). Data far from 1 in size
 * (|x| ≥ 2^400 or < 2^−400: 1e200, 1e−300, subnormals) is first scaled by a power of two to a
 * largest |value| in [1/2, 1) — exact — so d² neither overflows nor underflows; the variance is
 * scaled back once at the end and is ±Infinity or 0 only when the variance itself leaves the
 * double range.
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
  const { scaled, exponent } = scaledVarianceOf('variance', x, checkOptions('variance', options).ddof ?? 0);
  return ldexp(scaled, 2 * exponent);
}

/**
 * The standard deviation, √variance = √(Σ(xᵢ − x̄)² / (n − ddof)), as `numpy.std(x, ddof=ddof)`.
 *
 * The root is taken of the variance of the scaled data (see `variance`) and then scaled back, so
 * the standard deviation is right whenever it is representable, even where the variance itself
 * overflows: std([1e200, −1e200]) = 1e200 exactly (numpy overflows to inf there).
 *
 * @param x - The values; finite numbers, more of them than `ddof`.
 * @param options - `ddof` (default 0).
 * @returns The standard deviation.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} As `variance`.
 * @example
 * std([2, 4, 4, 4, 5, 5, 7, 9]); // => 2
 * std([1e200, -1e200]); // => 1e200
 */
export function std(x: ArrayLike<number>, options: VarianceOptions = {}): number {
  const { scaled, exponent } = scaledVarianceOf('std', x, checkOptions('std', options).ddof ?? 0);
  return ldexp(Math.sqrt(scaled), exponent);
}

/** `variance` with the caller's name in error messages (may be ±Infinity/0 past the double range). */
export function varianceOf(fn: string, x: ArrayLike<number>, ddof: number): number {
  const { scaled, exponent } = scaledVarianceOf(fn, x, ddof);
  return ldexp(scaled, 2 * exponent);
}

/** Below 2^−400 or from 2^400 up, d² can under- or overflow: such data are scaled first. */
const SAFE_EXPONENT = 400;

/**
 * The variance as scaled · 2^(2·exponent), with `scaled` computed on x·2^(−exponent) (exact) so it
 * never over- or underflows; exponent is 0 for data of ordinary size (then the result is
 * bit-identical to the unscaled computation). Validates x and ddof.
 */
export function scaledVarianceOf(fn: string, x: ArrayLike<number>, ddof: number): { scaled: number; exponent: number } {
  if (typeof ddof !== 'number' || !Number.isFinite(ddof) || ddof < 0) {
    throw new RangeError(`${fn}: ddof must be a finite number ≥ 0, got ${describe(ddof)}`);
  }
  const m = meanOf(fn, x);
  const n = x.length;
  if (ddof >= n) {
    throw new RangeError(`${fn}: ddof (${ddof}) must be smaller than the sample size (${n})`);
  }
  const e = scaleExponent(x);
  if (Math.abs(e) < SAFE_EXPONENT) return { scaled: centredSumOfSquares(x, m) / (n - ddof), exponent: 0 };
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = ldexp(x[i] as number, -e);
  return { scaled: centredSumOfSquares(xs, meanOf(fn, xs)) / (n - ddof), exponent: e };
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
