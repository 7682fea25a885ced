// One-dimensional Gaussian smoothing (and Gaussian-derivative filtering for edges) with
// scipy.ndimage.gaussian_filter1d's kernel, boundary modes and operation order.

import { checkFinite, checkFiniteData, checkInteger, checkOneOf, checkOptions, describe } from '../internal/validate.ts';

/** How the signal is extended past its ends (scipy.ndimage `mode`), for a signal a b c d. */
export type GaussianFilterMode =
  /** d c b a | a b c d | d c b a — half-sample symmetric (scipy's default). */
  | 'reflect'
  /** d c b | a b c d | c b a — whole-sample symmetric. */
  | 'mirror'
  /** a a a | a b c d | d d d — the edge value repeated. */
  | 'nearest'
  /** k k k | a b c d | k k k — a constant `cval`. */
  | 'constant'
  /** b c d | a b c d | a b c — periodic. */
  | 'wrap';

/** Options of {@link gaussianFilter1d}. */
export interface GaussianFilterOptions {
  /** Derivative order of the Gaussian (0 smooths, 1 is the first derivative for edges, …). Default 0. */
  order?: number;
  /** Boundary extension. Default 'reflect'. */
  mode?: GaussianFilterMode;
  /** Value outside the signal for mode 'constant'. Default 0. */
  cval?: number;
  /** The kernel reaches truncate·sigma on each side: radius = ⌊truncate·sigma + 0.5⌋. Default 4. */
  truncate?: number;
  /** Kernel radius, overriding truncate (scipy's `radius`). */
  radius?: number;
  /** A Float64Array of the signal's length to write into. */
  out?: Float64Array;
}

/** Options of {@link gaussianKernel1d}. */
export interface GaussianKernelOptions {
  /** Derivative order. Default 0. */
  order?: number;
  /** Radius = ⌊truncate·sigma + 0.5⌋ unless `radius` is given. Default 4. */
  truncate?: number;
  /** Kernel radius r (the kernel has 2r + 1 taps). */
  radius?: number;
}

/** Every boundary mode (for validation; not exported from the package). */
export const GAUSSIAN_FILTER_MODES: readonly GaussianFilterMode[] = ['reflect', 'mirror', 'nearest', 'constant', 'wrap'];

/**
 * The sampled Gaussian kernel (or its derivative) used by {@link gaussianFilter1d}, as a convolution kernel.
 *
 * Order 0: φ(x) = exp(−x²/(2σ²)) at x = −r … r, normalised to sum 1. Order m: q_m(x)·φ(x), where the
 * polynomial q is built by q ← q′ − (x/σ²)·q, m times from q = 1 (so order 1 gives −x/σ²·φ).
 * Ports `scipy.ndimage._filters._gaussian_kernel1d`.
 *
 * @param sigma - Standard deviation σ > 0 in samples.
 * @param options - order = 0, truncate = 4, radius.
 * @returns The 2r + 1 taps, from x = −r to x = r.
 * @throws {RangeError} If sigma is not a finite number > 0, or order, truncate or radius is invalid.
 * @example
 * gaussianKernel1d(1, { radius: 1 }); // => Float64Array [0.274068619061197, 0.45186276187760605, 0.274068619061197]
 */
export function gaussianKernel1d(sigma: number, options: GaussianKernelOptions = {}): Float64Array {
  const fn = 'gaussianKernel1d';
  checkOptions(fn, options);
  const s = checkFinite(fn, 'sigma', sigma);
  if (!(s > 0)) throw new RangeError(`${fn}: sigma must be a finite number greater than 0, got ${describe(sigma)}`);
  const order = checkInteger(fn, 'order', options.order ?? 0, 0, 16);
  return kernel(s, order, kernelRadius(fn, s, options));
}

function kernelRadius(fn: string, sigma: number, options: { truncate?: number; radius?: number }): number {
  if (options.radius !== undefined) return checkInteger(fn, 'radius', options.radius, 0, 1e7);
  const truncate = checkFinite(fn, 'truncate', options.truncate ?? 4);
  if (truncate < 0) throw new RangeError(`${fn}: truncate must be ≥ 0, got ${truncate}`);
  const radius = Math.floor(truncate * sigma + 0.5);
  if (radius > 1e7) throw new RangeError(`${fn}: the kernel radius ⌊truncate·sigma + 0.5⌋ = ${radius} exceeds 1e7 taps per side`);
  return radius;
}

function kernel(sigma: number, order: number, radius: number): Float64Array {
  const size = 2 * radius + 1;
  const phi = new Float64Array(size);
  const sigma2 = sigma * sigma;
  let total = 0;
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    // scipy: np.exp(-0.5 / sigma2 * x ** 2), the square taken first.
    const v = Math.exp((-0.5 / sigma2) * (x * x));
    phi[i] = v;
    total += v;
  }
  for (let i = 0; i < size; i++) phi[i] = (phi[i] as number) / total;
  if (order === 0) return phi;
  // q holds the polynomial's coefficients (q[j] multiplies x^j); D·q = q′ and P·q = −x·q/σ².
  let q = new Float64Array(order + 1);
  q[0] = 1;
  for (let step = 0; step < order; step++) {
    const next = new Float64Array(order + 1);
    for (let j = 0; j <= order; j++) {
      const derivative = j + 1 <= order ? (j + 1) * (q[j + 1] as number) : 0;
      const shifted = j >= 1 ? -(q[j - 1] as number) / sigma2 : 0;
      next[j] = derivative + shifted;
    }
    q = next;
  }
  for (let i = 0; i < size; i++) {
    const x = i - radius;
    let poly = 0;
    let power = 1;
    for (let j = 0; j <= order; j++) {
      poly += (q[j] as number) * power;
      power *= x;
    }
    phi[i] = poly * (phi[i] as number);
  }
  return phi;
}

/** Index into the signal for a position past its ends, per mode; −1 for 'constant' outside. */
function extendIndex(i: number, n: number, mode: GaussianFilterMode): number {
  if (i >= 0 && i < n) return i;
  switch (mode) {
    case 'reflect': {
      const period = 2 * n;
      const m = ((i % period) + period) % period;
      return m < n ? m : period - 1 - m;
    }
    case 'mirror': {
      if (n === 1) return 0;
      const period = 2 * n - 2;
      const m = ((i % period) + period) % period;
      return m < n ? m : period - m;
    }
    case 'nearest':
      return i < 0 ? 0 : n - 1;
    case 'wrap':
      return ((i % n) + n) % n;
    case 'constant':
      return -1;
  }
}

/**
 * Smooths a signal with a sampled Gaussian (or filters it with a Gaussian derivative), as
 * scipy.ndimage.gaussian_filter1d.
 *
 * Formula: y_i = Σ_{j=−r}^{r} k_j·x_{i−j} with the kernel k of {@link gaussianKernel1d}
 * (radius r = ⌊truncate·σ + 0.5⌋), the signal extended past its ends by `mode`. Symmetric kernels
 * are applied as k_0·x_i + Σ_j k_j·(x_{i−j} + x_{i+j}) (antisymmetric ones with a difference), in
 * scipy's order, so results agree to the last bits. σ = 0 with order 0 returns a copy (the limit).
 * Ports `scipy.ndimage.gaussian_filter1d` (`correlate1d` with the reversed kernel).
 *
 * @param signal - Finite samples (at least one).
 * @param sigma - Standard deviation σ ≥ 0 in samples (0 only for order 0).
 * @param options - order = 0, mode = 'reflect', cval = 0, truncate = 4, radius, out.
 * @returns The filtered signal (same length).
 * @throws {RangeError} If the signal is empty or non-finite, sigma is negative or not finite, or an option is invalid.
 * @throws {TypeError} If the signal is not an array of numbers.
 * @example
 * gaussianFilter1d([1, 2, 3, 4, 5], 1); // => Float64Array [1.4270409503911736, 2.0678220347792573, 3, 3.932177965220743, 4.572959049608827]
 */
export function gaussianFilter1d(signal: ArrayLike<number>, sigma: number, options: GaussianFilterOptions = {}): Float64Array {
  const fn = 'gaussianFilter1d';
  checkOptions(fn, options);
  const n = checkFiniteData(fn, signal, 'signal');
  const s = checkFinite(fn, 'sigma', sigma);
  if (s < 0) throw new RangeError(`${fn}: sigma must be ≥ 0, got ${s}`);
  const order = checkInteger(fn, 'order', options.order ?? 0, 0, 16);
  const mode = checkOneOf(fn, 'mode', options.mode ?? 'reflect', GAUSSIAN_FILTER_MODES);
  const cval = checkFinite(fn, 'cval', options.cval ?? 0);
  const out = options.out ?? new Float64Array(n);
  if (!(out instanceof Float64Array) || out.length !== n) {
    throw new RangeError(`${fn}: out must be a Float64Array of the signal's length (${n})`);
  }
  if (s === 0) {
    if (order !== 0) throw new RangeError(`${fn}: sigma must be greater than 0 for a derivative (order ${order})`);
    for (let i = 0; i < n; i++) out[i] = signal[i] as number;
    return out;
  }
  const k = kernel(s, order, kernelRadius(fn, s, options));
  const r = (k.length - 1) / 2;
  // The extended line: r samples of boundary on each side, then the signal.
  const line = new Float64Array(n + 2 * r);
  for (let i = -r; i < n + r; i++) {
    const src = extendIndex(i, n, mode);
    line[i + r] = src < 0 ? cval : (signal[src] as number);
  }
  // scipy correlates with the reversed kernel w_j = k_{r−j}; its symmetry test uses DBL_EPSILON.
  let symmetry = 0;
  if (r > 0) {
    symmetry = 1;
    for (let j = 1; j <= r; j++) {
      if (Math.abs((k[r + j] as number) - (k[r - j] as number)) > Number.EPSILON) {
        symmetry = 0;
        break;
      }
    }
    if (symmetry === 0) {
      symmetry = -1;
      for (let j = 1; j <= r; j++) {
        if (Math.abs((k[r + j] as number) + (k[r - j] as number)) > Number.EPSILON) {
          symmetry = 0;
          break;
        }
      }
    }
  }
  // In scipy's terms fw[jj] = w[r + jj] = k[r − jj], and output i reads line[i + r + jj].
  for (let i = 0; i < n; i++) {
    const c = i + r;
    let acc: number;
    if (symmetry > 0) {
      acc = (line[c] as number) * (k[r] as number);
      for (let jj = -r; jj < 0; jj++) acc += ((line[c + jj] as number) + (line[c - jj] as number)) * (k[r - jj] as number);
    } else if (symmetry < 0) {
      acc = (line[c] as number) * (k[r] as number);
      for (let jj = -r; jj < 0; jj++) acc += ((line[c + jj] as number) - (line[c - jj] as number)) * (k[r - jj] as number);
    } else {
      acc = (line[c + r] as number) * (k[0] as number);
      for (let jj = -r; jj < r; jj++) acc += (line[c + jj] as number) * (k[r - jj] as number);
    }
    out[i] = acc;
  }
  return out;
}
