import { LN_2PI } from '../internal/constants.ts';
import { checkSample, sufficientStatsOf } from './normal-sufficient-stats.ts';

/** The closed-form maximum likelihood estimate of a normal sample. */
export interface NormalMle {
  /** Sample size n. */
  n: number;
  /** μ̂ = x̄. */
  mu: number;
  /** σ̂² = Σ(xᵢ − x̄)²/n (biased). */
  sigma2: number;
  /** σ̂ = √σ̂². */
  sigma: number;
  /** s² = Σ(xᵢ − x̄)²/(n − 1), the unbiased variance (Bessel's correction). */
  sigma2Unbiased: number;
  /** The full log-likelihood at the MLE, ℓ(μ̂, σ̂²) = −n/2·(ln(2πσ̂²) + 1). */
  logLikelihood: number;
}

/**
 * The closed-form normal MLE μ̂ = x̄, σ̂² = Σ(xᵢ − x̄)²/n, with the unbiased variance and the maximised log-likelihood.
 *
 * Computes μ̂ = x̄, σ̂² = m2/n, σ̂ = √σ̂², s² = m2/(n − 1) and
 * ℓ(μ̂, σ̂²) = −n/2·(ln 2π + ln σ̂² + 1) (the constant included), where m2 = Σ(xᵢ − x̄)² comes from
 * compensated sums about a shift near x̄ (see `normalSufficientStats`), so data offset by 1e9 lose
 * no digits. The notebook's `np.mean(x)`, `np.mean((x - mu)**2)`; `ℓ` equals
 * `scipy.stats.norm.logpdf(x, mu, sigma).sum()`.
 * With all values equal σ̂² = 0 and ℓ = +Infinity (the likelihood is unbounded there).
 *
 * @param x - The sample: finite numbers, at least two.
 * @returns `{ n, mu, sigma2, sigma, sigma2Unbiased, logLikelihood }`.
 * @throws {TypeError} If `x` is not array-like or holds non-numbers.
 * @throws {RangeError} If `x` has fewer than 2 values (s² needs n − 1 > 0) or holds NaN or ±Infinity.
 * @example
 * normalMle([1, 2, 3, 4]);
 * // => { n: 4, mu: 2.5, sigma2: 1.25, sigma: 1.118033988749895, sigma2Unbiased: 1.6666666666666667,
 * //      logLikelihood: -6.12204123544711 }
 */
export function normalMle(x: ArrayLike<number>): NormalMle {
  const fn = 'normalMle';
  const n = checkSample(fn, x);
  if (n < 2) {
    throw new RangeError(`${fn}: x has 1 value; at least 2 are required (with one value σ̂ = 0 and the unbiased variance is undefined)`);
  }
  const { mean, m2 } = sufficientStatsOf(fn, x, n);
  const sigma2 = m2 / n;
  return {
    n,
    mu: mean,
    sigma2,
    sigma: Math.sqrt(sigma2),
    sigma2Unbiased: m2 / (n - 1),
    logLikelihood: sigma2 > 0 ? -0.5 * n * (LN_2PI + Math.log(sigma2) + 1) : Number.POSITIVE_INFINITY,
  };
}
