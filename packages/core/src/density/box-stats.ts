// Box-plot statistics as `matplotlib.cbook.boxplot_stats` (what seaborn's boxplot draws), with the
// quartiles found by selection instead of numpy's sort-based percentile.

import { checkFiniteExtent, checkOptions, describe } from '../internal/validate.ts';
import { linearQuantiles } from '../stats/quantile.ts';
import { neumaierSum } from '../stats/sum.ts';

/** Options of `boxplotStats`. */
export interface BoxplotStatsOptions {
  /** Whisker reach in multiples of the IQR beyond the quartiles (matplotlib's `whis`). Default 1.5. */
  whis?: number;
}

/** The statistics a box plot draws. */
export interface BoxplotStats {
  /** First quartile (25th percentile, numpy 'linear'). */
  q1: number;
  /** Median. */
  median: number;
  /** Third quartile (75th percentile). */
  q3: number;
  /** q3 − q1. */
  iqr: number;
  /** Smallest value ≥ q1 − whis·iqr (q1 itself if that value would lie above q1). */
  whiskerLow: number;
  /** Largest value ≤ q3 + whis·iqr (q3 itself if that value would lie below q3). */
  whiskerHigh: number;
  /** Values below whiskerLow or above whiskerHigh, sorted ascending. */
  outliers: Float64Array;
  /** Arithmetic mean (compensated sum). */
  mean: number;
  /** Number of values. */
  n: number;
}

/**
 * Quartiles, whiskers and outliers of a sample, as `matplotlib.cbook.boxplot_stats(x, whis)[0]`.
 *
 * q1, median, q3 are numpy 'linear' percentiles 25, 50, 75; iqr = q3 − q1; the whiskers reach the
 * most extreme data within [q1 − whis·iqr, q3 + whis·iqr] (never inside the box); outliers are the
 * data beyond the whiskers. The quartiles come from bucket + Floyd–Rivest selection (O(n)
 * expected), not a full sort; `x` is not modified. Unlike matplotlib, which lists the low outliers then the high ones in
 * data order, `outliers` is sorted ascending.
 *
 * @param x - The values; at least one, all finite.
 * @param options - `whis` (default 1.5), a finite number ≥ 0.
 * @returns `{ q1, median, q3, iqr, whiskerLow, whiskerHigh, outliers, mean, n }`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, or `whis` is negative or not finite.
 * @example
 * const s = boxplotStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 40]);
 * [s.q1, s.median, s.q3, s.whiskerHigh]; // => [3.25, 5.5, 7.75, 9]
 * s.outliers; // => Float64Array [40]
 */
export function boxplotStats(x: ArrayLike<number>, options: BoxplotStatsOptions = {}): BoxplotStats {
  const fn = 'boxplotStats';
  checkOptions(fn, options);
  const whis = options.whis ?? 1.5;
  if (typeof whis !== 'number' || !Number.isFinite(whis) || whis < 0) {
    throw new RangeError(`${fn}: whis must be a finite number ≥ 0, got ${describe(whis)}`);
  }
  const { n, min, max } = checkFiniteExtent(fn, x);
  const mean = neumaierSum(x) / n;
  // numpy.percentile(x, [25, 50, 75]) with the default 'linear' method, by selection.
  const [q1, median, q3] = linearQuantiles(x, [0.25, 0.5, 0.75], min, max) as unknown as [number, number, number];
  const iqr = q3 - q1;
  const loFence = q1 - whis * iqr;
  const hiFence = q3 + whis * iqr;
  // One pass for both whiskers: the extreme data inside the fences.
  let wLo = Number.POSITIVE_INFINITY;
  let wHi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v >= loFence && v < wLo) wLo = v;
    if (v <= hiFence && v > wHi) wHi = v;
  }
  // matplotlib: no datum in reach, or the reach ends inside the box → the whisker sits on the box.
  const whiskerLow = wLo === Number.POSITIVE_INFINITY || wLo > q1 ? q1 : wLo;
  const whiskerHigh = wHi === Number.NEGATIVE_INFINITY || wHi < q3 ? q3 : wHi;

  let count = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v < whiskerLow || v > whiskerHigh) count++;
  }
  const outliers = new Float64Array(count);
  let k = 0;
  for (let i = 0; i < n && k < count; i++) {
    const v = x[i] as number;
    if (v < whiskerLow || v > whiskerHigh) outliers[k++] = v;
  }
  outliers.sort();
  return { q1, median, q3, iqr, whiskerLow, whiskerHigh, outliers, mean, n };
}
