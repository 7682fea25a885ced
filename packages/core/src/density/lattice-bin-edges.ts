// Histogram bins for data that only take the values origin + j·step (counts, means of k coin
// flips, prices in cents): seaborn's `histplot(discrete=True)` bins (seaborn/_statistics.py,
// `Histogram._define_bin_edges`: `np.arange(start - .5, stop + 1.5)`) for any spacing, with lattice
// values grouped g to a bin when there are more of them than `maxBins`.

import { checkFinite, checkFiniteExtent, checkInteger, checkPositive, describe } from '../internal/validate.ts';

/** Options of {@link latticeBinEdges}. */
export interface LatticeBinEdgesOptions {
  /** Spacing of the lattice, a finite number > 0: the data take the values origin + j·step, j an integer. */
  step: number;
  /** One point of the lattice, a finite number. Default 0. */
  origin?: number;
  /**
   * Most bins, an integer from 1 to 10,000,000. Default 10,000,000: one bin per lattice value for any
   * data that could be drawn as bars.
   */
  maxBins?: number;
}

/** Upper bound on the bin count (as `histogram`'s), so a typo cannot allocate gigabytes. */
const MAX_BINS = 10_000_000;
/** How far from its lattice point a value may sit, in steps, on top of its own rounding. */
const LATTICE_TOLERANCE = 1e-6;
/**
 * Largest (|x| + |origin|)/step. Below it the rounding of the values and of the edges stays under
 * 2⁻¹⁰ steps, far from the half step between a lattice value and its bin's edges.
 */
const MAX_LATTICE_INDEX = 2 ** 40;

/**
 * Bin edges for data on a lattice origin + j·step: each bin is centred on a run of g consecutive
 * lattice values, so no bin is empty merely because it fell between two values the data can take.
 *
 * Method: the data span the lattice indices first … last (j = round((x − origin)/step) at the
 * minimum and the maximum), V = last − first + 1 values. With g = ⌈V / maxBins⌉ values per bin
 * and B = ⌈V / g⌉ ≤ maxBins bins, edge i is origin + (first + i·g − ½)·step for i = 0 … B, halfway
 * between two lattice values; the last bin may reach past the data (V not a multiple of g). When
 * V ≤ maxBins (g = 1) and step = 1 these are seaborn's `histplot(discrete=True)` edges,
 * `np.arange(x.min() - 0.5, x.max() + 1.5)`. numpy: `j = np.round((x - origin) / step)`,
 * `edges = origin + (j.min() + g * np.arange(B + 1) - 0.5) * step`; count with
 * `histogram(x, { bins: edges })` (`np.histogram(x, bins=edges)`). Empty data give the one bin
 * around origin.
 *
 * @param x - The data: finite numbers on the lattice (within 10⁻⁶ steps plus their rounding); may be empty.
 * @param options - `step` (required), `origin` (default 0), `maxBins` (default 10,000,000).
 * @returns The B + 1 edges, strictly increasing; every lattice value from the data's minimum to its
 *   maximum lies strictly inside a bin.
 * @throws {TypeError} If `x` is not an array of numbers or `options` is not an object.
 * @throws {RangeError} If `x` holds NaN or ±Infinity or a value off the lattice; `step` is not a
 *   finite number > 0; `origin` is not finite; `maxBins` is not an integer from 1 to 10,000,000; or
 *   the step is too small for the size of the values (|x| + |origin| must be at most 2⁴⁰·step).
 * @example
 * // Means of 5 coin flips take the values 0, 0.2, …, 1:
 * latticeBinEdges([0.2, 0.4, 0.4, 1], { step: 0.2 }); // => Float64Array [0.1, 0.30000000000000004, 0.5, 0.7000000000000001, 0.9, 1.1]
 * latticeBinEdges([0.2, 0.4, 0.4, 1], { step: 0.2, maxBins: 2 }); // => Float64Array [0.1, 0.7000000000000001, 1.3]
 * histogram([0.2, 0.4, 0.4, 1], { bins: latticeBinEdges([0.2, 0.4, 0.4, 1], { step: 0.2 }) }).counts; // => Float64Array [1, 2, 0, 0, 1]
 */
export function latticeBinEdges(x: ArrayLike<number>, options: LatticeBinEdgesOptions): Float64Array {
  const fn = 'latticeBinEdges';
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { step, origin?, maxBins? }, got ${describe(options)}`);
  }
  const step = checkPositive(fn, 'step', options.step);
  const origin = options.origin === undefined ? 0 : checkFinite(fn, 'origin', options.origin);
  const maxBins = checkInteger(fn, 'maxBins', options.maxBins ?? MAX_BINS, 1, MAX_BINS);
  const { n, min, max } = checkFiniteExtent(fn, x, 'x', 0);
  const size = (n === 0 ? 0 : Math.max(-min, max)) + Math.abs(origin);
  if (size / step > MAX_LATTICE_INDEX) {
    throw new RangeError(
      `${fn}: step (${step}) is too small for values of magnitude ${size}: |x| + |origin| must be at most 2^40·step, so that the lattice is resolved in double precision`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const r = (v - origin) / step;
    const off = Math.abs(r - Math.round(r));
    // The rounding of v and of origin, in steps, on top of the tolerance.
    if (off > LATTICE_TOLERANCE + (4 * Number.EPSILON * (Math.abs(v) + Math.abs(origin))) / step) {
      throw new RangeError(
        `${fn}: x[${i}] = ${v} is ${off.toPrecision(3)} steps from the nearest lattice value origin + j·step (origin ${origin}, step ${step}); the values must lie on the lattice (use histogram for continuous data)`,
      );
    }
  }
  const first = n === 0 ? 0 : Math.round((min - origin) / step);
  const last = n === 0 ? 0 : Math.round((max - origin) / step);
  const values = last - first + 1;
  const group = Math.ceil(values / maxBins);
  const bins = Math.ceil(values / group);
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i <= bins; i++) edges[i] = origin + (first + i * group - 0.5) * step;
  return edges;
}
