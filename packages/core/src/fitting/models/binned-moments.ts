// A large sample summarised in one pass by equal bins and each bin's first four moments, and the
// weighted sample that stands in for it: per bin, the two-point Gauss rule of the bin's own values
// (Golub–Welsch for two nodes, in closed form). The rule matches the bin's count, mean, variance and
// third moment exactly, so for any smooth g the sum of g over the bin's values is the rule's
// weighted sum up to g⁗/24 times the bin's fourth-moment excess (its values' fourth central moment
// less the rule's, which is ≥ 0 and known here: the correction a caller can add). A bin of width h
// has an excess of at most n_b·h⁴/16, and h⁴/180 per value when its values are spread evenly.

/** Interior bins over the sample's extent (the greatest value gets a bin of its own). */
export const MOMENT_BINS = 1024;
/**
 * A bin whose variance is below this fraction of h² (its rounding, about 1e-16·h², and far above any
 * value a bin of equal values can give) is kept as one point at its mean.
 */
const SINGLE_POINT = 1e-24;
/**
 * Below this fraction of h² a bin's third central moment, about 1e-16·h³ off by cancellation in the
 * sums about the bin's centre, is not known to better than its own size, and the rule is the
 * symmetric one (third moment 0). Its true size is at most v^1.5 ≤ 1e-12·h³, a mismatch of no
 * consequence; above this its error moves the nodes by at most ~4e-8·h.
 */
const SYMMETRIC = 1e-8;

/** One pass's bins: each non-empty bin's count, mean and central moments 2…4, in order. */
export interface BinnedMoments {
  /** The bin width. */
  readonly width: number;
  /** The sample's least value, from which `offsets` are measured. */
  readonly origin: number;
  readonly counts: Float64Array;
  /** The bins' means, and the same less `origin` (to full precision where the values are far from 0). */
  readonly means: Float64Array;
  readonly offsets: Float64Array;
  readonly m2: Float64Array;
  readonly m3: Float64Array;
  readonly m4: Float64Array;
}

/**
 * Per bin the sums of 1, d, d², d³, d⁴ for d = the offset from the bin's centre in bin widths, eight
 * doubles a bin (a cache line: in V8 this stride took 15 % less time than five).
 */
const STRIDE = 8;
const SUMS = new Float64Array(STRIDE * (MOMENT_BINS + 2));

/**
 * x (finite, min < max its extremes, MOMENT_BINS/(max − min) finite) in {@link MOMENT_BINS} equal bins over [min, max], with each
 * non-empty bin's count, mean and central moments. A value's position u = (x − min)/h + 1 gives its
 * bin ⌊u⌋ and its offset d = u − ⌊u⌋ − ½ from the bin's centre (exact given u, whose rounding moves a
 * value by at most ~1e-13·h); the sums are of d^k, each at most 2^−k, so the central moments lose
 * nothing to cancellation beyond ~1e-16·h^k, and values far from 0 (1e9 ± 1) keep their digits (x − min
 * is exact there).
 *
 * @example
 * const b = binnedMoments(Float64Array.of(0, 1, 2, 3), 0, 3); // four bins of one value each
 */
export function binnedMoments(x: Float64Array, min: number, max: number): BinnedMoments {
  const sums = SUMS.fill(0);
  const scale = MOMENT_BINS / (max - min);
  for (let from = 0; from < x.length; from += CHUNK) addChunk(x, from, Math.min(x.length, from + CHUNK), min, scale, sums);
  return collect((max - min) / MOMENT_BINS, min, sums);
}

/** Values per call of addChunk. */
const CHUNK = 4096;

/**
 * The pass of binnedMoments over x[from…to), a chunk per call: a loop over all the values would be
 * compiled on the stack (OSR) before the code after it had run, and V8 left that code there in
 * every call (see extremes.ts).
 */
function addChunk(x: Float64Array, from: number, to: number, min: number, scale: number, sums: Float64Array): void {
  // u = (v − min)·scale + 1 is in [1, MOMENT_BINS + 1 + 2e-13]: no clamping.
  for (let i = from; i < to; i++) {
    const u = ((x[i] as number) - min) * scale + 1;
    const k = u | 0;
    const d = u - k - 0.5;
    const d2 = d * d;
    const j = k << 3;
    sums[j] = (sums[j] as number) + 1;
    sums[j + 1] = (sums[j + 1] as number) + d;
    sums[j + 2] = (sums[j + 2] as number) + d2;
    sums[j + 3] = (sums[j + 3] as number) + d2 * d;
    sums[j + 4] = (sums[j + 4] as number) + d2 * d2;
  }
}

function collect(h: number, origin: number, sums: Float64Array): BinnedMoments {
  let m = 0;
  for (let k = 0; k < MOMENT_BINS + 2; k++) if ((sums[STRIDE * k] as number) > 0) m++;
  // One allocation for the six arrays: in V8 each typed array of more than 64 bytes has its own
  // store outside the heap, and six of them cost more than the rest of this function.
  const store = new Float64Array(6 * m);
  const counts = store.subarray(0, m);
  const means = store.subarray(m, 2 * m);
  const offsets = store.subarray(2 * m, 3 * m);
  const m2 = store.subarray(3 * m, 4 * m);
  const m3 = store.subarray(4 * m, 5 * m);
  const m4 = store.subarray(5 * m, 6 * m);
  const h2 = h * h;
  let b = 0;
  for (let k = 0; k < MOMENT_BINS + 2; k++) {
    const j = STRIDE * k;
    const n = sums[j] as number;
    if (n === 0) continue;
    // Raw moments about the centre, then central ones about the bin's mean (offset r1, |r1| ≤ ½), in
    // bin widths, then in the units of x.
    const inv = 1 / n;
    const r1 = (sums[j + 1] as number) * inv;
    const r2 = (sums[j + 2] as number) * inv;
    const r3 = (sums[j + 3] as number) * inv;
    const r4 = (sums[j + 4] as number) * inv;
    const a2 = r1 * r1;
    counts[b] = n;
    offsets[b] = (k - 0.5 + r1) * h;
    means[b] = origin + (offsets[b] as number);
    m2[b] = Math.max(0, r2 - a2) * h2;
    m3[b] = (r3 - 3 * r1 * r2 + 2 * a2 * r1) * h2 * h;
    m4[b] = Math.max(0, r4 - 4 * r1 * r3 + 6 * a2 * r2 - 3 * a2 * a2) * h2 * h2;
    b++;
  }
  return { width: h, origin, counts, means, offsets, m2, m3, m4 };
}

/** The two-point rules of every bin as one weighted sample, and each bin's fourth-moment excess. */
export interface TwoPointSample {
  /** The nodes in increasing order, less `origin`, and their weights (which sum to each bin's count). */
  readonly origin: number;
  readonly values: Float64Array;
  readonly weights: Float64Array;
  /** Per bin: its mean less `origin` and n_b·(fourth central moment − the rule's), in the units of x⁴. */
  readonly binMeans: Float64Array;
  readonly excess: Float64Array;
}

/**
 * The weighted sample of per-bin two-point Gauss rules. For a bin with mean m, variance v and third
 * central moment c, the nodes are m + u with u² − (c/v)u − v = 0 (one on each side of the mean)
 * and weights −u∓/(u₊ − u₋)·n_b, u±/(u₊ − u₋)·n_b; the rule's fourth moment is v² + c²/v. A bin
 * of one value, or of equal values, is one node at its mean; a bin whose values span less than
 * ~1e-4·h gets the symmetric rule (see SYMMETRIC).
 *
 * @example
 * const s = twoPointSample(binnedMoments(x, min, max));
 */
export function twoPointSample(b: BinnedMoments): TwoPointSample {
  const m = b.counts.length;
  const tiny = SINGLE_POINT * b.width * b.width;
  const small = SYMMETRIC * b.width * b.width;
  let nodes = 0;
  for (let i = 0; i < m; i++) nodes += (b.m2[i] as number) > tiny ? 2 : 1;
  const store = new Float64Array(2 * nodes + m);
  const values = store.subarray(0, nodes);
  const weights = store.subarray(nodes, 2 * nodes);
  const excess = store.subarray(2 * nodes);
  let j = 0;
  for (let i = 0; i < m; i++) {
    const n = b.counts[i] as number;
    const mean = b.offsets[i] as number;
    const v = b.m2[i] as number;
    if (!(v > tiny)) {
      values[j] = mean;
      weights[j++] = n;
      excess[i] = n * (b.m4[i] as number);
      continue;
    }
    // c/v, within [−h, h] in exact arithmetic (|x − m| < h in a bin); clamped against rounding.
    const s = v > small ? Math.max(-b.width, Math.min(b.width, (b.m3[i] as number) / v)) : 0;
    const root = Math.sqrt(s * s + 4 * v);
    // The larger root in magnitude directly, the other from their product −v (no cancellation).
    let up: number;
    let down: number;
    if (s >= 0) {
      up = (s + root) / 2;
      down = -v / up;
    } else {
      down = (s - root) / 2;
      up = -v / down;
    }
    const span = up - down;
    values[j] = mean + down;
    weights[j++] = (n * up) / span;
    values[j] = mean + up;
    weights[j++] = (-n * down) / span;
    excess[i] = n * Math.max(0, (b.m4[i] as number) - (v * v + s * s * v));
  }
  return { origin: b.origin, values, weights, binMeans: b.offsets, excess };
}
