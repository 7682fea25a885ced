// seaborn `kdeplot`'s density curve: its support grid (seaborn/_statistics.py `KDE._define_support_grid`)
// evaluated exactly (scipy `gaussian_kde`) or by linear binning + FFT convolution for large samples
// (M. P. Wand, "Fast computation of multivariate kernel estimators", JCGS 3(4), 1994; Wand & Jones,
// "Kernel Smoothing", 1995, appendix D).

import { exponentOf, ldexp } from '../internal/scale.ts';
import { checkInteger, checkOneOf, checkOptions, describe } from '../internal/validate.ts';
import { fftConvolve } from '../signal/fft.ts';
import { kdeBandwidthOf, kdeExactAt, type KdeBandwidth } from './kde.ts';

/** 'exact' sums every kernel, 'binned' bins then convolves, 'auto' picks by sample size. */
export type KdeGridMethod = 'exact' | 'binned' | 'auto';

/** Options of `kdeGrid`. */
export interface KdeGridOptions {
  /** Number of grid points (seaborn's `gridsize`). Default 200. */
  gridSize?: number;
  /** The grid extends `cut` bandwidths beyond the data's min and max (seaborn's `cut`). Default 3. */
  cut?: number;
  /** 'scott' (default), 'silverman' or a factor (seaborn's `bw_method`). */
  bandwidth?: KdeBandwidth;
  /** Multiplies the factor (seaborn's `bw_adjust`). Default 1. */
  bwAdjust?: number;
  /** 'auto' (default): 'binned' when n > 2000, else 'exact'. */
  method?: KdeGridMethod;
}

/** The result of `kdeGrid`. */
export interface KdeGrid {
  /** The support grid, gridSize points from min − cut·h to max + cut·h. */
  x: Float64Array;
  /** The density at each grid point. */
  density: Float64Array;
  /** The method that was used. */
  method: 'exact' | 'binned';
  /** The kernel standard deviation h. */
  bandwidth: number;
  /** The bandwidth factor (after `bwAdjust`). */
  factor: number;
}

/** Above this many points 'auto' bins: an exact grid costs n·gridSize exponentials. */
export const KDE_BINNED_THRESHOLD = 2000;

/**
 * Fine-grid spacing as a fraction of the bandwidth, τ = Δ/h. With linear binning the density error
 * is at most 0.2135·τ²·e^(2.25τ²)·max f (see `kdeGrid`), 5.4e-4·max f at τ = 1/20.
 */
const BIN_SPACING_OVER_BANDWIDTH = 1 / 20;
/** The kernel is sampled to ±9h, where it is e^(−40.5) ≈ 2.6e-18 of its peak. */
const KERNEL_REACH = 9;
/** Largest fine grid 'binned' will use; 'auto' falls back to 'exact' past it. */
const MAX_FINE_GRID = 1 << 22;

/**
 * The density curve seaborn's `kdeplot(x)` draws: a Gaussian KDE (scipy `gaussian_kde`) evaluated
 * on `numpy.linspace(min − cut·h, max + cut·h, gridSize)`, h the kernel standard deviation.
 *
 * 'exact' evaluates every kernel at every grid point (n·gridSize exponentials). 'binned' is the
 * linear-binning estimator: the data are spread onto a fine grid of spacing Δ ≤ h/20 that contains
 * the output grid (each point split between its two neighbours in proportion to closeness), and
 * the binned weights are convolved with the sampled kernel by FFT, O(n + M log M).
 *
 * Error bound of 'binned', relative to the KDE's maximum over all x (a coarse grid may show less
 * than that maximum): at a grid point y, binning replaces
 * each kernel K(y − xᵢ) by its linear interpolant between the two fine-grid nodes around xᵢ, so
 * the error is at most (Δ²/8)·sup|K''| over that cell. With z = (y − xᵢ)/h and τ = Δ/h,
 * |K''| = |z² − 1|·φ(z)/h³, |z² − 1|·e^(−z²/2) ≤ 1.146·e^(−z²/4), and shifting z by at most τ
 * costs at most e^(9τ²/4) against e^(−0.9z²/4), which is a Gaussian of width 1.49h. Averaging over
 * the data gives |f̃(y) − f(y)| ≤ 0.2135·τ²·e^(2.25τ²)·f₁.₄₉ₕ(y) ≤ 0.2135·τ²·e^(2.25τ²)·max f,
 * since smoothing f further (f₁.₄₉ₕ = f ⊛ N(0, 1.22h²)) cannot raise its maximum. At τ = 1/20
 * that is 5.4e-4; kernel truncation at ±9h adds < 3e-18 and FFT rounding ~1e-15 (relative to
 * K(0)/max f). The bound holds at every scale: binning and convolution run in units of a power of
 * two near h (exact rescaling), so data of size 1e−300 or 1e300, or offset by 1e12, give the same
 * relative error. The test suite checks ≤ 1e-3 against 'exact' on several shapes of data and on
 * random data at scales 1e−300 … 1e300 (test/density/kde.differential.test.ts).
 *
 * Ports seaborn 0.13 `KDE` (`_define_support_grid`, `_fit` with `bw_adjust`) on scipy's estimator.
 *
 * @param x - The data; at least 2 values, finite, not all equal.
 * @param options - `gridSize` (200), `cut` (3), `bandwidth` ('scott'), `bwAdjust` (1), `method` ('auto').
 * @returns `{ x, density, method, bandwidth, factor }`.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} As `gaussianKde`; if `gridSize` is not an integer ≥ 2, `cut` or `bwAdjust`
 *   is not a finite number (≥ 0, > 0), `method` is unknown, or 'binned' would need a fine grid of
 *   more than 2**22 points (a bandwidth tiny next to the data range: use 'exact').
 * @example
 * const { x, density } = kdeGrid([1, 2, 3, 4, 5], { gridSize: 5, cut: 0 });
 * x; // => Float64Array [1, 2, 3, 4, 5]
 * density[2]; // => 0.1951493524376492
 */
export function kdeGrid(x: ArrayLike<number>, options: KdeGridOptions = {}): KdeGrid {
  const fn = 'kdeGrid';
  checkOptions(fn, options);
  const gridSize = checkInteger(fn, 'gridSize', options.gridSize ?? 200, 2, 10_000_000);
  const cut = options.cut ?? 3;
  if (typeof cut !== 'number' || !Number.isFinite(cut) || cut < 0) {
    throw new RangeError(`${fn}: cut must be a finite number ≥ 0, got ${describe(cut)}`);
  }
  const bwAdjust = options.bwAdjust ?? 1;
  if (typeof bwAdjust !== 'number' || !Number.isFinite(bwAdjust) || bwAdjust <= 0) {
    throw new RangeError(`${fn}: bwAdjust must be a finite number > 0, got ${describe(bwAdjust)}`);
  }
  const requested = checkOneOf<KdeGridMethod>(fn, 'method', options.method ?? 'auto', ['exact', 'binned', 'auto']);
  const { n, min, max, factor, bandwidth } = kdeBandwidthOf(fn, x, options.bandwidth ?? 'scott', bwAdjust);

  // seaborn: np.linspace(x.min() − bw·cut, x.max() + bw·cut, gridsize).
  const lo = min - bandwidth * cut;
  const hi = max + bandwidth * cut;
  const grid = new Float64Array(gridSize);
  const step = (hi - lo) / (gridSize - 1);
  for (let j = 0; j < gridSize; j++) grid[j] = j * step + lo;
  grid[gridSize - 1] = hi;

  const refine = Math.max(1, Math.ceil(step / (bandwidth * BIN_SPACING_OVER_BANDWIDTH)));
  const fineSize = (gridSize - 1) * refine + 1;
  let method: 'exact' | 'binned';
  if (requested === 'auto') method = n > KDE_BINNED_THRESHOLD && fineSize <= MAX_FINE_GRID ? 'binned' : 'exact';
  else method = requested;
  if (method === 'binned' && fineSize > MAX_FINE_GRID) {
    throw new RangeError(
      `${fn}: method 'binned' would need a fine grid of ${fineSize} points (more than ${MAX_FINE_GRID}) because the bandwidth (${bandwidth}) is tiny next to the data range; use method 'exact'`,
    );
  }

  const density = new Float64Array(gridSize);
  if (method === 'exact') {
    const data = new Float64Array(x);
    for (let j = 0; j < gridSize; j++) density[j] = kdeExactAt(data, grid[j] as number, bandwidth);
  } else {
    binnedDensity(x, lo, hi, gridSize, fineSize, refine, bandwidth, density);
  }
  return { x: grid, density, method, bandwidth, factor };
}

/**
 * Linear binning of `x` onto the fine grid lo + k·Δ (k = 0 … fineSize − 1, Δ = (hi − lo)/(fineSize − 1)),
 * FFT convolution with the sampled kernel, and every `refine`-th value written to `out`.
 *
 * Everything runs in units of 2^e ≈ h (an exact power-of-two rescaling), so the bin positions,
 * the kernel and the convolution are the same numbers whether the data are of size 1e−300, 1 or
 * 1e300; only the final normalisation 1/(n·h·√(2π)) carries the scale.
 */
function binnedDensity(
  x: ArrayLike<number>,
  lo: number,
  hi: number,
  gridSize: number,
  fineSize: number,
  refine: number,
  h: number,
  out: Float64Array,
): void {
  const n = x.length;
  const e = exponentOf(h);
  const hs = ldexp(h, -e);
  const delta = ldexp(hi - lo, -e) / (gridSize - 1) / refine;
  const weights = new Float64Array(fineSize);
  const last = fineSize - 2;
  for (let i = 0; i < n; i++) {
    const t = ldexp((x[i] as number) - lo, -e) / delta;
    let k = Math.floor(t);
    // The data lie inside the grid; the clamps only absorb rounding at its two ends.
    if (k < 0) k = 0;
    else if (k > last) k = last;
    const w = t - k;
    weights[k] = (weights[k] as number) + (1 - w);
    weights[k + 1] = (weights[k + 1] as number) + w;
  }
  // Kernel e^(−z²/2) at z = jΔ/h for |j| ≤ reach; beyond it the kernel is below 3e-18 of its peak.
  const reach = Math.min(fineSize - 1, Math.ceil((KERNEL_REACH * hs) / delta));
  const kernel = new Float64Array(2 * reach + 1);
  for (let j = -reach; j <= reach; j++) {
    const z = (j * delta) / hs;
    kernel[j + reach] = Math.exp(-0.5 * z * z);
  }
  const conv = fftConvolve(weights, kernel);
  // 1/(n·h·√(2π)) = 2^(−e)/(n·hs·√(2π)), applied after the scale-free convolution.
  const norm = 1 / (n * hs * Math.sqrt(2 * Math.PI));
  for (let j = 0; j < out.length; j++) {
    // FFT rounding can leave values of order −1e-17 where the density is 0.
    const v = conv[j * refine + reach] as number;
    out[j] = v > 0 ? ldexp(v * norm, -e) : 0;
  }
}
