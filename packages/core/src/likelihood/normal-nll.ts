import { exponentOf, ldexp, mulPow2Exp } from '../internal/scale.ts';
import { checkFinite, checkFiniteData, toFloat64 } from '../internal/validate.ts';
import {
  type NormalSufficientStats,
  centredSums,
  checkSample,
  checkSufficientStats,
} from './normal-sufficient-stats.ts';

/** Past these sizes of data or μ, (xᵢ − μ)² can over- or underflow: the sums are then scaled. */
const SAFE_MAX = 2 ** 400;
const SAFE_MIN = 2 ** -400;

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
 * At the ends of the double range the results are the true values or their limits, never NaN: for
 * data or μ beyond 2^±400 in size (or when S overflows: μ = 1e200 for data near 1) the sums run on
 * x and μ scaled by a power of two, and S·e^(−2ρ), Σ(xᵢ − μ)·e^(−2ρ) are formed in log space when a
 * factor leaves the range (|ρ| > ~354), so L = +Infinity only when it really overflows, S·e^(−2ρ)
 * is right when S underflows but e^(−2ρ) brings it back, and ∂L/∂μ = 0 exactly at μ = x̄ whatever ρ.
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
  const data = toFloat64(x);
  const sums = new Float64Array(4);
  centredSums(data, n, mu, sums);
  let s1 = sums[0] as number;
  let s = sums[1] as number;
  let k = 0;
  // NaN/±Infinity in a typed array is located and reported here.
  if (!Number.isFinite(s1) || !Number.isFinite(s)) checkFiniteData(fn, x);
  let m = Math.abs(mu);
  for (let i = 0; i < n; i++) m = Math.max(m, Math.abs(data[i] as number));
  if (!Number.isFinite(s1) || !Number.isFinite(s) || m >= SAFE_MAX || m < SAFE_MIN) {
    // Data or μ far from 1 in size: (xᵢ − μ)² may have over- or underflowed. Redo the sums on
    // x·2^(−k), μ·2^(−k) (exact), where |xᵢ − μ| ≤ 1 and, if not 0, ≥ 2^−54: nothing leaves the range.
    k = exponentOf(m) + 1;
    const scaled = new Float64Array(n);
    for (let i = 0; i < n; i++) scaled[i] = ldexp(data[i] as number, -k);
    centredSums(scaled, n, ldexp(mu, -k), sums);
    s1 = sums[0] as number;
    s = sums[1] as number;
  }
  // S·e^(−2ρ) and Σ(xᵢ − μ)·e^(−2ρ) without 0·∞ or ∞·0 (see mulPow2Exp).
  const se = mulPow2Exp(s, 2 * k, -2 * rho);
  // (0 − s1) rather than −s1 so that a zero gradient is +0, as numpy's n·μ − Σx gives.
  return { loss: n * rho + 0.5 * se, gradMu: mulPow2Exp(0 - s1, k, -2 * rho), gradRho: n - se };
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
  // Products with e^(−2ρ) formed without 0·∞ (gradMu = 0 at μ = x̄ for any ρ; see mulPow2Exp).
  const se = mulPow2Exp(s, 0, -2 * rho);
  return { loss: n * rho + 0.5 * se, gradMu: mulPow2Exp(n * d, 0, -2 * rho), gradRho: n - se };
}
