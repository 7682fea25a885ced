import type { LocationScaleData, WeightedSample } from './location-scale.ts';

// A large Cauchy sample summarised for a start: a histogram in u = y/(1 + |y|), y = (x − m)/c (m
// and c the median and half the IQR of a strided subsample), so bins are narrow (~0.002 c) in the
// bulk and widen with |y| as (1 + |y|)², keeping their width a small fraction of |y| in the heavy
// tails, where the likelihood's terms change on the scale |y|. Each bin is kept as its values' mean
// and count (the first-order error cancels at the means); the MLE on the bins is then within ~1e-5
// of the full sample's, so Newton over all the values needs one or two passes, not three.

/** Bins over u ∈ (−1, 1). */
const BINS = 1024;
/** Values whose quartiles give m and c. */
const SUBSAMPLE = 2048;

/**
 * The binned sample as the model's data (bins as weighted values, sorted), or undefined when a
 * subsample has no spread (heavy ties: the frequency table or the general engine handles them).
 */
export function cauchyBins(s: WeightedSample): LocationScaleData | undefined {
  const x = s.values;
  const n = x.length;
  const m0 = Math.min(n, SUBSAMPLE);
  const sub = new Float64Array(m0);
  for (let i = 0; i < m0; i++) sub[i] = x[Math.floor((i * n) / m0)] as number;
  sub.sort();
  const q1 = sub[m0 >> 2] as number;
  const median = sub[m0 >> 1] as number;
  const q3 = sub[(3 * m0) >> 2] as number;
  if (!(q3 > q1)) return undefined;
  const inv = 2 / (q3 - q1);
  const sums = new Float64Array(BINS);
  const counts = new Float64Array(BINS);
  const half = BINS / 2;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const y = (v - median) * inv;
    // u ∈ (−1, 1) (±1 only where |y| rounds it there), so k ∈ [0, BINS − 1] after the clamp.
    const k = Math.min(BINS - 1, (y / (1 + Math.abs(y)) + 1) * half) | 0;
    sums[k] = (sums[k] as number) + v;
    counts[k] = (counts[k] as number) + 1;
  }
  let kept = 0;
  for (let k = 0; k < BINS; k++) if ((counts[k] as number) > 0) kept++;
  const values = new Float64Array(kept);
  const weights = new Float64Array(kept);
  let j = 0;
  for (let k = 0; k < BINS; k++) {
    const c = counts[k] as number;
    if (c > 0) {
      values[j] = (sums[k] as number) / c;
      weights[j++] = c;
    }
  }
  return {
    n: s.n,
    values,
    counts: weights,
    min: s.min,
    max: s.max,
    distinct: true,
    median,
    iqr: q3 - q1,
    halfCount: 0,
    halfValue: Number.NaN,
    restValue: Number.NaN,
  };
}
