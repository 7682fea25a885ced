// Goodness of fit of a maximum-likelihood fit, as R fitdistrplus's gofstat reports it, with optional
// parametric-bootstrap p-values (the fitted parameters are re-estimated on every simulated sample).

import type { Family, FamilyParams } from '../families/family.ts';
import { checkInteger, describe } from '../internal/validate.ts';
import { createRandomState } from '../random/random-state.ts';
import { chiSquareSf } from './chi-square.ts';
import { fitDistribution } from './fit-distribution.ts';
import type { DistributionFit } from './fit-result.ts';
import { chiSquaredCells, edfStatistics } from './gof-statistics.ts';
import type { EdfStatistics, FittedCdf } from './gof-statistics.ts';
import { prepare } from './plot-data.ts';

/** One statistic and its parametric-bootstrap p-value (null without `bootstrap`). */
export interface GofStatistic {
  readonly statistic: number;
  readonly pValue: number | null;
}

/** Pearson's chi-squared on fitdistrplus's automatic cells. */
export interface ChiSquaredGof {
  readonly statistic: number;
  /** Cells − 1 − number of estimated parameters. */
  readonly df: number;
  /** P(χ²_df ≥ statistic); null when df ≤ 0 (as gofstat). */
  readonly pValue: number | null;
  /** Upper ends of every cell but the last: (−∞, b₁], (b₁, b₂], …, (b_k, ∞). */
  readonly breaks: Float64Array;
  readonly observed: Float64Array;
  readonly expected: Float64Array;
}

export interface BootstrapSummary {
  readonly replicates: number;
  readonly seed: number;
  /** Replicates whose refit converged and entered the p-values. */
  readonly used: number;
  /** Replicates whose refit threw or did not converge, with the first reason. */
  readonly failed: number;
  readonly firstFailure: string | null;
}

export interface GoodnessOfFit {
  /** Kolmogorov–Smirnov D. */
  readonly ks: GofStatistic;
  /** Cramér–von Mises W². */
  readonly cvm: GofStatistic;
  /** Anderson–Darling A². */
  readonly ad: GofStatistic;
  /** Chi-squared on automatic cells; null when the sample is too small to form two cells. */
  readonly chiSquared: ChiSquaredGof | null;
  readonly bootstrap: BootstrapSummary | null;
  /** Caveats a page should show (ties, a discrete family, an infinite AD). */
  readonly notes: readonly string[];
}

export interface GoodnessOfFitOptions {
  /** Parametric-bootstrap p-values for KS, CvM and AD: `replicates` simulated samples from `seed`. */
  readonly bootstrap?: { readonly replicates: number; readonly seed: number };
}

/**
 * Goodness-of-fit statistics of a fit, as R fitdistrplus's `gofstat` defines them (F the fitted cdf,
 * x₍₁₎ ≤ … ≤ x₍ₙ₎ the sorted data, Fᵢ = F(x₍ᵢ₎)):
 *   KS  D  = maxᵢ max(|Fᵢ − i/n|, |Fᵢ − (i − 1)/n|)
 *   CvM W² = 1/(12n) + Σᵢ (Fᵢ − (2i − 1)/(2n))²
 *   AD  A² = −n − (1/n) Σᵢ (2i − 1)[ln Fᵢ + ln(1 − F₍ₙ₊₁₋ᵢ₎)]   (from log cdf and log sf, so no
 *            spurious Infinity where 1 − F underflows, where R prints Inf)
 * and Pearson's chi-squared on gofstat's automatic cells with df = cells − 1 − (estimated parameters).
 *
 * p-values: the usual tables do not apply once parameters are estimated, so KS/CvM/AD get p-values only
 * from a parametric bootstrap: B samples of size n from the fitted distribution (seeded with
 * createRandomState(seed), the family's numpy-legacy sampler), each refitted by fitDistribution with the
 * same fixed parameters, its statistic computed against its own refit; p = (1 + #{T_b ≥ T_obs}) / (1 + B_used)
 * (the +1 counts the observed sample as one of the draws, so p is never 0 — Davison & Hinkley 1997,
 * §4.2). Replicates whose refit throws or does not converge are left out and counted in `bootstrap.failed`.
 *
 * For a discrete family gofstat reports only chi-squared; here KS, CvM and AD are also given (same
 * formulas with the step cdf): use them with bootstrap p-values only.
 *
 * @param x - The data the fit was made on.
 * @param fit - A fit from fitDistribution.
 * @param options - `bootstrap: { replicates, seed }` for p-values.
 * @returns `{ ks, cvm, ad, chiSquared, bootstrap, notes }`.
 * @throws {RangeError} If x holds NaN or ±Infinity, its length is not the fit's n, or replicates is not
 *   an integer from 1 to 1e6.
 * @example
 * const x = [0.2, 0.5, 0.9, 1.4, 2.2, 3.1];
 * const g = goodnessOfFit(x, fitDistribution(x, 'exponential'));
 * g.ks.statistic; // => 0.14493528060783561 (scipy.stats.kstest(x, 'expon', args=(0, 1/0.7229)))
 */
export function goodnessOfFit(x: ArrayLike<number>, fit: DistributionFit, options: GoodnessOfFitOptions = {}): GoodnessOfFit {
  const fn = 'goodnessOfFit';
  const { sorted, family } = prepare(fn, x, fit);
  return goodnessOfSorted(sorted, family, fit, checkBootstrap(fn, options.bootstrap));
}

/** goodnessOfFit on data already checked and sorted (compareFits sorts once for every family). */
export function goodnessOfSorted(
  sorted: Float64Array,
  family: Family,
  fit: DistributionFit,
  bootstrap: { replicates: number; seed: number } | null,
): GoodnessOfFit {
  const observed = edfStatistics(sorted, fittedCdf(family, fit.estimates));
  const cells = chiSquaredCells(sorted, (v) => family.cdf(v, fit.estimates), fit.parameters.length);
  const chiSquared: ChiSquaredGof | null =
    cells === null ? null : { ...cells, pValue: cells.df > 0 ? chiSquareSf(cells.statistic, cells.df) : null };

  const notes: string[] = [];
  if (family.kind === 'discrete') {
    notes.push('discrete family: fitdistrplus reports only chi-squared; KS, CvM and AD use the step cdf and need bootstrap p-values');
  } else if (hasTies(sorted)) {
    notes.push('the data have ties: KS, CvM and AD assume a continuous sample and may not be correct (as gofstat warns)');
  }
  if (observed.ad === Number.POSITIVE_INFINITY) {
    notes.push('AD is infinite: a data point has fitted cdf 0 or 1 exactly (an end of a bounded support, as for the uniform)');
  }
  if (bootstrap === null) {
    return { ks: none(observed.ks), cvm: none(observed.cvm), ad: none(observed.ad), chiSquared, bootstrap: null, notes };
  }

  const rs = createRandomState(bootstrap.seed);
  const exceed = { ks: 0, cvm: 0, ad: 0 };
  let used = 0;
  let failed = 0;
  let firstFailure: string | null = null;
  for (let b = 0; b < bootstrap.replicates; b++) {
    const y = family.sample(rs, fit.estimates, sorted.length);
    let stats: EdfStatistics;
    try {
      const refit = fitDistribution(y, fit.family, { fixed: fit.fixed });
      if (!refit.converged) throw new Error(refit.notes[''] ?? 'the refit did not converge');
      y.sort();
      stats = edfStatistics(y, fittedCdf(family, refit.estimates));
    } catch (error) {
      failed++;
      firstFailure ??= `replicate ${b + 1}: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    }
    used++;
    if (stats.ks >= observed.ks) exceed.ks++;
    if (stats.cvm >= observed.cvm) exceed.cvm++;
    if (stats.ad >= observed.ad) exceed.ad++;
  }
  const p = (count: number): number | null => (used === 0 ? null : (1 + count) / (1 + used));
  if (used === 0) notes.push(`no bootstrap replicate could be refitted (${firstFailure ?? ''}); no p-values`);
  return {
    ks: { statistic: observed.ks, pValue: p(exceed.ks) },
    cvm: { statistic: observed.cvm, pValue: p(exceed.cvm) },
    ad: { statistic: observed.ad, pValue: p(exceed.ad) },
    chiSquared,
    bootstrap: { replicates: bootstrap.replicates, seed: bootstrap.seed, used, failed, firstFailure },
    notes,
  };
}

function none(statistic: number): GofStatistic {
  return { statistic, pValue: null };
}

/** The fitted log cdf and log sf of a family at given parameters. */
export function fittedCdf(family: Family, params: FamilyParams): FittedCdf {
  return {
    logCdf: (v) => family.logCdf(v, params),
    logSf: (v) => family.logSf(v, params),
  };
}

function hasTies(sorted: Float64Array): boolean {
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) return true;
  return false;
}

/** Checks `options.bootstrap`: null when absent, else integer replicates in [1, 1e6] and a numpy seed. */
export function checkBootstrap(fn: string, b: unknown): { replicates: number; seed: number } | null {
  if (b === undefined) return null;
  if (b === null || typeof b !== 'object') {
    throw new TypeError(`${fn}: options.bootstrap must be { replicates, seed }, got ${describe(b)}`);
  }
  const { replicates, seed } = b as { replicates: unknown; seed: unknown };
  return {
    replicates: checkInteger(fn, 'options.bootstrap.replicates', replicates, 1, 1_000_000),
    seed: checkInteger(fn, 'options.bootstrap.seed', seed, 0, 2 ** 32 - 1),
  };
}
