import type { RandomState } from '../random/random-state.ts';
import { log1mExp } from '../internal/log-exp.ts';
import { logGamma, logGamma1p } from '../special/log-gamma.ts';
import { gammaP, gammaQ, logGammaP, logGammaQ } from '../special/incomplete-gamma.ts';
import { gammaPInv, gammaPInvFrom, gammaQInv } from '../special/incomplete-gamma-inverse.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';
import { logPoissonRaw } from './saddle-point.ts';
import { warmQuantiles } from './warm-quantiles.ts';

// The gamma family, R's dgamma(x, shape, rate); scipy's gamma(a=shape, scale=1/rate).

const PARAMETERS = [positiveParameter('shape', 'the shape α > 0'), positiveParameter('rate', 'the rate β > 0 (1/scale)')] as const;
/** The smallest normal double, 2^−1022. */
const MIN_NORMAL = 2.2250738585072014e-308;
const HALF_LINE: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(shape: number, rate: number): boolean {
  return shape > 0 && shape < Number.POSITIVE_INFINITY && rate > 0 && rate < Number.POSITIVE_INFINITY;
}

/**
 * ln f(x) by Loader's saddle point, as R's dgamma: f(x) = β·dpois(α − 1, βx) for α ≥ 1 and
 * (α/x)·dpois(α, βx) below, so large shapes lose no digits to α·ln(βx) − βx − ln Γ(α). Where βx
 * underflows (is subnormal or 0 for x > 0) the saddle point would see a βx without its digits, so
 * ln f = (α − 1)(ln β + ln x) + ln β − βx − ln Γ(α) is summed from the logs (no cancellation there:
 * |ln βx| > 708); and α/x, which overflows for x < α/1.8e308, is taken as ln α − ln x.
 */
function logPdf(x: number, shape: number, rate: number): number {
  if (!valid(shape, rate) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (shape === 1) return Math.log(rate);
    return shape < 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  const y = rate * x;
  if (y < MIN_NORMAL) return (shape - 1) * (Math.log(rate) + Math.log(x)) + Math.log(rate) - y - logGamma(shape);
  if (shape < 1) {
    const ratio = shape / x;
    return logPoissonRaw(shape, y) + (ratio < Number.POSITIVE_INFINITY ? Math.log(ratio) : Math.log(shape) - Math.log(x));
  }
  return logPoissonRaw(shape - 1, y) + Math.log(rate);
}


/** βx clamped at 0 below the support; NaN for invalid parameters. */
function scaled(x: number, shape: number, rate: number): number {
  if (!valid(shape, rate)) return Number.NaN;
  return x <= 0 ? 0 : rate * x;
}

/**
 * ln P(α, βx) for x > 0 where βx underflows (is subnormal or 0): there P(α, y) = y^α/Γ(α + 1)·(1 −
 * αy/(α + 1) + …) and the bracket is 1 to the last bit, so ln P = α(ln β + ln x) − ln Γ(α + 1) from the
 * logs, which keep the digits that the product βx loses (a subnormal has fewer than 53 bits; at
 * x = 1e−310, β = 1e−8 the cdf through βx was 6e−7 off, and 0 instead of 2.5e−166 at x = 5e−324).
 */
function underflowLogP(x: number, shape: number, rate: number): number {
  return shape * (Math.log(rate) + Math.log(x)) - logGamma1p(shape);
}

/** True where βx underflows for x > 0 (see underflowLogP). */
function underflows(x: number, rate: number): boolean {
  return x > 0 && rate * x < MIN_NORMAL;
}

/**
 * One of the incomplete gamma functions (gammaP, gammaQ or their logs) at (α, βx clamped at 0), or
 * `tiny` of ln P where βx underflows.
 */
function atPoint(f: (a: number, x: number) => number, tiny: (logP: number) => number, x: number, params: FamilyParams): number {
  const shape = num(params.shape);
  const rate = num(params.rate);
  if (valid(shape, rate) && underflows(x, rate)) return tiny(underflowLogP(x, shape, rate));
  return f(shape, scaled(x, shape, rate));
}

const identity = (v: number): number => v;
const negExpm1 = (v: number): number => -Math.expm1(v);

/** Points per call of cdfChunk: a function called per chunk is compiled whole, a loop over every point on the stack (OSR). */
const CDF_CHUNK = 1024;

/** out[i] ← P(α, βx[i]) for i0 ≤ i < i1. */
function cdfChunk(x: ArrayLike<number>, shape: number, rate: number, out: Float64Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const xi = x[i] as number;
    out[i] = underflows(xi, rate) ? Math.exp(underflowLogP(xi, shape, rate)) : gammaP(shape, xi <= 0 ? 0 : rate * xi);
  }
}

/**
 * cdf over an array, and ppf over an array: each probability close to the last one is solved from its
 * neighbours' answers (./warm-quantiles.ts with gammaPInvFrom), so a fine grid costs about one
 * evaluation of P per point where the scalar ppf takes two or three. The values are the scalar ppf's
 * to a few ulps (not bit for bit: see gammaPInvFrom).
 */
const ARRAY_KERNELS: FamilyArrayKernels = {
  /** The cdf P(α, βx) in a loop of its own (parameters checked once), bit for bit the scalar cdf. */
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const shape = num(params.shape);
    const rate = num(params.rate);
    for (let i0 = 0; i0 < out.length; i0 += CDF_CHUNK) cdfChunk(x, shape, rate, out, i0, Math.min(out.length, i0 + CDF_CHUNK));
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const shape = num(params.shape);
    const rate = num(params.rate);
    warmQuantiles(p, out, 0, Number.POSITIVE_INFINITY, (q) => gammaPInv(shape, q), (q, start) => gammaPInvFrom(shape, q, start));
    for (let i = 0; i < out.length; i++) out[i] = (out[i] as number) / rate;
    return out;
  },
};

/**
 * The gamma family `{ shape, rate }`: R's `dgamma(x, shape, rate)`, scipy's `gamma(a=shape,
 * scale=1/rate)`, on [0, ∞).
 *
 * logPdf = α ln β + (α − 1) ln x − βx − ln Γ(α), by Loader's saddle point (R's dgamma); cdf P(α, βx)
 * and sf Q(α, βx), the regularised incomplete gamma functions, with their logs; ppf P⁻¹(α, p)/β and
 * isf Q⁻¹(α, q)/β; mean α/β; variance α/β². `sample` is `np.random.gamma(shape, 1/rate, size)`.
 *
 * @example
 * gammaFamily.cdf(1, { shape: 1, rate: 1 }); // => 0.6321205588285578
 * gammaFamily.mean({ shape: 3, rate: 2 }); // => 1.5
 */
export const gammaFamily: Family = {
  name: 'gamma',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.shape), num(params.rate)) ? HALF_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(x, num(params.shape), num(params.rate));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(x, num(params.shape), num(params.rate)));
  },
  cdf(x: number, params: FamilyParams): number {
    return atPoint(gammaP, Math.exp, x, params);
  },
  sf(x: number, params: FamilyParams): number {
    return atPoint(gammaQ, negExpm1, x, params);
  },
  logCdf(x: number, params: FamilyParams): number {
    return atPoint(logGammaP, identity, x, params);
  },
  logSf(x: number, params: FamilyParams): number {
    return atPoint(logGammaQ, log1mExp, x, params);
  },
  ppf(p: number, params: FamilyParams): number {
    const shape = num(params.shape);
    const rate = num(params.rate);
    return valid(shape, rate) ? gammaPInv(shape, p) / rate : Number.NaN;
  },
  isf(q: number, params: FamilyParams): number {
    const shape = num(params.shape);
    const rate = num(params.rate);
    return valid(shape, rate) ? gammaQInv(shape, q) / rate : Number.NaN;
  },
  mean(params: FamilyParams): number {
    const shape = num(params.shape);
    const rate = num(params.rate);
    return valid(shape, rate) ? shape / rate : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const shape = num(params.shape);
    const rate = num(params.rate);
    return valid(shape, rate) ? shape / (rate * rate) : Number.NaN;
  },
  /** `np.random.gamma(shape, 1/rate, size)` (numpy's legacy Marsaglia–Tsang with the legacy Gaussian). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('gamma.sample', PARAMETERS, params, size);
    return rs.gamma(num(params.shape), 1 / num(params.rate), size);
  },
  arrayKernels: ARRAY_KERNELS,
};
