import { LN_2PI } from '../internal/constants.ts';
import { type GridAxis, gridAxisPoints } from '../internal/grid-axis.ts';
import { checkArrayLike, checkPositive, describe } from '../internal/validate.ts';

/**
 * A covariance matrix: nested rows (`[[1, 0.5], [0.5, 1]]`, as numpy) or a flat row-major array of
 * length d².
 */
export type CovarianceMatrix = ArrayLike<ArrayLike<number>> | ArrayLike<number>;

/** Options of {@link multivariateNormalGrid}. */
export interface MultivariateNormalGridOptions {
  /** The mean (μx, μy). */
  mean: ArrayLike<number>;
  /** The 2×2 covariance, symmetric positive definite. */
  cov: CovarianceMatrix;
  /** The x axis: `numpy.linspace(x.min, x.max, x.n)`. */
  x: GridAxis;
  /** The y axis: `numpy.linspace(y.min, y.max, y.n)`. */
  y: GridAxis;
}

/** A density surface on a grid, for contour and surface plots. */
export interface MultivariateNormalGrid {
  /** The x coordinates (length nx). */
  x: Float64Array;
  /** The y coordinates (length ny). */
  y: Float64Array;
  /** Densities, row-major with one row per y: z[j·nx + i] = pdf(x[i], y[j]) (numpy `meshgrid` order). */
  z: Float64Array;
}

// scipy's `_PSD` treats eigenvalues ≤ 1e6·ε·max|λ| as zero and then rejects the matrix as singular;
// the same relative cutoff is applied here to the Cholesky pivots.
const SINGULAR_CUTOFF = 1e6 * Number.EPSILON;
const SYMMETRY_TOLERANCE = 1e-12;

/** A validated covariance: its lower Cholesky factor (row-major d×d) and log-determinant. */
interface CholeskyFactor {
  d: number;
  lower: Float64Array;
  logDet: number;
}

function readCovariance(fn: string, cov: CovarianceMatrix, d: number): Float64Array {
  const rows = checkArrayLike(fn, 'cov', cov);
  const out = new Float64Array(d * d);
  const first = rows > 0 ? (cov as ArrayLike<unknown>)[0] : undefined;
  if (typeof first === 'number') {
    if (rows !== d * d) {
      throw new RangeError(`${fn}: cov has ${rows} entries; a flat covariance for dimension ${d} needs ${d * d}`);
    }
    for (let k = 0; k < d * d; k++) out[k] = (cov as ArrayLike<number>)[k] as number;
  } else {
    if (rows !== d) throw new RangeError(`${fn}: cov has ${rows} rows; dimension ${d} needs a ${d}×${d} matrix`);
    for (let i = 0; i < d; i++) {
      const row = (cov as ArrayLike<ArrayLike<number>>)[i];
      const len = checkArrayLike(fn, `cov[${i}]`, row);
      if (len !== d) throw new RangeError(`${fn}: cov[${i}] has ${len} entries; a ${d}×${d} matrix needs ${d}`);
      for (let j = 0; j < d; j++) out[i * d + j] = (row as ArrayLike<number>)[j] as number;
    }
  }
  for (let k = 0; k < d * d; k++) {
    const v = out[k] as number;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new RangeError(`${fn}: cov[${Math.floor(k / d)}][${k % d}] is ${describe(v)}; only finite numbers are allowed`);
    }
  }
  return out;
}

/** Cholesky factorisation; throws a RangeError unless `a` is symmetric positive definite. */
function choleskyFactor(fn: string, a: Float64Array, d: number): CholeskyFactor {
  let maxDiagonal = 0;
  for (let i = 0; i < d; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a[i * d + i] as number));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      const aij = a[i * d + j] as number;
      const aji = a[j * d + i] as number;
      if (Math.abs(aij - aji) > SYMMETRY_TOLERANCE * Math.max(Math.abs(aij), Math.abs(aji), maxDiagonal)) {
        throw new RangeError(`${fn}: cov is not symmetric (cov[${i}][${j}] = ${aij}, cov[${j}][${i}] = ${aji}); a covariance matrix must be symmetric`);
      }
    }
  }
  const lower = new Float64Array(d * d);
  let logDet = 0;
  for (let j = 0; j < d; j++) {
    let pivot = a[j * d + j] as number;
    for (let k = 0; k < j; k++) pivot -= (lower[j * d + k] as number) ** 2;
    if (!(pivot > SINGULAR_CUTOFF * maxDiagonal)) {
      throw new RangeError(`${fn}: cov is not positive definite (it is singular or has a negative eigenvalue); a covariance must be symmetric positive definite`);
    }
    const ljj = Math.sqrt(pivot);
    lower[j * d + j] = ljj;
    logDet += 2 * Math.log(ljj);
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j] as number;
      for (let k = 0; k < j; k++) s -= (lower[i * d + k] as number) * (lower[j * d + k] as number);
      lower[i * d + j] = s / ljj;
    }
  }
  return { d, lower, logDet };
}

function readVector(fn: string, name: string, v: ArrayLike<number>, d?: number): Float64Array {
  const n = checkArrayLike(fn, name, v);
  if (n === 0) throw new RangeError(`${fn}: ${name} is empty; at least one dimension is required`);
  if (d !== undefined && n !== d) throw new RangeError(`${fn}: ${name} has ${n} entries but mean has ${d}; they must match`);
  const out = Float64Array.from({ length: n }, (_, i) => v[i] as number);
  return out;
}

/** Squared Mahalanobis distance |L⁻¹(point − mean)|² by forward substitution. */
function mahalanobis2(factor: CholeskyFactor, dev: Float64Array): number {
  const { d, lower } = factor;
  let q = 0;
  for (let i = 0; i < d; i++) {
    let s = dev[i] as number;
    for (let k = 0; k < i; k++) s -= (lower[i * d + k] as number) * (dev[k] as number);
    const u = s / (lower[i * d + i] as number);
    dev[i] = u;
    q += u * u;
  }
  return q;
}

/**
 * The log density of the multivariate normal N(mean, cov) at `point`, in any dimension d.
 *
 * Computes log f = −½·(d·ln 2π + ln det Σ + (x − μ)ᵀ Σ⁻¹ (x − μ)) through the Cholesky factor
 * Σ = L Lᵀ (ln det Σ = 2 Σ ln Lᵢᵢ). Ports `scipy.stats.multivariate_normal.logpdf`.
 *
 * @param point - The point x (length d); a NaN coordinate gives NaN.
 * @param mean - The mean μ (length d), finite.
 * @param cov - The covariance Σ, d×d symmetric positive definite (nested rows or flat row-major).
 * @returns The log density.
 * @throws {TypeError} If an argument is not array-like.
 * @throws {RangeError} If the shapes disagree, an entry of `mean` or `cov` is not finite, or `cov` is
 *   not symmetric positive definite (scipy raises for a singular covariance too).
 * @example
 * multivariateNormalLogPdf([0, 0], [0, 0], [[1, 0.5], [0.5, 1]]); // => -1.6940360301834547
 */
export function multivariateNormalLogPdf(point: ArrayLike<number>, mean: ArrayLike<number>, cov: CovarianceMatrix): number {
  const fn = 'multivariateNormalLogPdf';
  return logPdfAt(fn, point, mean, cov);
}

function logPdfAt(fn: string, point: ArrayLike<number>, mean: ArrayLike<number>, cov: CovarianceMatrix): number {
  const mu = readVector(fn, 'mean', mean);
  const d = mu.length;
  for (let i = 0; i < d; i++) {
    if (!Number.isFinite(mu[i])) throw new RangeError(`${fn}: mean[${i}] is ${describe(mu[i])}; only finite numbers are allowed`);
  }
  const x = readVector(fn, 'point', point, d);
  const factor = choleskyFactor(fn, readCovariance(fn, cov, d), d);
  for (let i = 0; i < d; i++) x[i] = (x[i] as number) - (mu[i] as number);
  return -0.5 * (d * LN_2PI + factor.logDet + mahalanobis2(factor, x));
}

/**
 * The density of the multivariate normal N(mean, cov) at `point`, in any dimension d.
 *
 * Computes f = exp(log f) with log f from {@link multivariateNormalLogPdf}:
 * f(x) = (2π)^(−d/2)·det(Σ)^(−½)·exp(−½ (x − μ)ᵀ Σ⁻¹ (x − μ)). Ports `scipy.stats.multivariate_normal.pdf`.
 *
 * @param point - The point x (length d).
 * @param mean - The mean μ (length d).
 * @param cov - The covariance Σ, d×d symmetric positive definite (nested rows or flat row-major).
 * @returns The density.
 * @throws {TypeError} If an argument is not array-like.
 * @throws {RangeError} If the shapes disagree, an entry is not finite, or `cov` is not positive definite.
 * @example
 * multivariateNormalPdf([0, 0], [0, 0], [[1, 0.5], [0.5, 1]]); // => 0.18377629847393073
 */
export function multivariateNormalPdf(point: ArrayLike<number>, mean: ArrayLike<number>, cov: CovarianceMatrix): number {
  return Math.exp(logPdfAt('multivariateNormalPdf', point, mean, cov));
}

/**
 * The bivariate normal density on a rectangular grid, for contour and surface plots.
 *
 * Computes z[j·nx + i] = f(x[i], y[j]) for x = linspace(x.min, x.max, x.n) and
 * y = linspace(y.min, y.max, y.n), with f the N(mean, cov) density evaluated through the 2×2
 * Cholesky factor (any symmetric positive definite covariance, however correlated). Equals
 * `multivariate_normal(mean, cov).pdf(np.dstack(np.meshgrid(x, y)))`.
 *
 * @param options - `{ mean, cov, x: { min, max, n }, y: { min, max, n } }`.
 * @returns `{ x, y, z }` with z row-major, one row per y value.
 * @throws {TypeError} If `mean` or `cov` is not array-like or an axis is not an object.
 * @throws {RangeError} If `mean` is not 2 finite numbers, `cov` is not a 2×2 symmetric positive definite
 *   matrix, or an axis is invalid (n an integer ≥ 1, max > min when n > 1).
 * @example
 * const g = multivariateNormalGrid({ mean: [0, 0], cov: [[1, 0.5], [0.5, 1]],
 *   x: { min: -3, max: 3, n: 100 }, y: { min: -3, max: 3, n: 100 } });
 * g.z.length; // => 10000
 */
export function multivariateNormalGrid(options: MultivariateNormalGridOptions): MultivariateNormalGrid {
  const fn = 'multivariateNormalGrid';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object { mean, cov, x, y }`);
  const mu = readVector(fn, 'mean', options.mean);
  if (mu.length !== 2) throw new RangeError(`${fn}: mean has ${mu.length} entries; the grid is for 2-D normals, so it needs 2`);
  for (let i = 0; i < 2; i++) {
    if (!Number.isFinite(mu[i])) throw new RangeError(`${fn}: mean[${i}] is ${describe(mu[i])}; only finite numbers are allowed`);
  }
  const factor = choleskyFactor(fn, readCovariance(fn, options.cov, 2), 2);
  const xs = gridAxisPoints(fn, 'x', options.x);
  const ys = gridAxisPoints(fn, 'y', options.y);
  const l11 = factor.lower[0] as number;
  const l21 = factor.lower[2] as number;
  const l22 = factor.lower[3] as number;
  const logNorm = -0.5 * (2 * LN_2PI + factor.logDet);
  const mx = mu[0] as number;
  const my = mu[1] as number;
  const nx = xs.length;
  const ny = ys.length;
  // u1 depends only on x: precompute it once per column.
  const u1 = new Float64Array(nx);
  for (let i = 0; i < nx; i++) u1[i] = ((xs[i] as number) - mx) / l11;
  const z = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const dy = (ys[j] as number) - my;
    const row = j * nx;
    for (let i = 0; i < nx; i++) {
      const a = u1[i] as number;
      const b = (dy - l21 * a) / l22;
      z[row + i] = Math.exp(logNorm - 0.5 * (a * a + b * b));
    }
  }
  return { x: xs, y: ys, z };
}

/**
 * The 2 × 2 covariance matrix of a bivariate normal from its standard deviations and correlation.
 *
 * Formula: Σ = [[σ₁², ρσ₁σ₂], [ρσ₁σ₂, σ₂²]], row-major — what {@link multivariateNormalPdf} and
 * {@link multivariateNormalGrid} take as `cov`. numpy: `np.array([[s1**2, r*s1*s2], [r*s1*s2, s2**2]])`.
 *
 * @param sigma1 - Standard deviation of the first variable, a finite number > 0.
 * @param sigma2 - Standard deviation of the second, a finite number > 0.
 * @param rho - The correlation, strictly between −1 and 1 (|ρ| = 1 is singular).
 * @returns Float64Array [σ₁², ρσ₁σ₂, ρσ₁σ₂, σ₂²].
 * @throws {RangeError} If a σ is not a finite number > 0 or ρ is not in (−1, 1).
 * @example
 * bivariateNormalCovariance(1, 2, 0.3); // => Float64Array [1, 0.6, 0.6, 4]
 */
export function bivariateNormalCovariance(sigma1: number, sigma2: number, rho: number): Float64Array {
  const fn = 'bivariateNormalCovariance';
  checkPositive(fn, 'sigma1', sigma1);
  checkPositive(fn, 'sigma2', sigma2);
  if (typeof rho !== 'number' || !(rho > -1 && rho < 1)) {
    throw new RangeError(`${fn}: rho must be a number strictly between −1 and 1, got ${describe(rho)}`);
  }
  const covariance = rho * sigma1 * sigma2;
  return Float64Array.of(sigma1 * sigma1, covariance, covariance, sigma2 * sigma2);
}
