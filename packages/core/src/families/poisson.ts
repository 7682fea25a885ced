import { normalPpf } from '../distributions/normal.ts';
import type { RandomState } from '../random/random-state.ts';
import { gammaP, gammaQ, logGammaP, logGammaQ } from '../special/incomplete-gamma.ts';
import { discreteIsf, discretePpf } from './discrete-quantile.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';
import { logPoissonRaw } from './saddle-point.ts';

// The Poisson family, R's dpois(x, lambda); scipy's poisson(mu=lambda).

const PARAMETERS = [positiveParameter('lambda', 'the mean λ > 0')] as const;
const COUNTS: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(lambda: number): boolean {
  return lambda > 0 && lambda < Number.POSITIVE_INFINITY;
}

function logPmf(x: number, lambda: number): number {
  if (!valid(lambda) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || !Number.isInteger(x)) return Number.NEGATIVE_INFINITY;
  return logPoissonRaw(x, lambda);
}

/** P(X ≤ x) = Q(⌊x⌋ + 1, λ). */
function cdf(x: number, lambda: number): number {
  if (!valid(lambda) || Number.isNaN(x)) return Number.NaN;
  return x < 0 ? 0 : gammaQ(Math.floor(x) + 1, lambda);
}

/** P(X > x) = P(⌊x⌋ + 1, λ). */
function sf(x: number, lambda: number): number {
  if (!valid(lambda) || Number.isNaN(x)) return Number.NaN;
  return x < 0 ? 1 : gammaP(Math.floor(x) + 1, lambda);
}

/** A Cornish–Fisher start for the quantile search: λ + √λ·z + (z² − 1)/6. */
function guess(lambda: number, z: number): number {
  return lambda + Math.sqrt(lambda) * z + (z * z - 1) / 6;
}

/**
 * The Poisson family `{ lambda }`: R's `dpois(x, lambda)`, scipy's `poisson(mu=lambda)`, on 0, 1, 2, ….
 *
 * logPdf(k) = k ln λ − λ − ln k!, by Loader's saddle point (−δ(k) − bd0(k, λ) − ½ ln 2πk, R's dpois);
 * cdf Q(⌊x⌋ + 1, λ) and sf P(⌊x⌋ + 1, λ), the regularised incomplete gamma functions; ppf the
 * smallest k with cdf(k) ≥ p, searched from a Cornish–Fisher start; mean and variance λ. `sample`
 * is `np.random.poisson(lambda, size)`.
 *
 * @example
 * poissonFamily.pdf(2, { lambda: 3 }); // => 0.22404180765538775
 * poissonFamily.ppf(0.5, { lambda: 3 }); // => 3
 */
export const poissonFamily: Family = {
  name: 'poisson',
  kind: 'discrete',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.lambda)) ? COUNTS : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPmf(x, num(params.lambda));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPmf(x, num(params.lambda)));
  },
  cdf(x: number, params: FamilyParams): number {
    return cdf(x, num(params.lambda));
  },
  sf(x: number, params: FamilyParams): number {
    return sf(x, num(params.lambda));
  },
  logCdf(x: number, params: FamilyParams): number {
    const lambda = num(params.lambda);
    if (!valid(lambda) || Number.isNaN(x)) return Number.NaN;
    return x < 0 ? Number.NEGATIVE_INFINITY : logGammaQ(Math.floor(x) + 1, lambda);
  },
  logSf(x: number, params: FamilyParams): number {
    const lambda = num(params.lambda);
    if (!valid(lambda) || Number.isNaN(x)) return Number.NaN;
    return x < 0 ? 0 : logGammaP(Math.floor(x) + 1, lambda);
  },
  ppf(p: number, params: FamilyParams): number {
    const lambda = num(params.lambda);
    if (!valid(lambda) || !(p >= 0 && p <= 1)) return Number.NaN;
    if (p === 1) return Number.POSITIVE_INFINITY;
    return discretePpf(p, (k) => cdf(k, lambda), (k) => sf(k, lambda), guess(lambda, normalPpf(p)), 0, Number.POSITIVE_INFINITY);
  },
  isf(q: number, params: FamilyParams): number {
    const lambda = num(params.lambda);
    if (!valid(lambda) || !(q >= 0 && q <= 1)) return Number.NaN;
    if (q === 0) return Number.POSITIVE_INFINITY;
    return discreteIsf(q, (k) => cdf(k, lambda), (k) => sf(k, lambda), guess(lambda, -normalPpf(q)), 0, Number.POSITIVE_INFINITY);
  },
  mean(params: FamilyParams): number {
    const lambda = num(params.lambda);
    return valid(lambda) ? lambda : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const lambda = num(params.lambda);
    return valid(lambda) ? lambda : Number.NaN;
  },
  /** `np.random.poisson(lambda, size)` (numpy's legacy multiplication method below 10, PTRS above). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('poisson.sample', PARAMETERS, params, size);
    return rs.poisson(num(params.lambda), size);
  },
};
