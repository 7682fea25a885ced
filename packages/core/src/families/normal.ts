import { LN_SQRT_2PI } from '../internal/constants.ts';
import { NORMAL_ARRAY_CHUNK, normalCdf, normalLogPdf, normalPdf, normalPpf, standardNormalCdfInPlace, standardNormalQuantileInto } from '../distributions/normal.ts';
import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter, realParameter } from './parameters.ts';

// The normal family N(mean, sd²), R's dnorm/pnorm/qnorm parameters, wrapping the accurate scalar
// functions of src/distributions/normal.ts (scipy.stats.norm(loc=mean, scale=sd)).

const PARAMETERS = [realParameter('mean', 'the mean μ'), positiveParameter('sd', 'the standard deviation σ > 0')] as const;
const REAL_LINE: Support = Object.freeze({ lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY });

function valid(mean: number, sd: number): boolean {
  return Number.isFinite(mean) && sd > 0 && sd < Number.POSITIVE_INFINITY;
}

/**
 * ln Φ(z) for the standard normal, accurate in both tails: ln of the accurate cdf down to z = −37
 * (where Φ is still a normal double), log1p(−Φ(−z)) above the mean, and below −37 the asymptotic
 * series ln Φ(z) = −z²/2 − ln(−z) − ln√(2π) + ln(1 − 1/z² + 3/z⁴ − 15/z⁶ + …) (Abramowitz & Stegun
 * 26.2.12; scipy's log_ndtr uses the same series), whose terms are below 1e−22 after ten.
 */
export function standardNormalLogCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z > 0) return Math.log1p(-normalCdf(-z));
  if (z > -37) return Math.log(normalCdf(z));
  if (z === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const r = 1 / (z * z);
  let term = 1;
  let s = 1;
  for (let k = 1; k <= 12; k++) {
    term *= -(2 * k - 1) * r;
    s += term;
  }
  return -(z * z) / 2 - Math.log(-z) - LN_SQRT_2PI + Math.log(s);
}

/**
 * The cdf Φ((x − μ)/σ) and ppf μ + σ·Φ⁻¹(p) over arrays, through normalCdf's and normalPpf's cores,
 * a chunk at a time (see NORMAL_ARRAY_CHUNK).
 */
const ARRAY_KERNELS: FamilyArrayKernels = {
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const mean = num(params.mean);
    const sd = num(params.sd);
    for (let i0 = 0; i0 < out.length; i0 += NORMAL_ARRAY_CHUNK) cdfChunk(x, mean, sd, out, i0, Math.min(out.length, i0 + NORMAL_ARRAY_CHUNK));
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const mean = num(params.mean);
    const sd = num(params.sd);
    standardNormalQuantileInto(p, out);
    for (let i0 = 0; i0 < out.length; i0 += NORMAL_ARRAY_CHUNK) ppfChunk(mean, sd, out, i0, Math.min(out.length, i0 + NORMAL_ARRAY_CHUNK));
    return out;
  },
};

function cdfChunk(x: ArrayLike<number>, mean: number, sd: number, out: Float64Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const xi = x[i];
    // normalCdf gives NaN for a point that is not a number (no coercion).
    out[i] = typeof xi === 'number' ? (xi - mean) / sd : Number.NaN;
  }
  standardNormalCdfInPlace(out, i0, i1);
}

function ppfChunk(mean: number, sd: number, out: Float64Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) out[i] = (out[i] as number) * sd + mean;
}

/**
 * The normal family `{ mean, sd }`: R's `dnorm(x, mean, sd)`, scipy's `norm(loc=mean, scale=sd)`.
 *
 * logPdf = −z²/2 − ln√(2π) − ln σ with z = (x − μ)/σ; cdf Φ(z) (fdlibm erf/erfc, exact tails);
 * sf Φ(−z); ppf μ + σ·Φ⁻¹(p) (Gal's accurate tables, Wichura's AS 241 in the far tails); isf μ − σ·Φ⁻¹(q). `sample` is
 * `np.random.normal(mean, sd, size)`.
 *
 * @example
 * normalFamily.cdf(1.959963984540054, { mean: 0, sd: 1 }); // => 0.975
 * normalFamily.logCdf(-40, { mean: 0, sd: 1 }); // => -804.6084420137538
 */
export const normalFamily: Family = {
  name: 'normal',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.mean), num(params.sd)) ? REAL_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return normalLogPdf(x, num(params.mean), num(params.sd));
  },
  pdf(x: number, params: FamilyParams): number {
    return normalPdf(x, num(params.mean), num(params.sd));
  },
  cdf(x: number, params: FamilyParams): number {
    return normalCdf(x, num(params.mean), num(params.sd));
  },
  sf(x: number, params: FamilyParams): number {
    const mean = num(params.mean);
    const sd = num(params.sd);
    if (!valid(mean, sd)) return Number.NaN;
    return normalCdf(-(x - mean) / sd);
  },
  logCdf(x: number, params: FamilyParams): number {
    const mean = num(params.mean);
    const sd = num(params.sd);
    if (!valid(mean, sd)) return Number.NaN;
    return standardNormalLogCdf((x - mean) / sd);
  },
  logSf(x: number, params: FamilyParams): number {
    const mean = num(params.mean);
    const sd = num(params.sd);
    if (!valid(mean, sd)) return Number.NaN;
    return standardNormalLogCdf(-(x - mean) / sd);
  },
  ppf(p: number, params: FamilyParams): number {
    return normalPpf(p, num(params.mean), num(params.sd));
  },
  isf(q: number, params: FamilyParams): number {
    const mean = num(params.mean);
    const sd = num(params.sd);
    if (!valid(mean, sd)) return Number.NaN;
    const z = normalPpf(q);
    return Number.isNaN(z) ? Number.NaN : mean - sd * z;
  },
  mean(params: FamilyParams): number {
    const mean = num(params.mean);
    return valid(mean, num(params.sd)) ? mean : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const sd = num(params.sd);
    return valid(num(params.mean), sd) ? sd * sd : Number.NaN;
  },
  /** `np.random.normal(mean, sd, size)` (numpy's legacy polar method). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('normal.sample', PARAMETERS, params, size);
    return rs.normal(num(params.mean), num(params.sd), size);
  },
  arrayKernels: ARRAY_KERNELS,
};
