// Model choice among families fitted to the same data: AIC ranking, Akaike weights, BIC and goodness of
// fit for each, and every family that could not be fitted listed with its reason.

import type { FamilyName, FamilyParams } from '../families/family.ts';
import { FAMILY_NAMES, getFamily } from '../families/registry.ts';
import { checkFiniteData, describe } from '../internal/validate.ts';
import { rememberingExtremes } from './extremes.ts';
import { fitDistribution } from './fit-distribution.ts';
import type { DistributionFit } from './fit-result.ts';
import { familyOf } from './family-of.ts';
import { checkBootstrap, goodnessOfSorted } from './goodness-of-fit.ts';
import type { GoodnessOfFit, GoodnessOfFitOptions } from './goodness-of-fit.ts';

export interface RankedFit {
  readonly family: FamilyName;
  readonly fit: DistributionFit;
  /** 1 for the smallest AIC. */
  readonly rank: number;
  readonly aic: number;
  /** AIC − min AIC over the ranked fits. */
  readonly deltaAic: number;
  /** exp(−Δᵢ/2) / Σⱼ exp(−Δⱼ/2): the weight of evidence for this family among those ranked. */
  readonly akaikeWeight: number;
  readonly bic: number;
  readonly logLikelihood: number;
  /** KS, CvM, AD (and chi-squared) of the fit; null with `gof: false`. */
  readonly gof: GoodnessOfFit | null;
}

export interface FailedFit {
  readonly family: string;
  /** Why it is not ranked: the data outside its support, too few values, no convergence, … */
  readonly reason: string;
  /** The fit when one was made but did not converge; null when fitting threw. */
  readonly fit: DistributionFit | null;
}

export interface FitComparison {
  /** The converged fits, smallest AIC first. */
  readonly ranked: readonly RankedFit[];
  /** Families not ranked, in the order asked, each with its reason. */
  readonly failed: readonly FailedFit[];
  /** Caveats (continuous and discrete families mixed). */
  readonly notes: readonly string[];
}

export interface CompareFitsOptions {
  /** Fixed parameters by family, e.g. `{ binomial: { size: 10 } }`. */
  readonly fixed?: Readonly<Partial<Record<FamilyName, FamilyParams>>>;
  /** Compute goodness of fit for each ranked fit (default true). */
  readonly gof?: boolean;
  /** Bootstrap p-values for every family's KS, CvM and AD (see goodnessOfFit); each family's draws start from the same seed. */
  readonly bootstrap?: GoodnessOfFitOptions['bootstrap'];
}

/**
 * Fits each family to the same data by maximum likelihood and ranks the fits by AIC = −2ℓ + 2k, with
 * ΔAIC, Akaike weights wᵢ = exp(−Δᵢ/2)/Σⱼ exp(−Δⱼ/2), BIC = −2ℓ + k ln n and goodnessOfFit for each (R:
 * fitdistrplus's gofstat on a list of fits). A family whose support does not hold the data, whose
 * fit throws or does not converge is listed in `failed` with its reason, never dropped silently.
 *
 * AIC compares densities of continuous families with each other and probabilities of discrete ones
 * with each other; mixing the two kinds is reported in `notes` (the numbers are not comparable).
 *
 * @param x - The data: finite numbers.
 * @param families - Family names, e.g. ['normal', 'gamma', 'weibull']; no duplicates.
 * @param options - `fixed` parameters by family, `gof` (default true), `bootstrap` for p-values.
 * @returns `{ ranked, failed, notes }`.
 * @throws {RangeError} If x is empty or holds NaN or ±Infinity, or a family is named twice or is not a family.
 * @throws {TypeError} If families is not an array of strings.
 * @example
 * const r = compareFits([0.2, 0.5, 0.9, 1.4, 2.2, 3.1], ['exponential', 'normal', 'poisson']);
 * r.ranked.map((f) => f.family); // => ['exponential', 'normal']
 * r.failed[0].family; // => 'poisson' (0.2 is not a count)
 */
export function compareFits(x: ArrayLike<number>, families: readonly FamilyName[], options: CompareFitsOptions = {}): FitComparison {
  const fn = 'compareFits';
  checkFiniteData(fn, x);
  if (!Array.isArray(families as unknown)) {
    throw new TypeError(`${fn}: families must be an array of family names such as ['normal', 'gamma'] (FAMILY_NAMES lists them), got ${describe(families)}`);
  }
  const seen = new Set<string>();
  for (let i = 0; i < families.length; i++) {
    const name: unknown = families[i];
    if (typeof name !== 'string') throw new TypeError(`${fn}: families[${i}] must be a family name, got ${describe(name)}`);
    // A misspelt name is the caller's mistake, not a family that failed to fit: getFamily's error names it.
    if (!FAMILY_NAMES.includes(name as FamilyName)) {
      try {
        getFamily(name);
      } catch (error) {
        throw new RangeError(`${fn}: families[${i}]: ${(error as Error).message.replace(/^getFamily: /, '')}`);
      }
    }
    if (seen.has(name)) throw new RangeError(`${fn}: families names '${name}' twice; give each family once`);
    seen.add(name);
  }
  const withGof = options.gof ?? true;
  const bootstrap = checkBootstrap(fn, options.bootstrap);
  const sorted = Float64Array.from(x);
  sorted.sort();

  const fits: { family: FamilyName; fit: DistributionFit }[] = [];
  const failed: FailedFit[] = [];
  // The fits share one min/max pass over a large array (see rememberingExtremes).
  rememberingExtremes(() => {
    for (const family of families) {
      const fixed = options.fixed?.[family];
      let fit: DistributionFit;
      try {
        fit = fitDistribution(x, family, fixed === undefined ? {} : { fixed });
      } catch (error) {
        failed.push({ family, reason: error instanceof Error ? error.message : String(error), fit: null });
        continue;
      }
      if (!fit.converged || !Number.isFinite(fit.aic)) {
        failed.push({ family, reason: fit.notes[''] ?? `the fit did not converge (AIC ${fit.aic})`, fit });
        continue;
      }
      fits.push({ family, fit });
    }
  });

  fits.sort((a, b) => a.fit.aic - b.fit.aic);
  const best = fits[0]?.fit.aic ?? 0;
  let total = 0;
  for (const { fit } of fits) total += Math.exp(-(fit.aic - best) / 2);
  const ranked = fits.map(({ family, fit }, i): RankedFit => ({
    family,
    fit,
    rank: i + 1,
    aic: fit.aic,
    deltaAic: fit.aic - best,
    akaikeWeight: Math.exp(-(fit.aic - best) / 2) / total,
    bic: fit.bic,
    logLikelihood: fit.logLikelihood,
    gof: withGof ? goodnessOfSorted(sorted, familyOf(fn, fit), fit, bootstrap) : null,
  }));

  const notes: string[] = [];
  const kinds = new Set(ranked.map((r) => (DISCRETE.has(r.family) ? 'discrete' : 'continuous')));
  if (kinds.size > 1) {
    notes.push('continuous and discrete families are ranked together: their AICs compare a density with a probability and are not comparable');
  }
  return { ranked, failed, notes };
}

const DISCRETE: ReadonlySet<string> = new Set(['poisson', 'geometric', 'negativeBinomial', 'binomial', 'bernoulli']);
