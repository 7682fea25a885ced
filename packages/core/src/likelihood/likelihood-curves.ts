import { LN_2PI, LN_SQRT_2PI } from '../internal/constants.ts';
import { type GridAxis, gridAxisPoints } from '../internal/grid-axis.ts';
import { checkArrayLike, checkFinite, checkOneOf, checkPositive, describe } from '../internal/validate.ts';
import {
  type NormalSufficientStats,
  checkSample,
  checkSufficientStats,
  sufficientStatsOf,
} from './normal-sufficient-stats.ts';

/**
 * A sample, or its sufficient statistics from `normalSufficientStats` (then every curve costs O(1)
 * per point, however large the sample).
 */
export type NormalLikelihoodData = ArrayLike<number> | NormalSufficientStats;

/** Grid points: an explicit list, or `{ min, max, n }` for `numpy.linspace(min, max, n)`. */
export type GridPoints = ArrayLike<number> | GridAxis;

/** A one-parameter slice of the log-likelihood with its first two derivatives. */
export interface LogLikelihoodSlice {
  /** The parameter values (μ or σ²) the slice is evaluated at. */
  grid: Float64Array;
  /** ℓ at each grid value (full log-likelihood, constant included). */
  logLikelihood: Float64Array;
  /** The score ∂ℓ/∂θ at each grid value. */
  score: Float64Array;
  /** The curvature ∂²ℓ/∂θ² at each grid value. */
  curvature: Float64Array;
}

/** The log-likelihood on a (μ, ln σ) grid, for contour plots. */
export interface LogLikelihoodGrid {
  /** μ values (length nMu). */
  mu: Float64Array;
  /** ln σ values (length nLogSigma). */
  logSigma: Float64Array;
  /** ℓ, row-major with one row per ln σ: z[j·nMu + i] = ℓ(mu[i], σ = e^logSigma[j]). */
  z: Float64Array;
}

/** Options of {@link normalLogLikelihoodGrid}. */
export interface LogLikelihoodGridOptions {
  /** μ values or axis. */
  mu: GridPoints;
  /** ln σ values or axis. */
  logSigma: GridPoints;
}

/** Reads a sample or a stats record into stats. */
export function resolveLikelihoodData(fn: string, data: NormalLikelihoodData): Required<NormalSufficientStats> {
  if (data !== null && typeof data === 'object' && typeof (data as ArrayLike<number>).length !== 'number') {
    return checkSufficientStats(fn, data as NormalSufficientStats);
  }
  const x = data as ArrayLike<number>;
  return sufficientStatsOf(fn, x, checkSample(fn, x));
}

function resolvePoints(fn: string, name: string, points: GridPoints, positive: boolean): Float64Array {
  let grid: Float64Array;
  if (points !== null && typeof points === 'object' && typeof (points as ArrayLike<number>).length !== 'number') {
    grid = gridAxisPoints(fn, name, points as GridAxis);
  } else {
    const n = checkArrayLike(fn, name, points);
    if (n === 0) throw new RangeError(`${fn}: ${name} is empty; at least one grid value is required`);
    grid = new Float64Array(n);
    for (let i = 0; i < n; i++) grid[i] = (points as ArrayLike<number>)[i] as number;
  }
  for (let i = 0; i < grid.length; i++) {
    const v = grid[i] as number;
    if (!Number.isFinite(v) || (positive && !(v > 0))) {
      const allowed = positive ? 'finite numbers > 0' : 'finite numbers';
      throw new RangeError(`${fn}: ${name}[${i}] is ${describe(v)}; only ${allowed} are allowed`);
    }
  }
  return grid;
}

/**
 * The normal log-likelihood as a function of μ at a fixed σ², with its score and curvature.
 *
 * Computes ℓ(μ) = −n/2·ln(2πσ²) − (m2 + n(x̄ − μ)²)/(2σ²), ∂ℓ/∂μ = n(x̄ − μ)/σ² and
 * ∂²ℓ/∂μ² = −n/σ² (the notebook's derivation, section 二.2), from the sufficient statistics: O(1) per
 * point. Equals `scipy.stats.norm.logpdf(x, mu, np.sqrt(sigma2)).sum()` at each μ.
 *
 * @param data - The sample (finite, non-empty) or its `normalSufficientStats`.
 * @param mu - The μ values: an array, or `{ min, max, n }` for a linspace.
 * @param options - `sigma2`, the fixed variance (> 0); default the MLE σ̂² = m2/n.
 * @returns `{ grid, logLikelihood, score, curvature }`.
 * @throws {TypeError} If `data` or `mu` is not array-like (or an axis/stats object).
 * @throws {RangeError} If the data are invalid, a μ is not finite, or `sigma2` is not > 0 (the
 *   default needs a sample with a spread).
 * @example
 * normalLogLikelihoodSliceMu([1, 2, 3, 4], [2.5], { sigma2: 1 }).logLikelihood;
 * // => Float64Array [-6.175754132818691]
 */
export function normalLogLikelihoodSliceMu(
  data: NormalLikelihoodData,
  mu: GridPoints,
  options: { sigma2?: number } = {},
): LogLikelihoodSlice {
  const fn = 'normalLogLikelihoodSliceMu';
  const { n, mean, m2, meanLow } = resolveLikelihoodData(fn, data);
  const grid = resolvePoints(fn, 'mu', mu, false);
  const sigma2 = options.sigma2 === undefined ? checkPositive(fn, 'the MLE variance σ̂² (all values are equal)', m2 / n) : checkPositive(fn, 'sigma2', options.sigma2);
  const k = grid.length;
  const logLikelihood = new Float64Array(k);
  const score = new Float64Array(k);
  const curvature = new Float64Array(k);
  const base = -0.5 * n * (LN_2PI + Math.log(sigma2));
  for (let i = 0; i < k; i++) {
    const d = mean - (grid[i] as number) + meanLow;
    logLikelihood[i] = base - (m2 + n * d * d) / (2 * sigma2);
    score[i] = (n * d) / sigma2;
    curvature[i] = -n / sigma2;
  }
  return { grid, logLikelihood, score, curvature };
}

/**
 * The normal log-likelihood as a function of σ² at a fixed μ, with its score and curvature.
 *
 * With S = m2 + n(x̄ − μ)²: ℓ(σ²) = −n/2·ln(2πσ²) − S/(2σ²), ∂ℓ/∂σ² = −n/(2σ²) + S/(2σ⁴) and
 * ∂²ℓ/∂(σ²)² = n/(2σ⁴) − S/σ⁶ (the notebook's derivation, section 二.3); the maximum is at
 * σ² = S/n. O(1) per point. Equals `scipy.stats.norm.logpdf(x, mu, np.sqrt(s2)).sum()` at each σ².
 *
 * @param data - The sample (finite, non-empty) or its `normalSufficientStats`.
 * @param sigma2 - The σ² values (> 0): an array, or `{ min, max, n }` for a linspace.
 * @param options - `mu`, the fixed mean; default the MLE x̄.
 * @returns `{ grid, logLikelihood, score, curvature }`.
 * @throws {TypeError} If `data` or `sigma2` is not array-like (or an axis/stats object).
 * @throws {RangeError} If the data are invalid, a σ² is not a finite number > 0, or `mu` is not finite.
 * @example
 * normalLogLikelihoodSliceSigma2([1, 2, 3, 4], [1.25]).score; // => Float64Array [0]
 */
export function normalLogLikelihoodSliceSigma2(
  data: NormalLikelihoodData,
  sigma2: GridPoints,
  options: { mu?: number } = {},
): LogLikelihoodSlice {
  const fn = 'normalLogLikelihoodSliceSigma2';
  const { n, mean, m2, meanLow } = resolveLikelihoodData(fn, data);
  const grid = resolvePoints(fn, 'sigma2', sigma2, true);
  const mu = options.mu === undefined ? mean : checkFinite(fn, 'mu', options.mu);
  const d = mean - mu + meanLow;
  const s = m2 + n * d * d;
  const k = grid.length;
  const logLikelihood = new Float64Array(k);
  const score = new Float64Array(k);
  const curvature = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    const v = grid[i] as number;
    logLikelihood[i] = -0.5 * n * (LN_2PI + Math.log(v)) - s / (2 * v);
    // −n/(2v) + S/(2v²) = (S − n·v)/(2v²): one rounding of the difference, exact zero at v = S/n.
    score[i] = (s - n * v) / (2 * v * v);
    curvature[i] = (n * v - 2 * s) / (2 * v * v * v);
  }
  return { grid, logLikelihood, score, curvature };
}

/**
 * The normal log-likelihood on a (μ, ln σ) grid, for contour plots of the likelihood surface.
 *
 * Computes z[j·nMu + i] = ℓ(μᵢ, σⱼ) = −n·(ln√(2π) + ln σⱼ) − (m2 + n(x̄ − μᵢ)²)/(2σⱼ²) with
 * σⱼ = e^(logSigma[j]), O(1) per grid point from the sufficient statistics. The maximum is at
 * (x̄, ln σ̂). Equals `scipy.stats.norm.logpdf(x, mu, np.exp(log_sigma)).sum()` at each point.
 *
 * @param data - The sample (finite, non-empty) or its `normalSufficientStats`.
 * @param options - `{ mu, logSigma }`: arrays of values or `{ min, max, n }` linspace axes.
 * @returns `{ mu, logSigma, z }`, z row-major with one row per ln σ.
 * @throws {TypeError} If `data` or an axis has the wrong type.
 * @throws {RangeError} If the data are invalid or a grid value is not finite.
 * @example
 * const g = normalLogLikelihoodGrid(x, { mu: { min: 4, max: 6, n: 101 }, logSigma: { min: 0.3, max: 1, n: 81 } });
 * g.z.length; // => 8181
 */
export function normalLogLikelihoodGrid(data: NormalLikelihoodData, options: LogLikelihoodGridOptions): LogLikelihoodGrid {
  return logLikelihoodGrid('normalLogLikelihoodGrid', data, options);
}

/** ℓ on a (μ, ln σ) grid, its errors naming `fn`; with `constant: 'drop'` the −n·ln√(2π) term is left out. */
function logLikelihoodGrid(
  fn: string,
  data: NormalLikelihoodData,
  options: LogLikelihoodGridOptions,
  constant: NllConstant = 'include',
): LogLikelihoodGrid {
  const { n, mean, m2, meanLow } = resolveLikelihoodData(fn, data);
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object { mu, logSigma }`);
  const mu = resolvePoints(fn, 'mu', options.mu, false);
  const logSigma = resolvePoints(fn, 'logSigma', options.logSigma, false);
  const offset = constant === 'include' ? LN_SQRT_2PI : 0;
  const nMu = mu.length;
  const nSigma = logSigma.length;
  // S(μ) depends only on the column: compute it once per μ.
  const s = new Float64Array(nMu);
  for (let i = 0; i < nMu; i++) {
    const d = mean - (mu[i] as number) + meanLow;
    s[i] = m2 + n * d * d;
  }
  const z = new Float64Array(nMu * nSigma);
  for (let j = 0; j < nSigma; j++) {
    const ls = logSigma[j] as number;
    const base = -n * (offset + ls);
    const halfPrecision = 0.5 * Math.exp(-2 * ls);
    const row = j * nMu;
    for (let i = 0; i < nMu; i++) z[row + i] = base - (s[i] as number) * halfPrecision;
  }
  return { mu, logSigma, z };
}

/** Whether an NLL keeps the constant n·ln√(2π) ('include', −ℓ itself) or drops it ('drop', the notebook's L). */
export type NllConstant = 'include' | 'drop';

/** Options of {@link normalNllGrid}. */
export interface NllGridOptions extends LogLikelihoodGridOptions {
  /**
   * 'include' (default): the full −ℓ. 'drop': the notebook's loss L(μ, ρ) = n·ρ + S·e^(−2ρ)/2, the
   * function {@link normalNll} and the optimisers use; it is −ℓ − n·ln√(2π), same minimiser, same gradient.
   */
  constant?: NllConstant;
}

/** The negative log-likelihood on a (μ, ln σ) grid, for the surface optimisers descend. */
export interface NllGrid {
  /** μ values (length nMu). */
  mu: Float64Array;
  /** ln σ values (length nLogSigma). */
  logSigma: Float64Array;
  /**
   * Row-major with one row per ln σ: nll[j·nMu + i] = −ℓ(mu[i], σ = e^logSigma[j]), less n·ln√(2π)
   * with `constant: 'drop'`.
   */
  nll: Float64Array;
}

/**
 * The normal negative log-likelihood on a (μ, ln σ) grid: the surface gradient descent and Adam
 * walk down, with its minimum at the closed-form MLE.
 *
 * Computes nll[j·nMu + i] = −ℓ(μᵢ, σⱼ) = n·(ln√(2π) + ln σⱼ) + (m2 + n(x̄ − μᵢ)²)/(2σⱼ²), the full NLL,
 * exactly the negation of {@link normalLogLikelihoodGrid}; with `constant: 'drop'`, the notebook's loss
 * L(μᵢ, ρⱼ) = n·ρⱼ + Sᵢ·e^(−2ρⱼ)/2 (ρ = ln σ, Sᵢ = m2 + n(x̄ − μᵢ)²), which is {@link normalNllFromStats}'s
 * `loss` at every grid point. {@link normalNllWindow} gives axes centred on the optimum. 'include' equals
 * `-scipy.stats.norm.logpdf(x, mu, np.exp(log_sigma)).sum()` at each point; 'drop' the notebook's
 * `nll_and_grads(x, mu, log_sigma)[0]`.
 *
 * @param data - The sample (finite, non-empty) or its `normalSufficientStats`.
 * @param options - `{ mu, logSigma }`: arrays of values or `{ min, max, n }` linspace axes; `constant`:
 *   'include' (default) or 'drop'.
 * @returns `{ mu, logSigma, nll }`, nll row-major with one row per ln σ.
 * @throws {TypeError} If `data` or an axis has the wrong type.
 * @throws {RangeError} If the data are invalid, a grid value is not finite, or `constant` is neither
 *   'include' nor 'drop'.
 * @example
 * normalNllGrid([1, 2, 3, 4], { mu: [2.5], logSigma: [0] }).nll; // => Float64Array [6.175754132818691]
 * normalNllGrid([1, 2, 3, 4], { mu: [2.5], logSigma: [0], constant: 'drop' }).nll; // => Float64Array [2.5]
 */
export function normalNllGrid(data: NormalLikelihoodData, options: NllGridOptions): NllGrid {
  const fn = 'normalNllGrid';
  const given = options !== null && typeof options === 'object' ? options.constant : undefined;
  const constant = given === undefined ? 'include' : checkOneOf(fn, 'constant', given, ['include', 'drop'] as const);
  const grid = logLikelihoodGrid(fn, data, options, constant);
  const nll = grid.z;
  for (let k = 0; k < nll.length; k++) nll[k] = -(nll[k] as number);
  return { mu: grid.mu, logSigma: grid.logSigma, nll };
}
