import { checkInteger, checkPositive } from '../internal/validate.ts';

/** The mean, variance and standard deviation of one variance estimator over repeated samples. */
export interface VarianceEstimatorMoments {
  /** E[estimate]. */
  mean: number;
  /** Var(estimate). */
  variance: number;
  /** √Var(estimate). */
  std: number;
}

/** What theory says about σ̂² and s² for samples of size n from N(μ, σ²). */
export interface NormalVarianceEstimatorExpectations {
  /** The true variance σ². */
  variance: number;
  /** The MLE σ̂² = Σ(xᵢ − x̄)²/n: mean (n − 1)σ²/n (biased low by σ²/n), variance 2(n − 1)σ⁴/n². */
  mle: VarianceEstimatorMoments;
  /** The unbiased s² = Σ(xᵢ − x̄)²/(n − 1): mean σ², variance 2σ⁴/(n − 1). */
  unbiased: VarianceEstimatorMoments;
}

/**
 * The exact mean and spread of the two variance estimators, σ̂² (÷n, the MLE) and s² (÷(n − 1)), over
 * repeated normal samples of size n — the theory a bias simulation is compared with.
 *
 * Formula: Σ(xᵢ − x̄)²/σ² follows χ²ₙ₋₁ (Cochran's theorem), whose mean is n − 1 and variance
 * 2(n − 1). Hence E[σ̂²] = (n − 1)σ²/n, Var(σ̂²) = 2(n − 1)σ⁴/n², E[s²] = σ², Var(s²) = 2σ⁴/(n − 1).
 * Equals `scipy.stats.chi2(n - 1).mean() * sigma**2 / n` (and `.var() * sigma**4 / n**2`, and with
 * n − 1 in place of n for s²). The notebook's section on the limits of MLE (the biased variance).
 *
 * @param sigma - The true standard deviation σ, a finite number > 0.
 * @param n - The sample size, an integer ≥ 2.
 * @returns `{ variance: σ², mle: { mean, variance, std }, unbiased: { mean, variance, std } }`.
 * @throws {RangeError} If `sigma` is not a finite number > 0 or `n` is not an integer ≥ 2.
 * @example
 * const e = normalVarianceEstimatorExpectations(2, 5);
 * e.mle.mean; // => 3.2
 * e.unbiased.mean; // => 4
 * e.mle.variance; // => 5.12
 */
export function normalVarianceEstimatorExpectations(sigma: number, n: number): NormalVarianceEstimatorExpectations {
  const fn = 'normalVarianceEstimatorExpectations';
  checkPositive(fn, 'sigma', sigma);
  checkInteger(fn, 'n (the sample size; s² needs at least 2 values)', n, 2);
  const variance = sigma * sigma;
  // σ⁴ as (σ²)², and 2(n − 1)σ⁴/n² with the division last, so small n give the exact decimals.
  const sigma4 = variance * variance;
  const mleVariance = (2 * (n - 1) * sigma4) / (n * n);
  const unbiasedVariance = (2 * sigma4) / (n - 1);
  return {
    variance,
    // The standard deviations from σ² rather than √(σ⁴): finite wherever σ² is (σ⁴ overflows past σ ≈ 1e77).
    mle: { mean: ((n - 1) * variance) / n, variance: mleVariance, std: (variance * Math.sqrt(2 * (n - 1))) / n },
    unbiased: { mean: variance, variance: unbiasedVariance, std: variance * Math.sqrt(2 / (n - 1)) },
  };
}
