import { checkFinite, checkFiniteData, toFloat64 } from '../internal/validate.ts';
import {
  type NormalSufficientStats,
  centredSums,
  checkSample,
  checkSufficientStats,
} from './normal-sufficient-stats.ts';

/** The normal negative log-likelihood (constant dropped) and its gradient in (μ, ρ = ln σ). */
export interface NormalNll {
  /** L = n·ρ + S·e^(−2ρ)/2 with S = Σ(xᵢ − μ)². */
  loss: number;
  /** ∂L/∂μ = (n·μ − Σxᵢ)·e^(−2ρ). */
  gradMu: number;
  /** ∂L/∂ρ = n − S·e^(−2ρ). */
  gradRho: number;
}

/**
 * The notebook's normal negative log-likelihood and its gradient, parameterised by μ and ρ = ln σ.
 *
 * Computes, in one pass over x, S = Σ(xᵢ − μ)² and Σ(xᵢ − μ), then
 * L = n·ρ + ½·S·e^(−2ρ) (the n·ln√(2π) constant dropped), ∂L/∂μ = (n·μ − Σxᵢ)·e^(−2ρ) =
 * −Σ(xᵢ − μ)·e^(−2ρ) and ∂L/∂ρ = n − S·e^(−2ρ). Ports `nll_and_grads(x, mu, rho)` of the MLE
 * notebook (seed 004), with blocked compensated sums instead of `np.sum`.
 *
 * @param x - The sample: finite numbers, at least one.
 * @param mu - The mean parameter μ, finite.
 * @param rho - The log standard deviation ρ = ln σ, finite.
 * @returns `{ loss, gradMu, gradRho }`.
 * @throws {TypeError} If `x` is not array-like or holds non-numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, or `mu` or `rho` is not finite.
 * @example
 * normalNll([1, 2, 3, 4], 2.5, 0); // => { loss: 2.5, gradMu: 0, gradRho: -1 }
 */
export function normalNll(x: ArrayLike<number>, mu: number, rho: number): NormalNll {
  const fn = 'normalNll';
  const n = checkSample(fn, x);
  checkFinite(fn, 'mu', mu);
  checkFinite(fn, 'rho', rho);
  const sums = new Float64Array(4);
  centredSums(toFloat64(x), n, mu, sums);
  const s1 = sums[0] as number;
  const s = sums[1] as number;
  // A non-finite sum means a NaN/±Infinity in a typed array (located and reported here) or a μ so far
  // from finite data that S overflows, where L = +Infinity is the honest answer.
  if (!Number.isFinite(s1) || !Number.isFinite(s)) checkFiniteData(fn, x);
  const e = Math.exp(-2 * rho);
  // (0 − s1) rather than −s1 so that a zero gradient is +0, as numpy's n·μ − Σx gives.
  return { loss: n * rho + 0.5 * s * e, gradMu: (0 - s1) * e, gradRho: n - s * e };
}

/**
 * The notebook's normal NLL and gradient from sufficient statistics, in O(1).
 *
 * Uses S = m2 + n·(x̄ − μ)² and n·μ − Σxᵢ = n·(μ − x̄) (x̄ = mean + meanLow), so L = n·ρ + ½·S·e^(−2ρ),
 * ∂L/∂μ = n·(μ − x̄)·e^(−2ρ), ∂L/∂ρ = n − S·e^(−2ρ) equal {@link normalNll} on the sample the
 * statistics came from (to rounding). Same formulas as the notebook's `nll_and_grads`.
 *
 * @param stats - `{ n, mean, m2 }` from {@link normalSufficientStats}.
 * @param mu - The mean parameter μ, finite.
 * @param rho - The log standard deviation ρ = ln σ, finite.
 * @returns `{ loss, gradMu, gradRho }`.
 * @throws {TypeError} If `stats` is not an object.
 * @throws {RangeError} If `stats.n` is not an integer ≥ 1, `stats.mean` is not finite, `stats.m2` is
 *   not a finite number ≥ 0, or `mu` or `rho` is not finite.
 * @example
 * normalNllFromStats({ n: 4, mean: 2.5, m2: 5 }, 2.5, 0); // => { loss: 2.5, gradMu: 0, gradRho: -1 }
 */
export function normalNllFromStats(stats: NormalSufficientStats, mu: number, rho: number): NormalNll {
  const fn = 'normalNllFromStats';
  const { n, mean, m2, meanLow } = checkSufficientStats(fn, stats);
  checkFinite(fn, 'mu', mu);
  checkFinite(fn, 'rho', rho);
  const d = mu - mean - meanLow;
  const s = m2 + n * d * d;
  const e = Math.exp(-2 * rho);
  return { loss: n * rho + 0.5 * s * e, gradMu: n * d * e, gradRho: n - s * e };
}
