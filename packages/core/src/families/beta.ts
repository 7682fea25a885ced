import type { RandomState } from '../random/random-state.ts';
import { betaI, betaIc, logBetaI, logBetaIc } from '../special/incomplete-beta.ts';
import { logBeta } from '../special/log-beta.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter } from './parameters.ts';
import { logBinomialRaw } from './saddle-point.ts';

// The beta family, R's dbeta(x, shape1, shape2); scipy's beta(a=shape1, b=shape2).

const PARAMETERS = [positiveParameter('shape1', 'the first shape α > 0'), positiveParameter('shape2', 'the second shape β > 0')] as const;
const UNIT: Support = Object.freeze({ lower: 0, upper: 1 });

function valid(a: number, b: number): boolean {
  return a > 0 && a < Infinity && b > 0 && b < Infinity;
}

/**
 * ln f(x) as R's dbeta: (α − 1) ln x + (β − 1) log1p(−x) − ln B(α, β) when a shape is ≤ 2, else
 * ln(α + β − 1) + Loader's binomial saddle point at (α − 1 of α + β − 2), which keeps its digits
 * when both shapes are large.
 */
function logPdf(x: number, a: number, b: number): number {
  if (!valid(a, b) || Number.isNaN(x)) return NaN;
  if (x < 0 || x > 1) return -Infinity;
  if (x === 0) {
    if (a === 1) return Math.log(b);
    return a < 1 ? Infinity : -Infinity;
  }
  if (x === 1) {
    if (b === 1) return Math.log(a);
    return b < 1 ? Infinity : -Infinity;
  }
  if (a <= 2 || b <= 2) return (a - 1) * Math.log(x) + (b - 1) * Math.log1p(-x) - logBeta(a, b);
  return Math.log(a + b - 1) + logBinomialRaw(a - 1, a + b - 2, x, 1 - x);
}

/** x clamped into [0, 1] (the incomplete beta functions' domain); NaN for invalid parameters. */
function clamp(x: number, a: number, b: number): number {
  if (!valid(a, b)) return NaN;
  return x <= 0 ? 0 : x >= 1 ? 1 : x;
}

/**
 * The x in [0, 1] with I_x(α, β) = p (`upper` false) or 1 − I_x(α, β) = p (`upper` true): Newton's
 * method on the log of the tail, in u = logit x, inside a bisection bracket that every step keeps.
 * Both x = 1/(1 + e^(−u)) and 1 − x = 1/(1 + e^u) are formed from u, and the tail is evaluated
 * through the symmetry I_x(α, β) = 1 − I_(1−x)(β, α) with the smaller of them, so quantiles within
 * 1e−300 of either end keep their digits. Converges in a handful of steps from the mean's logit.
 */
function betaQuantile(a: number, b: number, p: number, upper: boolean): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return upper ? 1 : 0;
  if (p === 1) return upper ? 0 : 1;
  const target = Math.log(p);
  const lb = logBeta(a, b);
  // g(u) = ln(tail) − ln p, increasing in u for the lower tail; its derivative ±pdf·x(1 − x)/tail.
  const evaluate = (u: number): [number, number] => {
    const [x, y] = logistic(u);
    const lower = x <= 0.5;
    const logTail = upper
      ? lower ? logBetaIc(a, b, x) : logBetaI(b, a, y)
      : lower ? logBetaI(a, b, x) : logBetaIc(b, a, y);
    const logSlope = a * Math.log(x) + b * Math.log(y) - lb - logTail;
    return [logTail - target, upper ? -Math.exp(logSlope) : Math.exp(logSlope)];
  };
  // Beyond |u| = 745 x (or 1 − x) underflows to 0: the bracket reaches past it, so that a quantile
  // below the smallest double comes out as 0 (or 1) instead of the bracket's end.
  let lo = -1500;
  let hi = 1500;
  let u = Math.log(a / b);
  for (let i = 0; i < 200; i++) {
    const [g, slope] = evaluate(u);
    if (g === 0) break;
    if ((g < 0) !== upper) lo = u;
    else hi = u;
    let next = u - g / slope;
    if (!(next > lo && next < hi)) next = lo / 2 + hi / 2;
    if (Math.abs(next - u) <= 1e-15 * Math.max(1, Math.abs(u)) || hi - lo <= 1e-15 * Math.max(1, Math.abs(u))) {
      u = next;
      break;
    }
    u = next;
  }
  const [x] = logistic(hi);
  if (!upper && x < 1e-290) {
    // A root among the subnormals or below them: there I_x ∝ x^α, so one step in ln x finds it
    // (and rounds it to 0 when it lies below the smallest double).
    return Math.exp(Math.log(x) - (evaluate(hi)[0] as number) / a);
  }
  return logistic(u)[0];
}

/** [x, 1 − x] for x = 1/(1 + e^(−u)), each without cancellation and down to the subnormals. */
function logistic(u: number): [number, number] {
  if (u < 0) {
    const e = Math.exp(u);
    return [e / (1 + e), 1 / (1 + e)];
  }
  const e = Math.exp(-u);
  return [1 / (1 + e), e / (1 + e)];
}

/**
 * The beta family `{ shape1, shape2 }`: R's `dbeta(x, shape1, shape2)`, scipy's `beta(a=shape1,
 * b=shape2)`, on [0, 1].
 *
 * logPdf = (α − 1) ln x + (β − 1) ln(1 − x) − ln B(α, β) (R's dbeta, Loader's saddle point for large
 * shapes); cdf I_x(α, β) and sf 1 − I_x(α, β), the regularised incomplete beta function and its
 * complement, with their logs; ppf and isf their inverses (Newton on the log tail in logit x); mean α/(α + β); variance
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
    const a = num(params.shape1);
    const b = num(params.shape2);
    return betaI(a, b, clamp(x, a, b));
  },
  sf(x: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return betaIc(a, b, clamp(x, a, b));
  },
  logCdf(x: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return logBetaI(a, b, clamp(x, a, b));
  },
  logSf(x: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return logBetaIc(a, b, clamp(x, a, b));
  },
  ppf(p: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? betaQuantile(a, b, p, false) : NaN;
  },
  isf(q: number, params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? betaQuantile(a, b, q, true) : NaN;
  },
  mean(params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    return valid(a, b) ? a / (a + b) : NaN;
  },
  variance(params: FamilyParams): number {
    const a = num(params.shape1);
    const b = num(params.shape2);
    if (!valid(a, b)) return NaN;
    const s = a + b;
    return (a / s) * (b / s) / (s + 1);
  },
  /** `np.random.beta(shape1, shape2, size)` (numpy's legacy Jöhnk below 1, two gammas otherwise). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('beta.sample', PARAMETERS, params, size);
    return rs.beta(num(params.shape1), num(params.shape2), size);
  },
};
