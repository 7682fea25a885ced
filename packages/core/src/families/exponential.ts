import { log1mExp } from '../internal/log-exp.ts';
import { oneMinusExp, oneMinusExpInPlace } from '../special/one-minus-exp.ts';
import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';

// The exponential family, R's dexp(x, rate); scipy's expon(scale=1/rate).

const PARAMETERS = [positiveParameter('rate', 'the rate λ > 0 (1/mean)')] as const;
const HALF_LINE: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(rate: number): boolean {
  return rate > 0 && rate < Number.POSITIVE_INFINITY;
}

/** λx for x ≥ 0, 0 below the support (cdf 0), NaN for an invalid rate or NaN x. */
function scaled(x: number, rate: number): number {
  if (!valid(rate) || Number.isNaN(x)) return Number.NaN;
  return x <= 0 ? 0 : rate * x;
}

/** The cdf −expm1(−λx). */
function cdf(x: number, rate: number): number {
  return oneMinusExp(scaled(x, rate));
}

/** The ppf −log1p(−p)/λ, NaN outside [0, 1]. */
function ppf(p: number, rate: number): number {
  if (!valid(rate) || !(p >= 0 && p <= 1)) return Number.NaN;
  return -Math.log1p(-p) / rate;
}

/** cdf and ppf over arrays, the rate read once; the cdf as λx, then 1 − e^(−λx) in place (bit for bit the scalar's). */
const ARRAY_KERNELS: FamilyArrayKernels = {
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const rate = num(params.rate);
    for (let i = 0; i < out.length; i++) out[i] = scaled(x[i] as number, rate);
    oneMinusExpInPlace(out, 0, out.length);
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const rate = num(params.rate);
    for (let i = 0; i < out.length; i++) out[i] = ppf(p[i] as number, rate);
    return out;
  },
};

/**
 * The exponential family `{ rate }`: R's `dexp(x, rate)`, scipy's `expon(scale=1/rate)`, on [0, ∞).
 *
 * logPdf = ln λ − λx; cdf −expm1(−λx); sf e^(−λx); logSf −λx; logCdf ln(1 − e^(−λx)) (Mächler's
 * log1mexp); ppf −log1p(−p)/λ; isf −ln(q)/λ; mean 1/λ; variance 1/λ². `sample` is
 * `np.random.exponential(1/rate, size)`.
 *
 * @example
 * exponentialFamily.cdf(1, { rate: 2 }); // => 0.8646647167633873
 * exponentialFamily.ppf(0.5, { rate: 2 }); // => 0.34657359027997264
 */
export const exponentialFamily: Family = {
  name: 'exponential',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.rate)) ? HALF_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    const rate = num(params.rate);
    if (!valid(rate) || Number.isNaN(x)) return Number.NaN;
    return x < 0 ? Number.NEGATIVE_INFINITY : Math.log(rate) - rate * x;
  },
  pdf(x: number, params: FamilyParams): number {
    const rate = num(params.rate);
    if (!valid(rate) || Number.isNaN(x)) return Number.NaN;
    return x < 0 ? 0 : rate * Math.exp(-rate * x);
  },
  cdf(x: number, params: FamilyParams): number {
    return cdf(x, num(params.rate));
  },
  sf(x: number, params: FamilyParams): number {
    return Math.exp(-scaled(x, num(params.rate)));
  },
  logCdf(x: number, params: FamilyParams): number {
    return log1mExp(-scaled(x, num(params.rate)));
  },
  logSf(x: number, params: FamilyParams): number {
    return -scaled(x, num(params.rate));
  },
  ppf(p: number, params: FamilyParams): number {
    return ppf(p, num(params.rate));
  },
  isf(q: number, params: FamilyParams): number {
    const rate = num(params.rate);
    if (!valid(rate) || !(q >= 0 && q <= 1)) return Number.NaN;
    return -Math.log(q) / rate + 0; // + 0: isf(1) is 0, not −0
  },
  mean(params: FamilyParams): number {
    const rate = num(params.rate);
    return valid(rate) ? 1 / rate : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const rate = num(params.rate);
    return valid(rate) ? 1 / (rate * rate) : Number.NaN;
  },
  /** `np.random.exponential(1/rate, size)` (numpy's legacy −log(1 − U)). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('exponential.sample', PARAMETERS, params, size);
    return rs.exponential(1 / num(params.rate), size);
  },
  arrayKernels: ARRAY_KERNELS,
};
