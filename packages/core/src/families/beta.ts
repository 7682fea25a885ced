import type { RandomState } from '../random/random-state.ts';
import { betaI, betaIc, logBetaI, logBetaIc } from '../special/incomplete-beta.ts';
import { betaIInv, betaIInvFrom, betaIcInv, hasClosedFormRoot } from '../special/incomplete-beta-inverse.ts';
import { logBeta } from '../special/log-beta.ts';
import type { Family, FamilyArrayKernels, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';
import { logBinomialRaw } from './saddle-point.ts';
import { warmQuantiles } from './warm-quantiles.ts';

// The beta family, R's dbeta(x, shape1, shape2); scipy's beta(a=shape1, b=shape2).

const PARAMETERS = [positiveParameter('shape1', 'the first shape α > 0'), positiveParameter('shape2', 'the second shape β > 0')] as const;
const UNIT: Support = Object.freeze({ lower: 0, upper: 1 });

function valid(a: number, b: number): boolean {
  return a > 0 && a < Number.POSITIVE_INFINITY && b > 0 && b < Number.POSITIVE_INFINITY;
}

/**
 * ln f(x) as R's dbeta: (α − 1) ln x + (β − 1) log1p(−x) − ln B(α, β) when a shape is ≤ 2, else
 * ln(α + β − 1) + Loader's binomial saddle point at (α − 1 of α + β − 2), which keeps its digits
 * when both shapes are large.
 */
function logPdf(x: number, a: number, b: number): number {
  if (!valid(a, b) || Number.isNaN(x)) return Number.NaN;
  if (x < 0 || x > 1) return Number.NEGATIVE_INFINITY;
  if (x === 0) {
    if (a === 1) return Math.log(b);
    return a < 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  if (x === 1) {
    if (b === 1) return Math.log(a);
    return b < 1 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  }
  if (a <= 2 || b <= 2) return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
  return Math.log(a + b - 1) + logBinomialRaw(a - 1, a + b - 2, x, 1 - x, b - 1);
}

/** x clamped into [0, 1] (the incomplete beta functions' domain); NaN for invalid parameters. */
function clamp(x: number, a: number, b: number): number {
  if (!valid(a, b)) return Number.NaN;
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/**
 * The cdf I_x(α, β) over an array in a loop of its own (parameters checked once), bit for bit the scalar
 * cdf; the ppf over an array with each probability close to the last one solved from its neighbours'
 * answers (./warm-quantiles.ts with betaIInvFrom): about one evaluation of I a point where the scalar
 * ppf takes two to four, the scalar ppf's values to a few ulps.
 */
const ARRAY_KERNELS: FamilyArrayKernels = {
  ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const a = num(params.shape1);
    const b = num(params.shape2);
    if (!valid(a, b)) return out.fill(Number.NaN);
    if (hasClosedFormRoot(a, b)) {
      // x = p^(1/a), 1 − (1 − p)^(1/b) or sin²(πp/2) at each point: nothing to start from neighbours.
      for (let i = 0; i < out.length; i++) out[i] = betaIInv(a, b, p[i] as number);
      return out;
    }
    return warmQuantiles(p, out, 0, 1, (q) => betaIInv(a, b, q), (q, start) => betaIInvFrom(a, b, q, start));
  },
  cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
    const a = num(params.shape1);
    const b = num(params.shape2);
    for (let i = 0; i < out.length; i++) {
      const xi = x[i] as number;
      out[i] = betaI(a, b, xi <= 0 ? 0 : xi >= 1 ? 1 : xi);
    }
    return out;
  },
};

/** One of the incomplete beta functions (betaI, betaIc or their logs) at (α, β, x clamped into [0, 1]). */
function atPoint(f: (a: number, b: number, x: number) => number, x: number, params: FamilyParams): number {
  const a = num(params.shape1);
  const b = num(params.shape2);
  return f(a, b, clamp(x, a, b));
}

/**
 * The beta family `{ shape1, shape2 }`: R's `dbeta(x, shape1, shape2)`, scipy's `beta(a=shape1,
 * b=shape2)`, on [0, 1].
 *
 * logPdf = (α − 1) ln x + (β − 1) ln(1 − x) − ln B(α, β) (R's dbeta, Loader's saddle point for large
 * shapes); cdf I_x(α, β) and sf 1 − I_x(α, β), the regularised incomplete beta function and its
 * complement, with their logs; ppf and isf their inverses; mean α/(α + β); variance
 * αβ/((α + β)²(α + β + 1)). `sample` is `np.random.beta(shape1, shape2, size)`.
 *
 * @example
 * betaFamily.cdf(0.5, { shape1: 2, shape2: 2 }); // => 0.5
 * betaFamily.mean({ shape1: 2, shape2: 6 }); // => 0.25
 */
export const betaFamily: Family = {
  name: 'beta',
  kind: 'continuous',
  parameters: PARAMETERS,
  support(params: FamilyParams): Support {
    return valid(num(params.shape1), num(params.shape2)) ? UNIT : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(x, num(params.shape1), num(params.shape2));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(x, num(params.shape1), num(params.shape2)));
  },
  cdf(x: number, params: FamilyParams): number {
    return atPoint(betaI, x, params);
  },
  sf(x: number, params: FamilyParams): number {
    return atPoint(betaIc, x, params);
  },
  logCdf(x: number, params: FamilyParams): number {
    return atPoint(logBetaI, x, params);
  },
  logSf(x: number, params: FamilyParams): number {
    return atPoint(logBetaIc, x, params);
  },
  ppf(p: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? betaIInv(a, b, p) : Number.NaN;
  },
  isf(q: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? betaIcInv(a, b, q) : Number.NaN;
  },
  mean(params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? a / (a + b) : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    if (!valid(a, b)) return Number.NaN;
    const s = a + b;
    return (a / s) * (b / s) / (s + 1);
  },
  /** `np.random.beta(shape1, shape2, size)` (numpy's legacy Jöhnk below 1, two gammas otherwise). */
  arrayKernels: ARRAY_KERNELS,
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('beta.sample', PARAMETERS, params, size);
    return rs.beta(num(params.shape1), num(params.shape2), size);
  },
};
