// Edge detection in one dimension with a derivative of Gaussian: smooth and differentiate in one
// filter, then keep the strong local maxima of the response's magnitude (the 1-D core of Canny's method).

import { checkFinite, checkFiniteData, checkOneOf, checkOptions, describe } from '../internal/validate.ts';
import { GAUSSIAN_FILTER_MODES, gaussianFilter1d, type GaussianFilterMode } from './gaussian-filter.ts';

/** Options of {@link gaussianEdges}. */
export interface GaussianEdgesOptions {
  /** An edge must reach this fraction of the strongest response, in [0, 1]. Default 0.5. */
  threshold?: number;
  /** Boundary extension of the filter (scipy.ndimage `mode`). Default 'reflect'. */
  mode?: GaussianFilterMode;
  /** The kernel reaches truncate·sigma on each side. Default 4. */
  truncate?: number;
}

/** The result of {@link gaussianEdges}. */
export interface GaussianEdges {
  /** The derivative-of-Gaussian response: `gaussianFilter1d(signal, sigma, { order: 1 })`. */
  response: Float64Array;
  /** |response|: the edge strength at every sample, whose strong local maxima are the edges. */
  magnitude: Float64Array;
  /** The sample indices of the edges, ascending. */
  edges: Float64Array;
  /** The response at each edge (its sign says whether the signal rises or falls there). */
  strength: Float64Array;
  /** The height an edge had to reach: threshold · max |response|. */
  height: number;
}

/**
 * Finds the edges of a 1-D signal with a derivative of Gaussian, as
 * `d = scipy.ndimage.gaussian_filter1d(signal, sigma, order=1)` followed by
 * `scipy.signal.find_peaks(np.abs(d), height=threshold * np.abs(d).max())`.
 *
 * Convolving with the Gaussian's derivative smooths and differentiates in one step, so a jump in the
 * signal becomes a peak of |d| whose width is about σ while the noise is averaged away. An edge is a
 * local maximum of |d| (a flat top counts once, at its middle, rounded down; the first and last samples
 * never count) that reaches `threshold` times the largest |d|. A small σ keeps edges sharp but lets
 * noise through as false edges; a large σ suppresses the noise and blurs nearby edges together.
 *
 * @param signal - Finite samples (at least one).
 * @param sigma - Standard deviation σ > 0 of the Gaussian, in samples.
 * @param options - threshold = 0.5, mode = 'reflect', truncate = 4.
 * @returns The response, the edge indices, their signed strengths and the height used.
 * @throws {RangeError} If the signal is empty or not finite, sigma is not > 0, or threshold is outside [0, 1].
 * @throws {TypeError} If the signal is not an array of numbers.
 * @example
 * const step = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1];
 * gaussianEdges(step, 1).edges; // => Float64Array [4] (the jump lies between samples 4 and 5)
 */
export function gaussianEdges(signal: ArrayLike<number>, sigma: number, options: GaussianEdgesOptions = {}): GaussianEdges {
  const fn = 'gaussianEdges';
  checkOptions(fn, options);
  const s = checkFinite(fn, 'sigma', sigma);
  if (!(s > 0)) throw new RangeError(`${fn}: sigma must be a finite number greater than 0, got ${describe(sigma)}`);
  const threshold = checkFinite(fn, 'threshold', options.threshold ?? 0.5);
  if (threshold < 0 || threshold > 1) throw new RangeError(`${fn}: threshold must be from 0 to 1, got ${threshold}`);
  checkFiniteData(fn, signal, 'signal');
  const mode = checkOneOf(fn, 'mode', options.mode ?? 'reflect', GAUSSIAN_FILTER_MODES);
  const truncate = checkFinite(fn, 'truncate', options.truncate ?? 4);
  if (truncate < 0) throw new RangeError(`${fn}: truncate must be ≥ 0, got ${truncate}`);
  const response = gaussianFilter1d(signal, s, { order: 1, mode, truncate });
  const n = response.length;
  const magnitude = new Float64Array(n);
  let largest = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.abs(response[i] as number);
    magnitude[i] = v;
    if (v > largest) largest = v;
  }
  const height = threshold * largest;
  const edges: number[] = [];
  // scipy.signal._peak_finding_utils._local_maxima_1d: a rise, an optional plateau, then a fall.
  let i = 1;
  while (i < n - 1) {
    const here = magnitude[i] as number;
    if ((magnitude[i - 1] as number) < here) {
      let ahead = i + 1;
      while (ahead < n - 1 && magnitude[ahead] === here) ahead++;
      if ((magnitude[ahead] as number) < here) {
        const peak = (i + ahead - 1) >> 1;
        if (here >= height) edges.push(peak);
        i = ahead;
        continue;
      }
    }
    i++;
  }
  return {
    response,
    magnitude,
    edges: Float64Array.from(edges),
    strength: Float64Array.from(edges, (j) => response[j] as number),
    height,
  };
}
