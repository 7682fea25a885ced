// Data for the diagnostic plots of a fit, as R fitdistrplus draws them (R/qqcomp.R, ppcomp.R, cdfcomp.R):
// the empirical cdf, Q-Q and P-P points at plotting positions, and the fitted cdf on a grid.

import type { Family, FamilyParams } from '../families/family.ts';
import { checkFiniteData, checkInteger, describe } from '../internal/validate.ts';
import type { DistributionFit } from './fit-result.ts';
import { familyOf } from './family-of.ts';

/** The empirical cdf as a right-continuous step function. */
export interface Ecdf {
  /** The distinct values, ascending. */
  readonly x: Float64Array;
  /** Fₙ(x[i]) = (number of values ≤ x[i]) / n; the step holds on [x[i], x[i + 1]). */
  readonly y: Float64Array;
  readonly n: number;
}

/** Points of a Q-Q or P-P plot, one per data value (sorted), with the plotting positions used. */
export interface PlotPoints {
  /** The fitted distribution's side: quantiles (Q-Q) or cdf values (P-P). */
  readonly theoretical: Float64Array;
  /** The data's side: sorted values (Q-Q) or plotting positions (P-P). */
  readonly empirical: Float64Array;
  /** The plotting positions pᵢ = (i − a)/(n + 1 − 2a). */
  readonly probabilities: Float64Array;
}

export interface PlotPointsOptions {
  /**
   * The offset a of the plotting positions (i − a)/(n + 1 − 2a), in [0, 1]. Default 0.5, i.e. (i − ½)/n:
   * fitdistrplus's qqcomp/ppcomp call R's `ppoints(n, a = a.ppoints)` with a.ppoints = 0.5, not R's
   * own default (3/8 for n ≤ 10). Pass 0.375 for Blom's positions.
   */
  readonly a?: number;
}

export interface CdfComparisonOptions {
  /** Grid size for a continuous family (default 101, fitdistrplus's fitnbpts; at least 2). */
  readonly points?: number;
}

/** The fitted cdf beside the ECDF, for a CDF comparison plot. */
export interface CdfComparison {
  readonly ecdf: Ecdf;
  /** Where the fitted cdf is evaluated: `points` evenly spaced values over [min, max] of the data, or every integer there for a discrete family (when at most 10 001 of them). */
  readonly grid: Float64Array;
  readonly cdf: Float64Array;
  readonly discrete: boolean;
}

/**
 * The empirical cumulative distribution function of the data.
 *
 * @param x - The data: finite numbers, at least one.
 * @returns The distinct sorted values and Fₙ at each (a right-continuous step function).
 * @throws {RangeError} If x is empty or holds NaN or ±Infinity (named with its index).
 * @example
 * ecdf([3, 1, 2, 2]); // => { x: Float64Array [1, 2, 3], y: Float64Array [0.25, 0.75, 1], n: 4 }
 */
export function ecdf(x: ArrayLike<number>): Ecdf {
  checkFiniteData('ecdf', x);
  const sorted = Float64Array.from(x);
  sorted.sort();
  return ecdfOfSorted(sorted);
}

/** The ECDF of already sorted finite values. */
export function ecdfOfSorted(sorted: Float64Array): Ecdf {
  const n = sorted.length;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (i + 1 < n && sorted[i + 1] === v) continue;
    xs.push(v);
    ys.push((i + 1) / n);
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys), n };
}

/**
 * R's `ppoints(n, a)`: (i − a)/(n + 1 − 2a) for i = 1…n; R's default a is 3/8 for n ≤ 10, else 1/2.
 */
export function ppoints(n: number, a: number = n <= 10 ? 3 / 8 : 0.5): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (i + 1 - a) / (n + 1 - 2 * a);
  return out;
}

/**
 * Q-Q plot points of a fit: the fitted quantiles F⁻¹(pᵢ) at plotting positions pᵢ = (i − a)/(n + 1 − 2a)
 * against the sorted data, as fitdistrplus's qqcomp (a = 0.5 by default: (i − ½)/n).
 *
 * @param x - The data the fit was made on.
 * @param fit - A fit from fitDistribution.
 * @param options - `a`, the plotting-position offset (default 0.5).
 * @returns `theoretical` (fitted quantiles), `empirical` (sorted data) and the `probabilities`.
 * @throws {RangeError} If x holds NaN or ±Infinity, its length is not the fit's n, or a is outside [0, 1].
 * @example
 * const fit = fitDistribution([1, 2, 3, 4], 'exponential'); // rate 0.4
 * qqPoints([1, 2, 3, 4], fit).theoretical[0]; // => 0.33382848156130657 (−ln(1 − 0.125)/0.4)
 */
export function qqPoints(x: ArrayLike<number>, fit: DistributionFit, options: PlotPointsOptions = {}): PlotPoints {
  const { sorted, family } = prepare('qqPoints', x, fit);
  const probabilities = ppoints(sorted.length, plottingOffset('qqPoints', options.a));
  return { theoretical: quantilesAt(family, fit.estimates, probabilities), empirical: sorted, probabilities };
}

/**
 * P-P plot points of a fit: the fitted cdf F(x₍ᵢ₎) at the sorted data against plotting positions
 * pᵢ = (i − a)/(n + 1 − 2a), as fitdistrplus's ppcomp (a = 0.5 by default).
 *
 * @param x - The data the fit was made on.
 * @param fit - A fit from fitDistribution.
 * @param options - `a`, the plotting-position offset (default 0.5).
 * @returns `theoretical` (F at the sorted data), `empirical` (= `probabilities`).
 * @throws {RangeError} If x holds NaN or ±Infinity, its length is not the fit's n, or a is outside [0, 1].
 * @example
 * const fit = fitDistribution([1, 2, 3, 4], 'exponential'); // rate 0.4
 * ppPoints([1, 2, 3, 4], fit).theoretical[0]; // => 0.3296799539643607 (1 − e^(−0.4))
 */
export function ppPoints(x: ArrayLike<number>, fit: DistributionFit, options: PlotPointsOptions = {}): PlotPoints {
  const { sorted, family } = prepare('ppPoints', x, fit);
  const probabilities = ppoints(sorted.length, plottingOffset('ppPoints', options.a));
  const theoretical = new Float64Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) theoretical[i] = family.cdf(sorted[i] as number, fit.estimates);
  return { theoretical, empirical: probabilities, probabilities };
}

/**
 * The fitted cdf on a grid over the data's range beside the data's ECDF, as fitdistrplus's cdfcomp
 * (101 points from min to max; for a discrete family, every integer in the range instead).
 *
 * @param x - The data the fit was made on.
 * @param fit - A fit from fitDistribution.
 * @param options - `points`: grid size for a continuous family (default 101, at least 2).
 * @returns The ECDF, the grid, the fitted cdf on it and whether the family is discrete.
 * @throws {RangeError} If x holds NaN or ±Infinity, its length is not the fit's n, or points < 2.
 * @example
 * const fit = fitDistribution([0, 1, 1, 2, 5], 'poisson'); // lambda 1.8
 * cdfComparison([0, 1, 1, 2, 5], fit).grid; // => Float64Array [0, 1, 2, 3, 4, 5]
 */
export function cdfComparison(x: ArrayLike<number>, fit: DistributionFit, options: CdfComparisonOptions = {}): CdfComparison {
  const { sorted, family } = prepare('cdfComparison', x, fit);
  const points = checkInteger('cdfComparison', 'options.points', options.points ?? 101, 2);
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  const discrete = family.kind === 'discrete';
  let grid: Float64Array;
  if (discrete && Math.ceil(hi) - Math.floor(lo) <= 10_000) {
    const start = Math.floor(lo);
    grid = Float64Array.from({ length: Math.ceil(hi) - start + 1 }, (_, i) => start + i);
  } else {
    grid = new Float64Array(points);
    // R's seq(min, max, length.out = points): from + i·by, the last point exactly max.
    const by = (hi - lo) / (points - 1);
    for (let i = 0; i < points; i++) grid[i] = lo + i * by;
    grid[points - 1] = hi;
  }
  const cdf = grid.map((g) => family.cdf(g, fit.estimates));
  return { ecdf: ecdfOfSorted(sorted), grid, cdf, discrete };
}

function quantilesAt(family: Family, params: FamilyParams, p: Float64Array): Float64Array {
  const out = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) out[i] = family.ppf(p[i] as number, params);
  return out;
}

function plottingOffset(fn: string, a: unknown): number {
  if (a === undefined) return 0.5;
  if (typeof a !== 'number' || !(a >= 0 && a <= 1)) {
    throw new RangeError(`${fn}: options.a must be a plotting-position offset in [0, 1] (0.5 for (i − ½)/n, 0.375 for Blom), got ${describe(a)}`);
  }
  return a;
}

/** Checks the data against the fit and returns it sorted, with the fit's family. */
export function prepare(fn: string, x: ArrayLike<number>, fit: DistributionFit): { sorted: Float64Array; family: Family } {
  const n = checkFiniteData(fn, x);
  if (fit === null || typeof fit !== 'object' || typeof fit.family !== 'string') {
    throw new TypeError(`${fn}: fit must be a result of fitDistribution, got ${describe(fit)}`);
  }
  if (n !== fit.n) {
    throw new RangeError(`${fn}: x has ${n} values but the fit was made on ${fit.n}; pass the data the fit was made on`);
  }
  const sorted = Float64Array.from(x);
  sorted.sort();
  return { sorted, family: familyOf(fn, fit) };
}
