// Histograms exactly as numpy 2.x: `numpy.histogram` and `numpy.histogram_bin_edges`
// (numpy/lib/_histograms_impl.py: `_get_outer_edges`, `_get_bin_edges`, `_hist_bin_*`, and the
// equal-width fast path of `histogram` with its ±1-ulp index corrections).

import { linearQuantiles } from '../stats/quantile.ts';
import { centredSumOfSquares } from '../stats/variance.ts';
import { neumaierSum } from '../stats/sum.ts';
import { checkArrayLike, checkFiniteExtent, checkInteger, checkOptions, describe } from '../internal/validate.ts';

/** numpy's automatic bin-width rules accepted as `bins`. */
export type HistogramBinRule = 'auto' | 'fd' | 'sturges' | 'sqrt' | 'rice' | 'scott';

/** A bin count, an array of strictly increasing edges, or the name of a numpy bin-width rule. */
export type HistogramBins = number | ArrayLike<number> | HistogramBinRule;

/** Options of `histogramBinEdges`. */
export interface HistogramBinEdgesOptions {
  /** Bin count (default 10), edges, or a rule name (`numpy.histogram_bin_edges`' `bins`). */
  bins?: HistogramBins;
  /** Lower and upper edge; default the data's min and max. Values outside are not counted. */
  range?: readonly [number, number];
}

/** Options of `histogram`. */
export interface HistogramOptions extends HistogramBinEdgesOptions {
  /** When true, `counts` holds count / (n_in_range · bin width), which integrates to 1. Default false. */
  density?: boolean;
}

/** The result of `histogram`. */
export interface Histogram {
  /** The bins + 1 edges, strictly increasing. */
  edges: Float64Array;
  /** Counts per bin (integers stored as doubles), or densities with `density: true`. */
  counts: Float64Array;
}

const RULES: readonly HistogramBinRule[] = ['auto', 'fd', 'sturges', 'sqrt', 'rice', 'scott'];
/** Upper bound on a bin count, so a typo cannot allocate gigabytes. */
const MAX_BINS = 10_000_000;

interface BinEdges {
  edges: Float64Array;
  /** Set for equal-width bins: the fast arithmetic path of numpy applies. */
  equal: boolean;
}

/**
 * The bin edges `histogram` uses, exactly as `numpy.histogram_bin_edges(x, bins, range)`.
 *
 * Outer edges are `range` or the data's min and max, widened to (v − 0.5, v + 0.5) when equal
 * (empty data: 0 and 1). A count gives `linspace(first, last, bins + 1)`. A rule computes a width h
 * from the data inside the range and uses ⌈(last − first)/h⌉ equal bins (1 if h = 0):
 * 'sturges' h = ptp/(log₂n + 1); 'sqrt' h = ptp/√n; 'rice' h = ptp/(2·n^(1/3));
 * 'scott' h = (24√π/n)^(1/3)·σ̂; 'fd' h = 2·IQR·n^(−1/3) (IQR from linear quantiles);
 * 'auto' h = min(max(fd, sqrt/2), sturges).
 *
 * @param x - The data (finite numbers; may be empty).
 * @param options - `bins` (default 10) and `range`.
 * @returns The edges, strictly increasing, length bins + 1.
 * @throws {TypeError} If `x` is not numeric or `bins` has the wrong type.
 * @throws {RangeError} If `x` holds NaN or ±Infinity; `bins` is not a positive integer, a known
 *   rule or strictly increasing finite edges; `range` is not finite with range[0] ≤ range[1]; the
 *   range is too narrow for that many distinct edges; or, for equal-width bins, the range is wider
 *   than the largest double (high − low overflows, e.g. [−1e308, 1e308]; numpy calls this "too
 *   many bins"); explicit edges work there.
 * @example
 * histogramBinEdges([1, 2, 2, 3, 9], { bins: 4 }); // => Float64Array [1, 3, 5, 7, 9]
 * histogramBinEdges([1, 2, 2, 3, 9], { bins: 'sturges' }); // => Float64Array [1, 3, 5, 7, 9]
 */
export function histogramBinEdges(x: ArrayLike<number>, options: HistogramBinEdgesOptions = {}): Float64Array {
  checkOptions('histogramBinEdges', options);
  return binEdgesOf('histogramBinEdges', x, options).edges;
}

/**
 * Counts the data in bins, exactly as `numpy.histogram(x, bins, range, density)`.
 *
 * Bin i holds edges[i] ≤ v < edges[i+1], except the last, which also holds v = edges[last]; values
 * outside the outer edges are not counted. For equal-width bins the index is numpy's arithmetic
 * ⌊(v − first)/(last − first)·bins⌋, then corrected by one against the actual edges, so values on
 * an edge land where numpy puts them. With `density`, counts become cᵢ/(edges[i+1] − edges[i])/Σc.
 *
 * @param x - The data (finite numbers; may be empty unless `density`).
 * @param options - `bins` (default 10), `range`, `density` (default false).
 * @returns `{ edges, counts }`.
 * @throws {TypeError} As `histogramBinEdges`.
 * @throws {RangeError} As `histogramBinEdges`, and for `density` when no value falls in the range.
 * @example
 * histogram([1, 2, 2, 3, 9], { bins: 4 }); // => { edges: Float64Array [1, 3, 5, 7, 9], counts: Float64Array [3, 1, 0, 1] }
 */
export function histogram(x: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const fn = 'histogram';
  checkOptions(fn, options);
  const density = options.density ?? false;
  if (typeof density !== 'boolean') throw new TypeError(`${fn}: density must be true or false, got ${describe(density)}`);
  const { edges, equal } = binEdgesOf(fn, x, options);
  const counts = equal ? countEqualBins(x, edges, options.range === undefined) : countByEdges(x, edges);
  if (density) {
    const total = neumaierSum(counts);
    if (total === 0) {
      throw new RangeError(`${fn}: density is undefined when no value of x falls inside the bins [${edges[0]}, ${edges[edges.length - 1]}]`);
    }
    for (let i = 0; i < counts.length; i++) {
      // numpy: n / db / n.sum(), two divisions in this order.
      counts[i] = (counts[i] as number) / ((edges[i + 1] as number) - (edges[i] as number)) / total;
    }
  }
  return { edges, counts };
}

function binEdgesOf(fn: string, x: ArrayLike<number>, options: HistogramBinEdgesOptions): BinEdges {
  const bins = options.bins ?? 10;
  const { n, min, max } = checkFiniteExtent(fn, x, 'x', 0);
  if (typeof bins === 'number') {
    const count = checkInteger(fn, 'bins', bins, 1, MAX_BINS);
    const [first, last] = outerEdges(fn, options.range, n, min, max);
    return { edges: linspaceEdges(fn, first, last, count), equal: true };
  }
  if (typeof bins === 'string') {
    if (!(RULES as readonly string[]).includes(bins)) {
      throw new RangeError(`${fn}: bins must be a positive integer, an array of edges or one of ${RULES.map((r) => `'${r}'`).join(', ')}, got ${describe(bins)}`);
    }
    const [first, last] = outerEdges(fn, options.range, n, min, max);
    const kept = options.range === undefined ? x : inRange(x, first, last);
    let count = 1;
    if (kept.length > 0) {
      const width = ruleWidth(bins as HistogramBinRule, kept);
      if (width > 0) count = Math.ceil((last - first) / width);
      if (!(count <= MAX_BINS)) {
        throw new RangeError(`${fn}: rule '${bins}' asks for ${count} bins, more than the ${MAX_BINS} allowed`);
      }
    }
    return { edges: linspaceEdges(fn, first, last, count), equal: true };
  }
  const m = checkArrayLike(fn, 'bins', bins);
  if (m < 2) throw new RangeError(`${fn}: bins as an array needs at least 2 edges, got ${m}`);
  const edges = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const e = bins[i];
    if (typeof e !== 'number' || !Number.isFinite(e)) {
      throw new RangeError(`${fn}: bins[${i}] is ${describe(e)}; edges must be finite numbers`);
    }
    if (i > 0 && !(e > (edges[i - 1] as number))) {
      throw new RangeError(`${fn}: bins must be strictly increasing edges, but bins[${i}] = ${e} ≤ bins[${i - 1}] = ${edges[i - 1]}`);
    }
    edges[i] = e;
  }
  if (options.range !== undefined) checkRange(fn, options.range);
  return { edges, equal: false };
}

function checkRange(fn: string, range: readonly [number, number]): [number, number] {
  if (range === null || typeof range !== 'object' || range.length !== 2) {
    throw new TypeError(`${fn}: range must be a pair [low, high], got ${describe(range)}`);
  }
  const [lo, hi] = range;
  if (typeof lo !== 'number' || typeof hi !== 'number' || !Number.isFinite(lo) || !Number.isFinite(hi)) {
    throw new RangeError(`${fn}: range must hold two finite numbers, got [${describe(lo)}, ${describe(hi)}]`);
  }
  if (lo > hi) throw new RangeError(`${fn}: range[0] (${lo}) must not exceed range[1] (${hi})`);
  return [lo, hi];
}

/** numpy `_get_outer_edges`. */
function outerEdges(fn: string, range: readonly [number, number] | undefined, n: number, min: number, max: number): [number, number] {
  let [first, last] = range !== undefined ? checkRange(fn, range) : n === 0 ? [0, 1] : [min, max];
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }
  if (!Number.isFinite(last - first)) {
    // numpy says "Too many bins for data range" here; the real cause is the width itself.
    throw new RangeError(
      `${fn}: the ${range !== undefined ? 'range' : 'data range'} [${first}, ${last}] is wider than the largest double (high − low overflows to Infinity), so equal-width bins cannot be computed; rescale the data or pass the bin edges as an array`,
    );
  }
  return [first, last];
}

/** numpy `linspace(first, last, count + 1)`: i·step + first with the last edge set exactly. */
function linspaceEdges(fn: string, first: number, last: number, count: number): Float64Array {
  const edges = new Float64Array(count + 1);
  const delta = last - first;
  const step = delta / count;
  for (let i = 0; i < count; i++) edges[i] = step === 0 ? (i / count) * delta + first : i * step + first;
  edges[count] = last;
  for (let i = 0; i < count; i++) {
    if (!((edges[i] as number) < (edges[i + 1] as number))) {
      throw new RangeError(`${fn}: too many bins (${count}) for the data range [${first}, ${last}]: cannot create ${count} finite-sized bins`);
    }
  }
  return edges;
}

function inRange(x: ArrayLike<number>, first: number, last: number): Float64Array {
  const n = x.length;
  let kept = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v >= first && v <= last) kept++;
  }
  const out = new Float64Array(kept);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v >= first && v <= last) out[j++] = v;
  }
  return out;
}

/** numpy `_hist_bin_<rule>` widths; `x` is non-empty and finite. */
function ruleWidth(rule: HistogramBinRule, x: ArrayLike<number>): number {
  const n = x.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const ptp = max - min;
  const sturges = (): number => ptp / (Math.log2(n) + 1);
  const sqrt = (): number => ptp / Math.sqrt(n);
  const fd = (): number => {
    const [q75, q25] = linearQuantiles(x, [0.75, 0.25], min, max) as unknown as [number, number];
    return 2 * (q75 - q25) * n ** (-1 / 3);
  };
  switch (rule) {
    case 'sturges':
      return sturges();
    case 'sqrt':
      return sqrt();
    case 'rice':
      return ptp / (2 * n ** (1 / 3));
    case 'scott': {
      const m = neumaierSum(x) / n;
      return ((24 * Math.PI ** 0.5) / n) ** (1 / 3) * Math.sqrt(centredSumOfSquares(x, m) / n);
    }
    case 'fd':
      return fd();
    case 'auto':
      return Math.min(Math.max(fd(), sqrt() / 2), sturges());
  }
}

/**
 * numpy's equal-width fast path, index arithmetic and both edge corrections included. `allInside`
 * says every value is known to lie in [first, last] (no `range` given), which skips the range test.
 */
function countEqualBins(x: ArrayLike<number>, edges: Float64Array, allInside: boolean): Float64Array {
  const bins = edges.length - 1;
  const first = edges[0] as number;
  const last = edges[bins] as number;
  const denom = last - first;
  // numpy never moves a value up out of the last bin; +Infinity as the last comparison edge says
  // the same without a test, and sends the arithmetic index `bins` (v = last) down to the last bin.
  const upper = edges.slice();
  upper[bins] = Number.POSITIVE_INFINITY;
  const n = x.length;
  const counts = new Float64Array(bins);
  if (allInside) {
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      // (v − first)/(last − first)·bins ∈ [0, bins]: truncation is numpy's astype(intp).
      let k = (((v - first) / denom) * bins) | 0;
      // The arithmetic index can be off by one within ~1 ulp of an edge: correct against the edges
      // (numpy's decrement, then its increment on the corrected index; written as selects, not
      // branches, because V8 compiles them branch-free here).
      k -= v < (upper[k] as number) ? 1 : 0;
      k += v >= (upper[k + 1] as number) ? 1 : 0;
      counts[k] = (counts[k] as number) + 1;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v >= first && v <= last)) continue;
      let k = (((v - first) / denom) * bins) | 0;
      k -= v < (upper[k] as number) ? 1 : 0;
      k += v >= (upper[k + 1] as number) ? 1 : 0;
      counts[k] = (counts[k] as number) + 1;
    }
  }
  return counts;
}

/** Arbitrary edges: binary search for the last edge ≤ v; the last bin is closed on the right. */
function countByEdges(x: ArrayLike<number>, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const first = edges[0] as number;
  const last = edges[bins] as number;
  const counts = new Float64Array(bins);
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!(v >= first && v <= last)) continue;
    let lo = 0;
    let hi = bins;
    // Invariant: edges[lo] ≤ v, and v < edges[hi] unless hi = bins.
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if ((edges[mid] as number) <= v) lo = mid;
      else hi = mid;
    }
    counts[lo] = (counts[lo] as number) + 1;
  }
  return counts;
}
