import { LN_SQRT_2PI } from '../internal/constants.ts';
import { accurateExp } from '../random/accurate-exp.ts';
import { NORMAL_ARRAY_CHUNK, normalCdf, normalPpf, standardNormalCdfInPlace, standardNormalQuantileInto } from '../distributions/normal.ts';
import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { standardNormalLogCdf } from './normal.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter, realParameter } from './parameters.ts';

// The log-normal family: ln X ~ N(meanlog, sdlog²), R's dlnorm parameters; scipy's
// lognorm(s=sdlog, scale=exp(meanlog)).

const PARAMETERS = [
  realParameter('meanlog', 'the mean of ln X'),
  positiveParameter('sdlog', 'the standard deviation of ln X, > 0'),
] as const;
const HALF_LINE: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(meanlog: number, sdlog: number): boolean {
  return Number.isFinite(meanlog) && sdlog > 0 && sdlog < Number.POSITIVE_INFINITY;
}

function logPdf(x: number, meanlog: number, sdlog: number): number {
  if (!valid(meanlog, sdlog) || Number.isNaN(x)) return Number.NaN;
  if (x <= 0 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const lx = Math.log(x);
  let d = lx - meanlog;
  if (sdlog < 1) {
    // ln x carries up to an ulp of itself (1.8e−15 at ln x = −10.8), which z = (ln x − meanlog)/sdlog
    // divides by sdlog and −z²/2 multiplies by z: 1.6e−11 relative off the log density at sdlog =
    // 0.0018. The rounding of ln x is recovered from e^lx (nearly correctly rounded; x − e^lx is
    // exact, the two being within an ulp or two): ln x = lx + ln(x/e^lx) ≈ lx + (x − e^lx)/e^lx, to
    // about 1.1e−16 absolute, the error of e^lx alone.
    const e = accurateExp(lx);
    d += (x - e) / e;
  }
  const z = d / sdlog;
  return -(z * z) / 2 - lx - Math.log(sdlog) - LN_SQRT_2PI;
}

/** z = (ln x − meanlog)/sdlog, with x ≤ 0 mapped to −Infinity; NaN for invalid parameters. */
function standardize(x: number, meanlog: number, sdlog: number): number {
  if (!valid(meanlog, sdlog)) return Number.NaN;
  if (x <= 0) return Number.NEGATIVE_INFINITY;
  return (Math.log(x) - meanlog) / sdlog;
}

/** The cdf Φ(z) and ppf exp(meanlog + sdlog·Φ⁻¹(p)) over arrays, through the normal cores, a chunk at a time (see NORMAL_ARRAY_CHUNK). */
const ARRAY_KERNELS: FamilyArrayKernels = {
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    for (let i0 = 0; i0 < out.length; i0 += NORMAL_ARRAY_CHUNK) cdfChunk(x, meanlog, sdlog, out, i0, Math.min(out.length, i0 + NORMAL_ARRAY_CHUNK));
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    standardNormalQuantileInto(p, out);
    for (let i0 = 0; i0 < out.length; i0 += NORMAL_ARRAY_CHUNK) ppfChunk(meanlog, sdlog, out, i0, Math.min(out.length, i0 + NORMAL_ARRAY_CHUNK));
    return out;
  },
};

function cdfChunk(x: ArrayLike<number>, meanlog: number, sdlog: number, out: Float64Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    // standardize(x[i], …) without its parameter check (done once) or a constant result in the
    // hot path: x ≤ 0 → −Infinity, NaN (or a non-number) → NaN.
    const xi = x[i];
    out[i] = typeof xi !== 'number' || xi !== xi ? Number.NaN : xi > 0 ? (Math.log(xi) - meanlog) / sdlog : Number.NEGATIVE_INFINITY;
  }
  standardNormalCdfInPlace(out, i0, i1);
}

function ppfChunk(meanlog: number, sdlog: number, out: Float64Array, i0: number, i1: number): void {
  // Math.exp, not expNearlyRounded: V8 did not inline the latter into this loop, and its calls (and
  // boxed results) made the pass 5 % of the whole grid's time slower; Math.exp is within an ulp.
  for (let i = i0; i < i1; i++) out[i] = Math.exp(meanlog + sdlog * (out[i] as number));
}

/**
 * The log-normal family `{ meanlog, sdlog }`: R's `dlnorm(x, meanlog, sdlog)`, scipy's
 * `lognorm(s=sdlog, scale=exp(meanlog))`, on (0, ∞).
 *
 * With z = (ln x − meanlog)/sdlog: logPdf = −z²/2 − ln x − ln sdlog − ln√(2π); cdf Φ(z), sf Φ(−z)
 * (accurate normal tails); ppf exp(meanlog + sdlog·Φ⁻¹(p)); mean exp(meanlog + sdlog²/2); variance
 * expm1(sdlog²)·exp(2·meanlog + sdlog²). `sample` is `np.random.lognormal(meanlog, sdlog, size)`.
 *
 * @example
 * lognormalFamily.cdf(1, { meanlog: 0, sdlog: 1 }); // => 0.5
 * lognormalFamily.mean({ meanlog: 0, sdlog: 1 }); // => 1.6487212707001282
 */
export const lognormalFamily: Family = {
  name: 'lognormal',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.meanlog), num(params.sdlog)) ? HALF_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(x, num(params.meanlog), num(params.sdlog));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(x, num(params.meanlog), num(params.sdlog)));
  },
  cdf(x: number, params: FamilyParams): number {
    return normalCdf(standardize(x, num(params.meanlog), num(params.sdlog)));
  },
  sf(x: number, params: FamilyParams): number {
    return normalCdf(-standardize(x, num(params.meanlog), num(params.sdlog)));
  },
  logCdf(x: number, params: FamilyParams): number {
    return standardNormalLogCdf(standardize(x, num(params.meanlog), num(params.sdlog)));
  },
  logSf(x: number, params: FamilyParams): number {
    return standardNormalLogCdf(-standardize(x, num(params.meanlog), num(params.sdlog)));
  },
  ppf(p: number, params: FamilyParams): number {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    if (!valid(meanlog, sdlog)) return Number.NaN;
    return Math.exp(meanlog + sdlog * normalPpf(p));
  },
  isf(q: number, params: FamilyParams): number {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    if (!valid(meanlog, sdlog)) return Number.NaN;
    return Math.exp(meanlog - sdlog * normalPpf(q));
  },
  mean(params: FamilyParams): number {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    return valid(meanlog, sdlog) ? Math.exp(meanlog + (sdlog * sdlog) / 2) : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const meanlog = num(params.meanlog);
    const sdlog = num(params.sdlog);
    if (!valid(meanlog, sdlog)) return Number.NaN;
    const s2 = sdlog * sdlog;
    return Math.expm1(s2) * Math.exp(2 * meanlog + s2);
  },
  /** `np.random.lognormal(meanlog, sdlog, size)`. */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('lognormal.sample', PARAMETERS, params, size);
    return rs.lognormal(num(params.meanlog), num(params.sdlog), size);
  },
  arrayKernels: ARRAY_KERNELS,
};
