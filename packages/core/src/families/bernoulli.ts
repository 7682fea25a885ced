import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, probabilityParameter } from './parameters.ts';

// The Bernoulli family on {0, 1}, R's dbinom(x, 1, prob); scipy's bernoulli(prob).

const PARAMETERS = [probabilityParameter('prob', 'the probability of a 1, in [0, 1]', true)] as const;
const ZERO_ONE: Support = Object.freeze({ lower: 0, upper: 1 });

function valid(prob: number): boolean {
  return prob >= 0 && prob <= 1;
}

function logPmf(x: number, prob: number): number {
  if (!valid(prob) || Number.isNaN(x)) return Number.NaN;
  if (x === 0) return Math.log1p(-prob);
  if (x === 1) return Math.log(prob);
  return Number.NEGATIVE_INFINITY;
}

function cdf(x: number, prob: number): number {
  if (!valid(prob) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 0;
  return x < 1 ? 1 - prob : 1;
}

function sf(x: number, prob: number): number {
  if (!valid(prob) || Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 1;
  return x < 1 ? prob : 0;
}

/**
 * The Bernoulli family `{ prob }`: one trial, R's `dbinom(x, 1, prob)`, scipy's
 * `bernoulli(prob)`, on {0, 1}.
 *
 * logPdf(0) = log1p(−p), logPdf(1) = ln p; cdf 1 − p on [0, 1); ppf(q) 0 when q ≤ 1 − p, else 1;
 * mean p; variance p(1 − p). `sample` is `np.random.binomial(1, prob, size)`.
 *
 * @example
 * bernoulliFamily.pdf(1, { prob: 0.3 }); // => 0.3
 * bernoulliFamily.ppf(0.8, { prob: 0.3 }); // => 1
 */
export const bernoulliFamily: Family = {
  name: 'bernoulli',
  kind: 'discrete',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.prob)) ? ZERO_ONE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPmf(x, num(params.prob));
  },
  pdf(x: number, params: FamilyParams): number {
    const prob = num(params.prob);
    if (!valid(prob) || Number.isNaN(x)) return Number.NaN;
    if (x === 0) return 1 - prob;
    return x === 1 ? prob : 0;
  },
  cdf(x: number, params: FamilyParams): number {
    return cdf(x, num(params.prob));
  },
  sf(x: number, params: FamilyParams): number {
    return sf(x, num(params.prob));
  },
  logCdf(x: number, params: FamilyParams): number {
    const prob = num(params.prob);
    return x >= 0 && x < 1 ? logPmf(0, prob) : Math.log(cdf(x, prob));
  },
  logSf(x: number, params: FamilyParams): number {
    return Math.log(sf(x, num(params.prob)));
  },
  ppf(p: number, params: FamilyParams): number {
    const prob = num(params.prob);
    if (!valid(prob) || !(p >= 0 && p <= 1)) return Number.NaN;
    // cdf(0) = 1 − prob ≥ p, decided exactly: 1 − p is exact above ½, 1 − prob is exact when prob ≥ ½,
    // and when both are below ½ the answer is 0 either way.
    return (p > 0.5 ? prob <= 1 - p : p <= 1 - prob) ? 0 : 1;
  },
  isf(q: number, params: FamilyParams): number {
    const prob = num(params.prob);
    if (!valid(prob) || !(q >= 0 && q <= 1)) return Number.NaN;
    return prob <= q ? 0 : 1;
  },
  mean(params: FamilyParams): number {
    const prob = num(params.prob);
    return valid(prob) ? prob : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const prob = num(params.prob);
    return valid(prob) ? prob * (1 - prob) : Number.NaN;
  },
  /** `np.random.binomial(1, prob, size)`. */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('bernoulli.sample', PARAMETERS, params, size);
    return rs.binomial(1, num(params.prob), size);
  },
};
