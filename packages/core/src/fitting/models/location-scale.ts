import { isNumberTypedArray, toFloat64 } from '../../internal/validate.ts';
import { linearQuantiles } from '../../stats/quantile.ts';
import { extremes } from '../extremes.ts';
import { checkValues, frequencyTable, noMle, outsideSupport } from '../model.ts';

// Data shared by the continuous families fitted by Newton on every value (logistic, Cauchy, Weibull):
// a small sample is collapsed to its distinct values with their counts (ties then cost nothing); a
// large one is kept as it is with unit weights (sorting it would cost more than the iterations
// save), and its quartiles are found by selection.

/** Below this many values the sample is sorted into a frequency table. */
const TABLE_LIMIT = 5000;

export interface WeightedSample {
  readonly n: number;
  /** The values (distinct and sorted for a small sample) and their counts (undefined: each value once). */
  readonly values: Float64Array;
  readonly counts: Float64Array | undefined;
  readonly min: number;
  readonly max: number;
  /** Whether `values` are the distinct values, sorted. */
  readonly distinct: boolean;
}

/** The count of value i (1 when the sample is kept as it is). */
export function countAt(counts: Float64Array | undefined, i: number): number {
  return counts === undefined ? 1 : (counts[i] as number);
}

export function weightedSample(x: ArrayLike<number>, n: number): WeightedSample {
  if (n <= TABLE_LIMIT) {
    const t = frequencyTable(x);
    return { n, values: t.values, counts: t.counts, min: t.values[0] as number, max: t.values[t.values.length - 1] as number, distinct: true };
  }
  // Never modified, so a Float64Array is used as it is (TypedArray.from would iterate it slowly).
  const values = toFloat64(x);
  const { min, max } = extremes(values);
  // No array of unit counts: a fresh 0.8 MB array costs more in page faults than a pass of the fit.
  return { n, values, counts: undefined, min, max, distinct: false };
}


/**
 * Validates the data (finite numbers, and > 0 when `positive`) and makes its weighted sample. A large
 * typed array is checked by the min/max pass the sample makes anyway (Math.min and Math.max
 * propagate NaN); anything else, or a bad value, goes through the checks that name it.
 */
export function checkedSample(fn: string, family: string, x: ArrayLike<number>, minLength: number, positive: boolean): WeightedSample {
  if (isNumberTypedArray(x) && x.length > TABLE_LIMIT && x.length >= minLength) {
    const s = weightedSample(x, x.length);
    if ((positive ? s.min > 0 : s.min > Number.NEGATIVE_INFINITY) && s.max < Number.POSITIVE_INFINITY) return s;
  }
  const n = checkValues(fn, x, minLength, family);
  if (positive) {
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0)) outsideSupport(fn, family, v, i, 'only values > 0');
    }
  }
  return weightedSample(x, n);
}

/** numpy-'linear' quantiles of a weighted sample. */
export function sampleQuantiles(s: WeightedSample, p: readonly number[]): Float64Array {
  if (!s.distinct) return linearQuantiles(s.values, p, s.min, s.max);
  const sorted = new Float64Array(s.n);
  let k = 0;
  for (let i = 0; i < s.values.length; i++) for (let c = 0; c < countAt(s.counts, i); c++) sorted[k++] = s.values[i] as number;
  return linearQuantiles(sorted, p, s.min, s.max);
}

export interface LocationScaleData extends WeightedSample {
  /** The sample median and interquartile range (for start values; a large sample finds them on first use). */
  readonly median: number;
  readonly iqr: number;
  /** How many values equal the value held by at least half the sample; 0 when none is (found on first use). */
  readonly halfCount: number;
  /** That value (NaN when none), and the value all the others equal (NaN unless they are one value). */
  readonly halfValue: number;
  readonly restValue: number;
}

export function locationScaleData(fn: string, family: string, x: ArrayLike<number>, scaleFree: boolean): LocationScaleData {
  const s = checkedSample(fn, family, x, scaleFree ? 2 : 1, false);
  if (scaleFree && s.min === s.max) noMle(fn, family, `every value equals ${s.min}, so the scale would be 0`);
  // Quartiles by selection cost about a pass of the fit, and a large sample's starts come from a
  // subsample (fit-distribution.ts), so they are found only when asked for.
  let quartiles: Float64Array | undefined;
  const quartile = (i: number): number => {
    quartiles ??= sampleQuantiles(s, [0.25, 0.5, 0.75]);
    return quartiles[i] as number;
  };
  // The half-tie scan (two passes over a large sample) matters only to the Cauchy with both
  // parameters free, so it too runs on first use.
  let ties: { halfCount: number; halfValue: number; restValue: number } | undefined;
  return {
    ...s,
    get median() {
      return quartile(1);
    },
    get iqr() {
      return quartile(2) - quartile(0);
    },
    get halfCount() {
      ties ??= halfTie(s);
      return ties.halfCount;
    },
    get halfValue() {
      ties ??= halfTie(s);
      return ties.halfValue;
    },
    get restValue() {
      ties ??= halfTie(s);
      return ties.restValue;
    },
  };
}

/**
 * The value held by at least half the sample, with its count, and the value all the others equal
 * (0, NaN, NaN when no value holds half; restValue NaN unless the rest are one value). A sorted table is scanned; an unsorted sample
 * takes the Boyer–Moore majority vote over all but its last value — a value holding exactly half
 * the sample is then either that vote's majority or the last value — and counts both candidates.
 */
function halfTie(s: WeightedSample): { halfCount: number; halfValue: number; restValue: number } {
  const { values, counts, n } = s;
  let value = Number.NaN;
  let count = 0;
  if (s.distinct) {
    for (let i = 0; i < values.length; i++) {
      if (2 * countAt(counts, i) >= n) {
        value = values[i] as number;
        count = countAt(counts, i);
      }
    }
    const restValue = count > 0 && values.length === 2 ? (values[values[0] === value ? 1 : 0] as number) : Number.NaN;
    return { halfCount: count, halfValue: value, restValue };
  }
  const last = values.length - 1;
  let candidate = Number.NaN;
  let votes = 0;
  for (let i = 0; i < last; i++) {
    const v = values[i] as number;
    if (v === candidate) votes++;
    else if (votes > 0) votes--;
    else {
      candidate = v;
      votes = 1;
    }
  }
  const other = values[last] as number;
  let c1 = 0;
  let c2 = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] === candidate) c1++;
    if (values[i] === other) c2++;
  }
  if (2 * c1 >= n) {
    value = candidate;
    count = c1;
  } else if (2 * c2 >= n) {
    value = other;
    count = c2;
  }
  if (count === 0) return { halfCount: 0, halfValue: Number.NaN, restValue: Number.NaN };
  // Rare (half the sample tied): one more pass to see whether the rest are one value too.
  let rest = Number.NaN;
  let restEqual = true;
  for (let i = 0; i < values.length && restEqual; i++) {
    const v = values[i] as number;
    if (v === value) continue;
    if (Number.isNaN(rest)) rest = v;
    else if (v !== rest) restEqual = false;
  }
  return { halfCount: count, halfValue: value, restValue: restEqual ? rest : Number.NaN };
}

/** A positive spread for starts when the IQR is 0 (heavy ties): twice the mean absolute deviation. */
export function robustSpread(d: LocationScaleData): number {
  if (d.iqr > 0) return d.iqr;
  let s = 0;
  for (let i = 0; i < d.values.length; i++) s += countAt(d.counts, i) * Math.abs((d.values[i] as number) - d.median);
  return s / d.n > 0 ? (2 * s) / d.n : 1;
}
