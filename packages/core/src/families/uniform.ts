import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, realParameter } from './parameters.ts';

// The continuous uniform family, R's dunif(x, min, max); scipy's uniform(loc=min, scale=max − min).

const PARAMETERS = [realParameter('min', 'the lower end a'), realParameter('max', 'the upper end b > a')] as const;

function valid(min: number, max: number): boolean {
  return Number.isFinite(min) && Number.isFinite(max) && min < max && Number.isFinite(max - min);
}

function cdf(x: number, min: number, max: number): number {
  if (!valid(min, max) || Number.isNaN(x)) return Number.NaN;
  if (x <= min) return 0;
  if (x >= max) return 1;
  return (x - min) / (max - min);
}

/**
 * The quantile from the nearer end: min + p(b − a) below ½, max − (1 − p)(b − a) above (1 − p is
 * exact there), NaN outside [0, 1]; so a quantile near an end that is 0 keeps its relative digits (from the far end,
 * isf(1 − 1e−15) on [0, 6.2e−5] was 10 % off: max − q·(b − a) cancels to a few ulps of max).
 */
function ppf(p: number, min: number, max: number): number {
  if (!valid(min, max) || !(p >= 0 && p <= 1)) return Number.NaN;
  return p <= 0.5 ? Math.min(min + p * (max - min), max) : Math.max(max - (1 - p) * (max - min), min);
}

/** The inverse survival function: the mirror of ppf (max − q(b − a) below ½, min + (1 − q)(b − a) above). */
function isf(q: number, min: number, max: number): number {
  if (!valid(min, max) || !(q >= 0 && q <= 1)) return Number.NaN;
  return q <= 0.5 ? Math.max(max - q * (max - min), min) : Math.min(min + (1 - q) * (max - min), max);
}

/** cdf and ppf over arrays, the ends read once. */
const ARRAY_KERNELS: FamilyArrayKernels = {
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const min = num(params.min);
    const max = num(params.max);
    for (let i = 0; i < out.length; i++) out[i] = cdf(x[i] as number, min, max);
    return out;
  },
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const min = num(params.min);
    const max = num(params.max);
    for (let i = 0; i < out.length; i++) out[i] = ppf(p[i] as number, min, max);
    return out;
  },
};

function sf(x: number, min: number, max: number): number {
  if (!valid(min, max) || Number.isNaN(x)) return Number.NaN;
  if (x <= min) return 1;
  if (x >= max) return 0;
  return (max - x) / (max - min);
}

function logPdf(x: number, min: number, max: number): number {
  if (!valid(min, max) || Number.isNaN(x)) return Number.NaN;
  return x >= min && x <= max ? -Math.log(max - min) : Number.NEGATIVE_INFINITY;
}

/**
 * The uniform family `{ min, max }`: R's `dunif(x, min, max)`, scipy's `uniform(loc=min,
 * scale=max − min)`, on [min, max] with min < max.
 *
 * logPdf = −ln(max − min) inside; cdf (x − min)/(max − min); sf (max − x)/(max − min) (no
 * cancellation near max), their logs through log1p of the other near 1; ppf min + p·(max − min) below ½ and
 * max − (1 − p)·(max − min) above, isf its mirror (each from the nearer end); mean (min + max)/2;
 * variance (max − min)²/12. `sample` is `np.random.uniform(min, max, size)`.
 *
 * @example
 * uniformFamily.cdf(0.25, { min: 0, max: 2 }); // => 0.125
 * uniformFamily.variance({ min: 0, max: 6 }); // => 3
 */
export const uniformFamily: Family = {
  name: 'uniform',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    const min = num(params.min);
    const max = num(params.max);
    return valid(min, max) ? { lower: min, upper: max } : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(x, num(params.min), num(params.max));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(x, num(params.min), num(params.max)));
  },
  cdf(x: number, params: FamilyParams): number {
    return cdf(x, num(params.min), num(params.max));
  },
  sf(x: number, params: FamilyParams): number {
    return sf(x, num(params.min), num(params.max));
  },
  logCdf(x: number, params: FamilyParams): number {
    const min = num(params.min);
    const max = num(params.max);
    const c = cdf(x, min, max);
    // Near max, ln(1 − sf) keeps the digits that ln of a rounded cdf near 1 loses.
    return c > 0.5 ? Math.log1p(-sf(x, min, max)) : Math.log(c);
  },
  logSf(x: number, params: FamilyParams): number {
    const min = num(params.min);
    const max = num(params.max);
    const s = sf(x, min, max);
    return s > 0.5 ? Math.log1p(-cdf(x, min, max)) : Math.log(s);
  },
  ppf(p: number, params: FamilyParams): number {
    return ppf(p, num(params.min), num(params.max));
  },
  isf(q: number, params: FamilyParams): number {
    return isf(q, num(params.min), num(params.max));
  },
  mean(params: FamilyParams): number {
    const min = num(params.min);
    const max = num(params.max);
    return valid(min, max) ? min + (max - min) / 2 : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const min = num(params.min);
    const max = num(params.max);
    return valid(min, max) ? ((max - min) * (max - min)) / 12 : Number.NaN;
  },
  /** `np.random.uniform(min, max, size)`. */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('uniform.sample', PARAMETERS, params, size, (p) => {
      const min = num(p.min);
      const max = num(p.max);
      if (!(min < max)) return `parameter min must be less than max, got min ${min} and max ${max}`;
      return Number.isFinite(max - min) ? undefined : `max − min must be finite, got ${max - min}`;
    });
    return rs.uniform(num(params.min), num(params.max), size);
  },
  arrayKernels: ARRAY_KERNELS,
};
