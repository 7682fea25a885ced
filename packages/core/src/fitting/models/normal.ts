import { LN_SQRT_2PI } from '../../internal/constants.ts';
import { sufficientStatsOf } from '../../likelihood/normal-sufficient-stats.ts';
import type { LikelihoodModel } from '../model.ts';
import { checkValues, noMle } from '../model.ts';

// normal {mean, sd}: ℓ = −n ln σ − n ln√(2π) − S(μ)/(2σ²), S(μ) = Σ(x − x̄)² + n(x̄ − μ)².
// Closed form μ̂ = x̄, σ̂² = S(μ̂)/n (n in the denominator, as R's fitdist).

/** n, the mean and the centred sum of squares (two-pass, so huge offsets keep their digits). */
export interface CentredStats {
  readonly n: number;
  readonly mean: number;
  readonly ss: number;
}

/**
 * n, x̄ and Σ(x − x̄)² of validated data, by the normal likelihood's own sufficient statistics
 * (likelihood/normal-sufficient-stats.ts, as normalMle): a RangeError naming `fn` when the sum of
 * squares overflows (it did not say so before: its NaN read as "every value equal").
 */
export function centredStats(fn: string, x: ArrayLike<number>): CentredStats {
  const { n, mean, m2 } = sufficientStatsOf(fn, x, x.length);
  return { n, mean, ss: m2 };
}

/** ℓ, score and Hessian of a normal on stats (shared with the lognormal, which adds −Σ ln x). */
export function normalLogLik(s: CentredStats, mu: number, sigma: number): number {
  if (!(sigma > 0) || !Number.isFinite(mu)) return Number.NEGATIVE_INFINITY;
  const dev = s.mean - mu;
  return -s.n * (Math.log(sigma) + LN_SQRT_2PI) - (s.ss + s.n * dev * dev) / (2 * sigma * sigma);
}

export function normalDerivatives(s: CentredStats, mu: number, sigma: number, grad: Float64Array, hess: Float64Array): void {
  const { n } = s;
  const dev = s.mean - mu;
  const S = s.ss + n * dev * dev;
  const s2 = sigma * sigma;
  grad[0] = (n * dev) / s2;
  grad[1] = -n / sigma + S / (s2 * sigma);
  hess[0] = -n / s2;
  hess[1] = hess[2] = (-2 * n * dev) / (s2 * sigma);
  hess[3] = n / s2 - (3 * S) / (s2 * s2);
}

/** Closed form for any set of free parameters; throws when σ̂ would be 0. */
export function normalClosedForm(fn: string, family: string, s: CentredStats, theta: Float64Array, free: readonly boolean[]): void {
  if (free[0] === true) theta[0] = s.mean;
  if (free[1] === true) {
    const dev = s.mean - (theta[0] as number);
    const S = s.ss + s.n * dev * dev;
    if (!(S > 0)) noMle(fn, family, `every value equals ${theta[0]}, so σ̂ would be 0`);
    theta[1] = Math.sqrt(S / s.n);
  }
}

export const normalModel: LikelihoodModel<CentredStats> = {
  family: 'normal',
  kind: 'continuous',
  parameters: [
    { name: 'mean', domain: 'real', transform: 'identity' },
    { name: 'sd', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    checkValues(fn, x, free[1] === true ? 2 : 1, 'normal');
    return centredStats(fn, x);
  },
  count: (s) => s.n,
  logLikelihood: (s, t) => normalLogLik(s, t[0] as number, t[1] as number),
  derivatives: (s, t, g, h) => normalDerivatives(s, t[0] as number, t[1] as number, g, h),
  closedForm(s, theta, free) {
    normalClosedForm('fitDistribution', 'normal', s, theta, free);
    return { method: 'closed-form' };
  },
  starts: (s) => [Float64Array.of(s.mean, Math.sqrt(s.ss / s.n) || 1)],
  stepSize: (_s, t) => t[1] as number,
};
