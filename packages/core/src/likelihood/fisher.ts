import { normalPpf } from '../distributions/normal.ts';
import { checkInteger, checkOneOf, checkOptions, checkPositive, describe } from '../internal/validate.ts';
import { type NormalLikelihoodData, resolveLikelihoodData } from './likelihood-curves.ts';

/** Which scale parameter accompanies μ: σ or σ². */
export type NormalScaleParameter = 'sigma' | 'sigma2';

/** Options of {@link normalFisherInformation}. */
export interface NormalFisherOptions {
  /** Sample size n (information adds over observations). Default 1. */
  n?: number;
  /** 'sigma' for (μ, σ), 'sigma2' for (μ, σ²). Default 'sigma'. */
  parameterization?: NormalScaleParameter;
}

/** Standard errors of the normal MLE from the inverse Fisher information at the estimate. */
export interface NormalStandardErrors {
  /** Sample size. */
  n: number;
  /** μ̂ = x̄. */
  mu: number;
  /** σ̂ = √(m2/n). */
  sigma: number;
  /** σ̂² = m2/n. */
  sigma2: number;
  /** SE(μ̂) = σ̂/√n. */
  seMu: number;
  /** SE(σ̂) = σ̂/√(2n). */
  seSigma: number;
  /** SE(σ̂²) = σ̂²·√(2/n). */
  seSigma2: number;
}

/** Which estimate a Wald interval is for. */
export type NormalWaldParameter = 'mu' | 'sigma' | 'sigma2';

/** Options of {@link normalWaldInterval}. */
export interface NormalWaldOptions {
  /** 'mu', 'sigma' or 'sigma2'. Default 'mu'. */
  parameter?: NormalWaldParameter;
  /** Confidence level in (0, 1). Default 0.95. */
  level?: number;
}

/** A Wald confidence interval: estimate ± z·SE. */
export interface NormalWaldInterval {
  /** The parameter the interval is for. */
  parameter: NormalWaldParameter;
  /** The confidence level. */
  level: number;
  /** The MLE of the parameter. */
  estimate: number;
  /** Its standard error from the Fisher information. */
  standardError: number;
  /** The normal quantile z = Φ⁻¹(1 − (1 − level)/2). */
  z: number;
  /** estimate − z·SE (for σ², may be negative: Wald intervals are symmetric). */
  lower: number;
  /** estimate + z·SE. */
  upper: number;
}

/**
 * The Fisher information matrix of N(μ, σ²) for n observations, in (μ, σ) or (μ, σ²).
 *
 * In (μ, σ): I = n·diag(1/σ², 2/σ²); in (μ, σ²): I = n·diag(1/σ², 1/(2σ⁴)) — the negated expected
 * Hessian of the log-likelihood (the off-diagonal term E[∂²ℓ/∂μ∂σ] vanishes). Its inverse at the MLE
 * gives the asymptotic variances σ̂²/n of μ̂ and σ̂²/(2n) of σ̂ (Casella & Berger, Statistical
 * Inference, §10.1).
 *
 * @param sigma - The standard deviation σ > 0 at which to evaluate it.
 * @param options - `n` (1), `parameterization` ('sigma' | 'sigma2', default 'sigma').
 * @returns The 2×2 matrix, row-major: [I_μμ, I_μs, I_sμ, I_ss].
 * @throws {RangeError} If `sigma` is not a finite number > 0, `n` is not an integer ≥ 1, or the
 *   parameterization is unknown.
 * @example
 * normalFisherInformation(2, { n: 100 }); // => Float64Array [25, 0, 0, 50]
 * normalFisherInformation(2, { n: 100, parameterization: 'sigma2' }); // => Float64Array [25, 0, 0, 3.125]
 */
export function normalFisherInformation(sigma: number, options: NormalFisherOptions = {}): Float64Array {
  const fn = 'normalFisherInformation';
  checkOptions(fn, options);
  checkPositive(fn, 'sigma', sigma);
  const n = checkInteger(fn, 'n', options.n ?? 1, 1);
  const parameterization = checkOneOf(fn, 'parameterization', options.parameterization ?? 'sigma', ['sigma', 'sigma2'] as const);
  const s2 = sigma * sigma;
  const scale = parameterization === 'sigma' ? (2 * n) / s2 : n / (2 * s2 * s2);
  return Float64Array.of(n / s2, 0, 0, scale);
}

/**
 * Standard errors of the normal MLE: SE(μ̂) = σ̂/√n, SE(σ̂) = σ̂/√(2n), SE(σ̂²) = σ̂²·√(2/n).
 *
 * The square roots of the diagonal of the inverse Fisher information n·diag(1/σ², 2/σ²) (and
 * its σ² version) evaluated at σ̂² = m2/n — the numbers none of numpy/scipy print next to the
 * estimate. (`scipy.stats.sem(x, ddof=0)` gives the first.)
 *
 * @param data - The sample (finite, at least 2 values, not all equal) or its `normalSufficientStats`.
 * @returns `{ n, mu, sigma, sigma2, seMu, seSigma, seSigma2 }`.
 * @throws {TypeError} If `data` is not array-like or a stats object.
 * @throws {RangeError} If the data are invalid or have zero variance.
 * @example
 * normalStandardErrors([1, 2, 3, 4]).seMu; // => 0.5590169943749475
 */
export function normalStandardErrors(data: NormalLikelihoodData): NormalStandardErrors {
  const fn = 'normalStandardErrors';
  return standardErrors(fn, data);
}

function standardErrors(fn: string, data: NormalLikelihoodData): NormalStandardErrors {
  const { n, mean, m2 } = resolveLikelihoodData(fn, data);
  if (!(m2 > 0)) {
    throw new RangeError(`${fn}: the data have zero variance (σ̂ = 0), so the Fisher information is infinite; the data need a spread`);
  }
  const sigma2 = m2 / n;
  const sigma = Math.sqrt(sigma2);
  return {
    n,
    mu: mean,
    sigma,
    sigma2,
    seMu: sigma / Math.sqrt(n),
    seSigma: sigma / Math.sqrt(2 * n),
    seSigma2: sigma2 * Math.sqrt(2 / n),
  };
}

/**
 * A Wald confidence interval for μ, σ or σ² of a normal sample: estimate ± z·SE.
 *
 * Computes z = −Φ⁻¹((1 − level)/2) with {@link normalPpf} and SE from the Fisher
 * information at the MLE (see {@link normalStandardErrors}); asymptotically the interval covers the
 * true value with probability `level`. Equals `scipy.stats.norm.interval(level, loc=estimate, scale=se)`.
 *
 * @param data - The sample (finite, at least 2 values, not all equal) or its `normalSufficientStats`.
 * @param options - `parameter` ('mu' | 'sigma' | 'sigma2', default 'mu'), `level` (0.95).
 * @returns `{ parameter, level, estimate, standardError, z, lower, upper }`.
 * @throws {TypeError} If `data` is not array-like or a stats object.
 * @throws {RangeError} If the data are invalid or have zero variance, `level` is not in (0, 1), or
 *   the parameter is unknown.
 * @example
 * normalWaldInterval([1, 2, 3, 4]); // => { parameter: 'mu', level: 0.95, estimate: 2.5,
 * //   standardError: 0.5590169943749475, z: 1.9599639845400538, lower: 1.4043468242792732, upper: 3.595653175720727 }
 */
export function normalWaldInterval(data: NormalLikelihoodData, options: NormalWaldOptions = {}): NormalWaldInterval {
  const fn = 'normalWaldInterval';
  checkOptions(fn, options);
  const parameter = checkOneOf(fn, 'parameter', options.parameter ?? 'mu', ['mu', 'sigma', 'sigma2'] as const);
  const level = options.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) {
    throw new RangeError(`${fn}: level must be a number in (0, 1), got ${describe(level)}`);
  }
  const se = standardErrors(fn, data);
  const estimate = parameter === 'mu' ? se.mu : parameter === 'sigma' ? se.sigma : se.sigma2;
  const standardError = parameter === 'mu' ? se.seMu : parameter === 'sigma' ? se.seSigma : se.seSigma2;
  // Φ⁻¹ of the small tail probability, negated: accurate even for level close to 1.
  const z = -normalPpf((1 - level) / 2);
  return { parameter, level, estimate, standardError, z, lower: estimate - z * standardError, upper: estimate + z * standardError };
}
