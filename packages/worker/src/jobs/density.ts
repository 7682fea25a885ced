// Densities for the "density and joint density" section: the normal pdf with an interval's probability,
// and the bivariate normal on a grid. Every number comes from @mle-lab/core.
import {
  bivariateNormalCovariance,
  linspace,
  multivariateNormalGrid,
  multivariateNormalPdf,
  normalCdf,
  normalIntervalProbability,
  normalPdf,
  normalPdfArray,
} from '@mle-lab/core';
import { withTransfer } from '../transfer.ts';

/** The normal N(mu, sigma²) and the interval (a, b) whose probability is shaded. */
export interface Density1dSpec {
  mu: number;
  sigma: number;
  a: number;
  b: number;
  /** Points on the curve (a and b are added). Default 401. */
  points?: number;
}

export interface Density1d {
  /** The grid, μ ± 4σ widened to show a and b (up to μ ± 8σ), with a and b themselves on it. */
  x: Float64Array;
  pdf: Float64Array;
  /** The pdf where a ≤ x ≤ b, NaN elsewhere: the shaded area. */
  shaded: Float64Array;
  /** f(μ), the highest value of the density (above 1 when σ < 1/√(2π)). */
  peak: number;
  pdfA: number;
  pdfB: number;
  cdfA: number;
  cdfB: number;
  /** P(a < X < b) = F(b) − F(a). */
  probability: number;
  /** The σ at which f(μ) = 1, i.e. 1/√(2π) = φ(0). */
  unitPeakSigma: number;
}

/** The centred bivariate normal with standard deviations σ₁, σ₂ and correlation ρ. */
export interface JointDensitySpec {
  sigma1: number;
  sigma2: number;
  rho: number;
  /** Grid points per axis. Default 81. */
  gridSize?: number;
}

export interface JointDensity {
  /** Axis points (the same square range ±3.5·max(σ₁, σ₂) on both axes, so shapes are not distorted). */
  x: Float64Array;
  y: Float64Array;
  /** Densities, row-major, one row per y: z[j·nx + i] = f(x[i], y[j]). */
  z: Float64Array;
  /** The covariance matrix [σ₁², ρσ₁σ₂, ρσ₁σ₂, σ₂²], row-major. */
  cov: Float64Array;
  /** f(0, 0), the highest value of the density. */
  peak: number;
}

function finite(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${fn}: ${name} must be a finite number, got ${String(value)}`);
  }
  return value;
}

function positive(fn: string, name: string, value: unknown): number {
  if (finite(fn, name, value) <= 0) throw new RangeError(`${fn}: ${name} must be a finite number greater than 0, got ${String(value)}`);
  return value as number;
}

function gridSize(fn: string, value: unknown, fallback: number, max: number): number {
  const n = value ?? fallback;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 2 || n > max) {
    throw new RangeError(`${fn}: the grid size must be an integer from 2 to ${max}, got ${String(n)}`);
  }
  return n;
}

/** `count` evenly spaced points from `from` to `to` (core's linspace), with the extra points inserted in order. */
function gridWith(from: number, to: number, count: number, extra: readonly number[]): Float64Array {
  const points = Array.from(linspace(from, to, count));
  for (const e of extra) if (e > from && e < to && !points.includes(e)) points.push(e);
  return Float64Array.from(points.toSorted((p, q) => p - q));
}

export const densityJobs = {
  /** The normal pdf on a grid, the probability of (a, b) from the cdf, and f(μ) (density ≠ probability). */
  density1d(spec: Density1dSpec): Density1d {
    const fn = 'density1d';
    const mu = finite(fn, 'mu', spec?.mu);
    const sigma = positive(fn, 'sigma', spec.sigma);
    const a = finite(fn, 'a', spec.a);
    const b = finite(fn, 'b', spec.b);
    if (!(a < b)) throw new RangeError(`${fn}: a (${a}) must be smaller than b (${b})`);
    const count = gridSize(fn, spec.points, 401, 10_001);
    const from = Math.min(mu - 4 * sigma, Math.max(a, mu - 8 * sigma));
    const to = Math.max(mu + 4 * sigma, Math.min(b, mu + 8 * sigma));
    const x = gridWith(from, to, count, [a, b]);
    const pdf = normalPdfArray(x, mu, sigma);
    const shaded = pdf.map((v, i) => ((x[i] as number) >= a && (x[i] as number) <= b ? v : NaN));
    const cdfA = normalCdf(a, mu, sigma);
    const cdfB = normalCdf(b, mu, sigma);
    // Not cdfB − cdfA: above the mean both approach 1 and their difference cancels (core's interval
    // probability takes upper tails from the accurate lower tail).
    const probability = normalIntervalProbability(a, b, mu, sigma);
    return withTransfer({
      x,
      pdf,
      shaded,
      peak: normalPdf(mu, mu, sigma),
      pdfA: normalPdf(a, mu, sigma),
      pdfB: normalPdf(b, mu, sigma),
      cdfA,
      cdfB,
      probability,
      unitPeakSigma: normalPdf(0),
    });
  },

  /** The centred bivariate normal density on a square grid (heat map, contours, surface). */
  jointDensity(spec: JointDensitySpec): JointDensity {
    const fn = 'jointDensity';
    const sigma1 = positive(fn, 'sigma1', spec?.sigma1);
    const sigma2 = positive(fn, 'sigma2', spec.sigma2);
    const rho = finite(fn, 'rho', spec.rho);
    if (!(rho > -1 && rho < 1)) throw new RangeError(`${fn}: rho must be a number strictly between −1 and 1, got ${rho}`);
    const n = gridSize(fn, spec.gridSize, 81, 401);
    const cov = bivariateNormalCovariance(sigma1, sigma2, rho);
    const mean = [0, 0];
    const half = 3.5 * Math.max(sigma1, sigma2);
    const grid = multivariateNormalGrid({ mean, cov, x: { min: -half, max: half, n }, y: { min: -half, max: half, n } });
    return withTransfer({ ...grid, cov, peak: multivariateNormalPdf(mean, mean, cov) });
  },
};
