// One-dimensional Gaussian kernel density estimation as `scipy.stats.gaussian_kde`
// (scipy/stats/_kde.py: `scotts_factor`, `silverman_factor`, covariance with ddof 1, `evaluate`).

import { INV_SQRT_2PI } from '../internal/constants.ts';
import { exponentOf, ldexp } from '../internal/scale.ts';
import { checkArrayLike, checkFiniteData, checkFiniteExtent, checkOptions, describe } from '../internal/validate.ts';
import { scaledVarianceOf } from '../stats/variance.ts';

/** How the bandwidth is chosen: Scott's or Silverman's rule, or a number used as the factor. */
export type KdeBandwidth = 'scott' | 'silverman' | number;

/** Options of `gaussianKde`. */
export interface GaussianKdeOptions {
  /** 'scott' (default), 'silverman', or the factor itself (scipy's `bw_method`). */
  bandwidth?: KdeBandwidth;
}

/** A fitted Gaussian KDE. */
export interface GaussianKde {
  /** Bandwidth factor: n^(−1/5) (Scott), (3n/4)^(−1/5) (Silverman), or the number given. */
  factor: number;
  /** Kernel standard deviation h = √(σ̂²·factor²) with σ̂² the ddof-1 variance (√ of scipy's `covariance`). */
  bandwidth: number;
  /** Number of data points. */
  n: number;
  /** The density at each point: f(p) = (1/n)·Σᵢ φ((p − xᵢ)/h)/h. */
  evaluate(points: ArrayLike<number>): Float64Array;
}

/** exp(−t) is exactly 0 in doubles for t > 745.14: those kernel terms are skipped, not approximated. */
const EXP_UNDERFLOW = 746;

/**
 * Fits a one-dimensional Gaussian kernel density estimate, as `scipy.stats.gaussian_kde(x, bw_method)`.
 *
 * factor = n^(−1/5) for 'scott', (n·3/4)^(−1/5) for 'silverman', or the given number; the kernel
 * variance is h² = σ̂²·factor² with σ̂² = Σ(xᵢ − x̄)²/(n − 1); and
 * f(p) = (1/(n·h·√(2π)))·Σᵢ exp(−(p − xᵢ)²/(2h²)). `evaluate` sums every kernel exactly
 * (O(n) per point); for a plotting grid on large data use `kdeGrid`, which bins. The variance is
 * computed on the data scaled by a power of two (exact), so data of any size — 1e±300,
 * subnormals — gets its bandwidth without over- or underflow in σ̂²; only a bandwidth that itself
 * leaves the double range is an error, and the message says so.
 *
 * @param x - The data; at least 2 values, finite, not all equal.
 * @param options - `bandwidth`: 'scott' (default), 'silverman' or a factor > 0.
 * @returns `{ factor, bandwidth, n, evaluate }`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` has fewer than 2 values, holds NaN or ±Infinity, has zero variance
 *   (all values equal), the bandwidth h overflows or underflows the double range, or the
 *   bandwidth option is not 'scott', 'silverman' or a finite number > 0.
 * @example
 * const kde = gaussianKde([1, 2, 3, 4, 5]);
 * kde.factor; // => 0.7247796636776955
 * kde.bandwidth; // => 1.1459772694961639
 * kde.evaluate([3])[0]; // => 0.1951493524376492
 */
export function gaussianKde(x: ArrayLike<number>, options: GaussianKdeOptions = {}): GaussianKde {
  const fn = 'gaussianKde';
  const { n, factor, bandwidth } = kdeBandwidthOf(fn, x, checkOptions(fn, options).bandwidth ?? 'scott', 1);
  const data = new Float64Array(x);
  return {
    factor,
    bandwidth,
    n,
    evaluate(points: ArrayLike<number>): Float64Array {
      const m = checkArrayLike('gaussianKde.evaluate', 'points', points);
      if (m > 0) checkFiniteData('gaussianKde.evaluate', points, 'points');
      const out = new Float64Array(m);
      for (let j = 0; j < m; j++) out[j] = kdeExactAt(data, points[j] as number, bandwidth);
      return out;
    },
  };
}

/**
 * Validates the data and resolves the bandwidth as scipy does; `adjust` multiplies the factor
 * (seaborn's `bw_adjust`). Shared by `gaussianKde` and `kdeGrid`.
 */
export function kdeBandwidthOf(
  fn: string,
  x: ArrayLike<number>,
  rule: KdeBandwidth,
  adjust: number,
): { n: number; min: number; max: number; factor: number; bandwidth: number } {
  const { n, min, max } = checkFiniteExtent(fn, x, 'x', 2);
  let factor: number;
  if (rule === 'scott') factor = n ** (-1 / 5);
  else if (rule === 'silverman') factor = ((n * 3) / 4) ** (-1 / 5);
  else if (typeof rule === 'number' && Number.isFinite(rule) && rule > 0) factor = rule;
  else throw new RangeError(`${fn}: bandwidth must be 'scott', 'silverman' or a finite number > 0 (the factor), got ${describe(rule)}`);
  factor *= adjust;
  if (min === max) {
    throw new RangeError(`${fn}: x has zero variance (all ${n} values equal ${min}); a Gaussian KDE needs spread data`);
  }
  // σ̂² of the data scaled by 2^(−e) cannot over- or underflow; h = √σ̂²·factor is scaled back once.
  const { scaled, exponent } = scaledVarianceOf(fn, x, 1);
  const bandwidth = ldexp(Math.sqrt(scaled) * factor, exponent);
  if (!Number.isFinite(bandwidth) || bandwidth === 0) {
    const what = bandwidth === 0 ? 'underflows to 0' : 'overflows';
    throw new RangeError(
      `${fn}: the bandwidth h = σ̂·factor = 2^${exponentOf(Math.sqrt(scaled) * factor) + exponent - 1}·… ${what} the double range (data from ${min} to ${max}, factor ${factor}); rescale the data`,
    );
  }
  return { n, min, max, factor, bandwidth };
}

/** f(p) = (1/(n·h·√(2π)))·Σ exp(−((p − xᵢ)/h)²/2), all n kernels summed. */
export function kdeExactAt(data: Float64Array, p: number, h: number): number {
  const n = data.length;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const z = (p - (data[i] as number)) / h;
    const t = 0.5 * z * z;
    if (t < EXP_UNDERFLOW) s += Math.exp(-t);
  }
  return (s * INV_SQRT_2PI) / (n * h);
}
