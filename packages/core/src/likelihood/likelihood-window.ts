import { LN_2PI } from '../internal/constants.ts';
import type { GridAxis } from '../internal/grid-axis.ts';
import { checkInteger, checkOneOf, checkPositive, describe } from '../internal/validate.ts';
import { normalWaldInterval } from './fisher.ts';
import { type NormalLikelihoodData, resolveLikelihoodData } from './likelihood-curves.ts';

// Where the likelihood pictures are drawn: the windows around the MLE that the slices ℓ(μ), ℓ(σ²)
// and the NLL surface over (μ, ln σ) are evaluated on. Placing a window is arithmetic on the
// estimates, so it lives here and not in the worker or the widgets.

/** Options of {@link normalLogLikelihoodSliceWindow}. */
export interface NormalSliceWindowOptions {
  /** The Wald level whose interval is the window. Default 0.99994 (z ≈ 4.01 standard errors). */
  level?: number;
  /** For σ²: the window starts no lower than this fraction of σ̂² (ℓ(σ²) needs σ² > 0). Default 0.05. */
  sigma2Floor?: number;
  /** Grid points of the returned axis. Default 201. */
  n?: number;
}

/** Options of {@link normalNllWindow}. */
export interface NormalNllWindowOptions {
  /** Half-widths: μ̂ ± `mu`·σ̂ and ln σ̂ ± `logSigma`. Defaults 0.25 and 0.125. */
  halfWidth?: { mu?: number; logSigma?: number };
  /** Grid points along μ and along ln σ, each an integer ≥ 2. Defaults 121 and 101. */
  size?: { mu?: number; logSigma?: number };
}

/** The (μ, ln σ) window of an NLL surface and the closed-form optimum at its centre. */
export interface NormalNllWindow {
  /** The μ axis: μ̂ ± halfWidth.mu·σ̂. */
  mu: GridAxis;
  /** The ln σ axis: ln σ̂ ± halfWidth.logSigma. */
  logSigma: GridAxis;
  /** μ̂, σ̂, ln σ̂ and the NLL there, −ℓ(μ̂, σ̂) = n/2·(ln(2πσ̂²) + 1). */
  optimum: { mu: number; sigma: number; logSigma: number; nll: number };
}

const DEFAULT_SLICE_LEVEL = 0.99994;

/**
 * The window a one-parameter slice of the normal log-likelihood is drawn over: a wide Wald interval
 * around the MLE, kept inside σ² > 0.
 *
 * Computes [μ̂ − z·SE(μ̂), μ̂ + z·SE(μ̂)] for 'mu' and [max(σ̂² − z·SE(σ̂²), floor·σ̂²), σ̂² + z·SE(σ̂²)]
 * for 'sigma2', z = −Φ⁻¹((1 − level)/2), SE from the Fisher information (see
 * {@link normalWaldInterval}): with the default level the curve falls about 8 units of ℓ below its
 * maximum at both ends, whatever n. Pass the result to {@link normalLogLikelihoodSliceMu} or
 * {@link normalLogLikelihoodSliceSigma2}.
 *
 * @param data - The sample (finite, at least 2 values, not all equal) or its `normalSufficientStats`.
 * @param parameter - 'mu' or 'sigma2'.
 * @param options - `level` (0.99994), `sigma2Floor` (0.05), `n` (201 points).
 * @returns The axis `{ min, max, n }`.
 * @throws {TypeError} If `data` is not array-like or a stats object.
 * @throws {RangeError} If the data are invalid or have zero variance, the parameter is unknown,
 *   `level` is not in (0, 1), `sigma2Floor` is not a finite number > 0 or `n` not an integer ≥ 2.
 * @example
 * normalLogLikelihoodSliceWindow([1, 2, 3, 4], 'mu', { n: 5 });
 * // => { min: 0.2567705613732669, max: 4.743229438626733, n: 5 }
 */
export function normalLogLikelihoodSliceWindow(
  data: NormalLikelihoodData,
  parameter: 'mu' | 'sigma2',
  options: NormalSliceWindowOptions = {},
): GridAxis {
  const fn = 'normalLogLikelihoodSliceWindow';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
  checkOneOf(fn, 'parameter', parameter, ['mu', 'sigma2'] as const);
  const n = checkInteger(fn, 'n', options.n ?? 201, 2, 1e8);
  const floor = checkPositive(fn, 'sigma2Floor', options.sigma2Floor ?? 0.05);
  const level = options.level ?? DEFAULT_SLICE_LEVEL;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be a number in (0, 1), got ${describe(level)}`);
  const stats = resolveLikelihoodData(fn, data);
  if (stats.n < 2 || !(stats.m2 > 0)) {
    throw new RangeError(`${fn}: the data need at least 2 values that are not all equal (the standard errors are 0 otherwise)`);
  }
  const wald = normalWaldInterval(stats, { parameter, level });
  if (parameter === 'mu') return { min: wald.lower, max: wald.upper, n };
  return { min: Math.max(wald.lower, floor * (stats.m2 / stats.n)), max: wald.upper, n };
}

/**
 * The window of the normal NLL surface over (μ, ln σ), centred on the closed-form optimum, with the
 * optimum itself.
 *
 * Computes μ̂ ± h_μ·σ̂ and ln σ̂ ± h_ρ with σ̂² = m2/n; the NLL's curvature is n/σ̂² along μ and 2n
 * along ln σ, so the defaults h_μ = 0.25, h_ρ = 0.125 give contours that are about round for any n
 * and hold the notebook's GD and Adam paths from their default start. The NLL at the optimum is
 * −ℓ(μ̂, σ̂) = n/2·(ln(2πσ̂²) + 1) (the same formula as `normalMle`'s log-likelihood). Pass `mu` and
 * `logSigma` to {@link normalNllGrid}.
 *
 * @param data - The sample (finite, at least 2 values, not all equal) or its `normalSufficientStats`.
 * @param options - `halfWidth: { mu, logSigma }` (> 0) and `size: { mu, logSigma }` (integers ≥ 2).
 * @returns `{ mu, logSigma, optimum }`: two axes `{ min, max, n }` and `{ mu, sigma, logSigma, nll }`.
 * @throws {TypeError} If `data` is not array-like or a stats object.
 * @throws {RangeError} If the data are invalid or all equal (σ̂ = 0: the NLL has no finite minimum),
 *   or a half-width or size is out of range.
 * @example
 * const w = normalNllWindow([1, 2, 3, 4]);
 * w.mu; // => { min: 2.2204915028125263, max: 2.7795084971874737, n: 121 }
 * w.optimum.nll; // => 6.12204123544711
 */
export function normalNllWindow(data: NormalLikelihoodData, options: NormalNllWindowOptions = {}): NormalNllWindow {
  const fn = 'normalNllWindow';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
  const halfMu = checkPositive(fn, 'halfWidth.mu', options.halfWidth?.mu ?? 0.25);
  const halfLogSigma = checkPositive(fn, 'halfWidth.logSigma', options.halfWidth?.logSigma ?? 0.125);
  const nMu = checkInteger(fn, 'size.mu', options.size?.mu ?? 121, 2, 1e8);
  const nLogSigma = checkInteger(fn, 'size.logSigma', options.size?.logSigma ?? 101, 2, 1e8);
  const { n, mean, m2 } = resolveLikelihoodData(fn, data);
  const sigma2 = m2 / n;
  if (!(sigma2 > 0)) {
    throw new RangeError(`${fn}: all values are equal (σ̂ = 0), so the NLL has no finite minimum to draw around; the data need a spread`);
  }
  const sigma = Math.sqrt(sigma2);
  const logSigma = Math.log(sigma);
  return {
    mu: { min: mean - halfMu * sigma, max: mean + halfMu * sigma, n: nMu },
    logSigma: { min: logSigma - halfLogSigma, max: logSigma + halfLogSigma, n: nLogSigma },
    optimum: { mu: mean, sigma, logSigma, nll: 0.5 * n * (LN_2PI + Math.log(sigma2) + 1) },
  };
}
