import { log1mExp } from '../internal/log-exp.ts';
import type { RandomState } from '../random/random-state.ts';
import { logGamma1p } from '../special/log-gamma.ts';
import { oneMinusExp, oneMinusExpInPlace } from '../special/one-minus-exp.ts';
import { minusLog1m, minusLog1mInPlace, power, powerInPlace } from '../special/power.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';

// The Weibull family, R's dweibull(x, shape, scale); scipy's weibull_min(c=shape, scale=scale).

const PARAMETERS = [positiveParameter('shape', 'the shape k > 0'), positiveParameter('scale', 'the scale λ > 0')] as const;
const HALF_LINE: Support = Object.freeze({ lower: 0, upper: Number.POSITIVE_INFINITY });

function valid(shape: number, scale: number): boolean {
  return shape > 0 && shape < Number.POSITIVE_INFINITY && scale > 0 && scale < Number.POSITIVE_INFINITY;
}

/** The cumulative hazard t = (x/λ)^k (0 below the support); NaN for invalid parameters or NaN x. */
function hazard(x: number, shape: number, scale: number): number {
  return valid(shape, scale) ? hazardAt(x, shape, scale) : Number.NaN;
}

/** hazard for valid parameters: NaN passes through, with no constant NaN merged in (see the kernels). */
function hazardAt(x: number, shape: number, scale: number): number {
  return x > 0 ? power(x / scale, shape) : x <= 0 ? 0 : x;
}

/** The ppf λ·(−ln(1 − p))^(1/k) for valid parameters, given 1/k; NaN for p outside [0, 1]. */
function ppfAt(p: number, scale: number, invShape: number): number {
  return p >= 0 && p <= 1 ? scale * power(minusLog1m(p), invShape) : Number.NaN;
}

/** The chunk of the kernels: their passes over a chunk stay in the first-level cache. */
const CHUNK = 1024;

/**
 * The cdf −expm1(−t) and ppf over arrays, bit for bit the scalar methods (parameters checked once), a
 * chunk at a time in passes that are loops of their own: V8's code for a loop that chains two calls
 * into C per point (Math.log1p, then Math.pow of its result) took 34–39 ns a point here, the same calls
 * in two passes 20–22. The cdf as x/λ (0 below the support), then t = (x/λ)^k by powerInPlace (two
 * points per instruction in WebAssembly SIMD, ../special/power.ts), then 1 − e^(−t) in place; the
 * ppf as −ln(1 − p) by minusLog1mInPlace (SIMD too), then its power, then λ times it. The scalar
 * methods take `power` and `minusLog1m`, the same arithmetic one point at a time.
 */
const ARRAY_KERNELS: FamilyArrayKernels = {
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const shape = num(params.shape);
    const scale = num(params.scale);
    for (let i0 = 0; i0 < out.length; i0 += CHUNK) cdfChunk(x, shape, scale, out, i0, Math.min(out.length, i0 + CHUNK));
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const scale = num(params.scale);
    const invShape = 1 / num(params.shape);
    for (let i0 = 0; i0 < out.length; i0 += CHUNK) ppfChunk(p, scale, invShape, out, i0, Math.min(out.length, i0 + CHUNK));
    return out;
  },
};

function cdfChunk(x: ArrayLike<number>, shape: number, scale: number, out: Float64Array, i0: number, i1: number): void {
  // hazardAt in two passes: x/λ, with 0 below the support (0^k = 0) and NaN for NaN or a non-number; then its power.
  for (let i = i0; i < i1; i++) {
    const xi = x[i];
    out[i] = typeof xi !== 'number' || xi !== xi ? Number.NaN : xi > 0 ? xi / scale : 0;
  }
  powerInPlace(out, i0, i1, shape);
  oneMinusExpInPlace(out, i0, i1);
}

function ppfChunk(p: ArrayLike<number>, scale: number, invShape: number, out: Float64Array, i0: number, i1: number): void {
  for (let i = i0; i < i1; i++) {
    const pi = p[i];
    out[i] = typeof pi === 'number' && pi >= 0 && pi <= 1 ? pi : Number.NaN;
  }
  minusLog1mInPlace(out, i0, i1);
  powerInPlace(out, i0, i1, invShape);
  for (let i = i0; i < i1; i++) out[i] = scale * (out[i] as number);
}

function logPdf(x: number, shape: number, scale: number): number {
  if (!valid(shape, scale) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  const base = Math.log(shape / scale);
  if (x === 0) {
    // xlogy(k − 1, 0): 0 when k = 1, else ±Infinity (scipy's weibull_min.logpdf at 0).
    return shape === 1 ? base : shape < 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  const u = x / scale;
  return base + (shape - 1) * Math.log(u) - Math.pow(u, shape);
}

/**
 * The Weibull family `{ shape, scale }`: R's `dweibull(x, shape, scale)`, scipy's
 * `weibull_min(c=shape, scale=scale)`, on [0, ∞).
 *
 * With t = (x/λ)^k: logPdf = ln(k/λ) + (k − 1)·ln(x/λ) − t; cdf −expm1(−t); sf e^(−t); logSf −t;
 * ppf λ·(−ln(1 − p))^(1/k); isf λ·(−ln q)^(1/k); mean λ·Γ(1 + 1/k); variance
 * λ²·Γ(1 + 1/k)²·expm1(lnΓ(1 + 2/k) − 2·lnΓ(1 + 1/k)) (no cancellation for large k). `sample` is
 * `scale * np.random.weibull(shape, size)`.
 *
 * @example
 * weibullFamily.cdf(1, { shape: 2, scale: 1 }); // => 0.6321205588285577
 * weibullFamily.mean({ shape: 1, scale: 3 }); // => 3
 */
export const weibullFamily: Family = {
  name: 'weibull',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.shape), num(params.scale)) ? HALF_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(x, num(params.shape), num(params.scale));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(x, num(params.shape), num(params.scale)));
  },
  cdf(x: number, params: FamilyParams): number {
    return oneMinusExp(hazard(x, num(params.shape), num(params.scale)));
  },
  sf(x: number, params: FamilyParams): number {
    return Math.exp(-hazard(x, num(params.shape), num(params.scale)));
  },
  logCdf(x: number, params: FamilyParams): number {
    return log1mExp(-hazard(x, num(params.shape), num(params.scale)));
  },
  logSf(x: number, params: FamilyParams): number {
    return -hazard(x, num(params.shape), num(params.scale));
  },
  ppf(p: number, params: FamilyParams): number {
    const shape = num(params.shape);
    const scale = num(params.scale);
    return valid(shape, scale) ? ppfAt(p, scale, 1 / shape) : Number.NaN;
  },
  isf(q: number, params: FamilyParams): number {
    const shape = num(params.shape);
    const scale = num(params.scale);
    if (!valid(shape, scale) || !(q >= 0 && q <= 1)) return Number.NaN;
    return scale * power(-Math.log(q) + 0, 1 / shape);
  },
  mean(params: FamilyParams): number {
    const shape = num(params.shape);
    const scale = num(params.scale);
    if (!valid(shape, scale)) return Number.NaN;
    return scale * Math.exp(logGamma1p(1 / shape));
  },
  variance(params: FamilyParams): number {
    const shape = num(params.shape);
    const scale = num(params.scale);
    if (!valid(shape, scale)) return Number.NaN;
    const lg1 = logGamma1p(1 / shape);
    return scale * scale * Math.exp(2 * lg1) * Math.expm1(logGamma1p(2 / shape) - 2 * lg1);
  },
  arrayKernels: ARRAY_KERNELS,
  /** `scale * np.random.weibull(shape, size)` (numpy's legacy (−log(1 − U))^(1/shape)). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('weibull.sample', PARAMETERS, params, size);
    const scale = num(params.scale);
    const out = rs.weibull(num(params.shape), size);
    for (let i = 0; i < out.length; i++) out[i] = scale * (out[i] as number);
    return out;
  },
};
