import { LN_SQRT_2PI, SQRT_2PI } from '../internal/constants.ts';
import { checkFinite, checkFiniteData, checkPositive } from '../internal/validate.ts';

/** The likelihood of growing prefixes of a sample, as a product and as a sum of logs. */
export interface LikelihoodProductVsLog {
  /** product[k] = Π_{i ≤ k} φ(xᵢ; μ, σ), the likelihood of the first k + 1 values (underflows to 0). */
  product: Float64Array;
  /** logLikelihood[k] = Σ_{i ≤ k} log φ(xᵢ; μ, σ), compensated; never underflows. */
  logLikelihood: Float64Array;
  /**
   * The first n (a count, 1-based) at which the product has underflowed to exactly 0 while the
   * log-likelihood is still finite; undefined if it never does.
   */
  underflowAt: number | undefined;
  /**
   * The first n (1-based) at which the product has overflowed to +Infinity — densities mostly above 1
   * (σ well below 1/√(2π)) — while the log-likelihood is still finite; undefined if it never does.
   */
  overflowAt: number | undefined;
}

/**
 * The likelihood of the first n observations for n = 1…N, computed as a running product of densities
 * and as a running sum of log densities — showing where the product underflows and the log does not.
 *
 * Computes product[k] = Π_{i≤k} φ(xᵢ; μ, σ) (left to right, as `np.cumprod(norm.pdf(x, mu, sigma))`)
 * and logLikelihood[k] = Σ_{i≤k} log φ(xᵢ; μ, σ) (Neumaier-compensated, `np.cumsum(norm.logpdf(...))`
 * without its rounding drift), with φ as `scipy.stats.norm`. The notebook's "why log-likelihood"
 * argument (section 三.2): for N(5, 2²) data the product reaches 0 after about 300 values; for a small σ
 * (densities above 1) it overflows to +∞ instead (`np.argmax(np.isinf(p)) + 1`).
 *
 * @param x - The sample: finite numbers, at least one.
 * @param mu - The mean μ, finite.
 * @param sigma - The standard deviation σ, a finite number > 0.
 * @returns `{ product, logLikelihood, underflowAt, overflowAt }`.
 * @throws {TypeError} If `x` is not array-like or holds non-numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, `mu` is not finite or `sigma` is not > 0.
 * @example
 * const r = normalLikelihoodProductVsLog([0, 0], 0, 1);
 * r.product; // => Float64Array [0.3989422804014327, 0.15915494309189535]
 * r.logLikelihood; // => Float64Array [-0.9189385332046727, -1.8378770664093453]
 * r.underflowAt; // => undefined
 * normalLikelihoodProductVsLog([0, 0, 0], 0, 1e-300).overflowAt; // => 2
 */
export function normalLikelihoodProductVsLog(x: ArrayLike<number>, mu: number, sigma: number): LikelihoodProductVsLog {
  const fn = 'normalLikelihoodProductVsLog';
  const n = checkFiniteData(fn, x);
  checkFinite(fn, 'mu', mu);
  checkPositive(fn, 'sigma', sigma);
  const product = new Float64Array(n);
  const logLikelihood = new Float64Array(n);
  const logSigma = Math.log(sigma);
  let p = 1;
  let sum = 0;
  let c = 0;
  let underflowAt: number | undefined;
  let overflowAt: number | undefined;
  for (let i = 0; i < n; i++) {
    const z = ((x[i] as number) - mu) / sigma;
    const zz = -(z * z) / 2;
    p *= Math.exp(zz) / SQRT_2PI / sigma;
    product[i] = p;
    const term = zz - LN_SQRT_2PI - logSigma;
    const t = sum + term;
    c += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
    sum = t;
    logLikelihood[i] = sum + c;
    if (p === 0 && underflowAt === undefined) underflowAt = i + 1;
    if (p === Number.POSITIVE_INFINITY && overflowAt === undefined) overflowAt = i + 1;
  }
  return { product, logLikelihood, underflowAt, overflowAt };
}
