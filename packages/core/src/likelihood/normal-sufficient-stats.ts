import { productError } from '../internal/double-double.ts';
import { checkFiniteData, checkInteger, describe, isNumberTypedArray, toFloat64 } from '../internal/validate.ts';

/**
 * The sufficient statistics of a normal sample: everything the normal likelihood, its gradient and
 * its MLE depend on. Σxᵢ = n·mean and Σ(xᵢ − μ)² = m2 + n·(mean − μ)² for any μ.
 */
export interface NormalSufficientStats {
  /** Sample size. */
  n: number;
  /** Sample mean (x̄). */
  mean: number;
  /** Centred sum of squares Σ(xᵢ − x̄)². */
  m2: number;
  /**
   * The low-order part of the mean, x̄ ≈ mean + meanLow to about twice double precision (optional;
   * absent means 0). For data offset by 1e9 the double `mean` is only good to ±6e−8, which would
   * cost S = m2 + n·(x̄ − μ)² its digits near the optimum; with meanLow it keeps them.
   */
  meanLow?: number;
}

// Blocked summation: independent accumulators over blocks of 128 values (numpy's pairwise-sum
// leaf), block results combined with Neumaier compensation. Error ≈ (16 + small)·ε relative to
// Σ|terms| instead of n·ε for a plain loop, at plain-loop speed.
const BLOCK = 128;

function blockSum(x: Float64Array, start: number, end: number): number {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
  let i = start;
  for (; i + 8 <= end; i += 8) {
    s0 += x[i] as number;
    s1 += x[i + 1] as number;
    s2 += x[i + 2] as number;
    s3 += x[i + 3] as number;
    s4 += x[i + 4] as number;
    s5 += x[i + 5] as number;
    s6 += x[i + 6] as number;
    s7 += x[i + 7] as number;
  }
  let rest = 0;
  for (; i < end; i++) rest += x[i] as number;
  return s0 + s1 + (s2 + s3) + (s4 + s5 + (s6 + s7)) + rest;
}

/** Σxᵢ: blocked, with Neumaier-compensated accumulation of the block sums. */
function accurateSum(x: Float64Array, n: number): number {
  let sum = 0;
  let c = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const b = blockSum(x, start, Math.min(start + BLOCK, n));
    const t = sum + b;
    c += Math.abs(sum) >= Math.abs(b) ? sum - t + b : b - t + sum;
    sum = t;
  }
  return sum + c;
}

/**
 * Writes [Σ(xᵢ − c), Σ(xᵢ − c)², and the rounding errors of those two] into `out` (length ≥ 4),
 * blocked and compensated like {@link accurateSum}: eight values per step feed four accumulators of
 * each sum (dᵢ + dᵢ₊₄ first, a pairwise step), and the block results are added with Neumaier
 * compensation. Each sum is also returned as the unevaluated pair out[k] + out[k + 2] (TwoSum of
 * the running sum and its compensation), for callers that go on to subtract from it.
 */
export function centredSums(x: Float64Array, n: number, center: number, out: Float64Array): void {
  let sum1 = 0, c1 = 0, sum2 = 0, c2 = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    let i = start;
    for (; i + 8 <= end; i += 8) {
      const d0 = (x[i] as number) - center;
      const d1 = (x[i + 1] as number) - center;
      const d2 = (x[i + 2] as number) - center;
      const d3 = (x[i + 3] as number) - center;
      const d4 = (x[i + 4] as number) - center;
      const d5 = (x[i + 5] as number) - center;
      const d6 = (x[i + 6] as number) - center;
      const d7 = (x[i + 7] as number) - center;
      a0 += d0 + d4;
      a1 += d1 + d5;
      a2 += d2 + d6;
      a3 += d3 + d7;
      q0 += d0 * d0 + d4 * d4;
      q1 += d1 * d1 + d5 * d5;
      q2 += d2 * d2 + d6 * d6;
      q3 += d3 * d3 + d7 * d7;
    }
    for (; i < end; i++) {
      const d = (x[i] as number) - center;
      a0 += d;
      q0 += d * d;
    }
    const b1 = a0 + a1 + (a2 + a3);
    const b2 = q0 + q1 + (q2 + q3);
    let t = sum1 + b1;
    c1 += Math.abs(sum1) >= Math.abs(b1) ? sum1 - t + b1 : b1 - t + sum1;
    sum1 = t;
    t = sum2 + b2;
    c2 += sum2 >= b2 ? sum2 - t + b2 : b2 - t + sum2; // both ≥ 0
    sum2 = t;
  }
  // TwoSum (Knuth): each sum rounded, and the exact rounding error of that last addition.
  const s1 = sum1 + c1;
  const b1 = s1 - sum1;
  const s2 = sum2 + c2;
  const b2 = s2 - sum2;
  out[0] = s1;
  out[1] = s2;
  out[2] = sum1 - (s1 - b1) + (c1 - b1);
  out[3] = sum2 - (s2 - b2) + (c2 - b2);
}

/**
 * Validates `x` (non-empty, finite) and returns its length. Typed arrays hold only numbers, so their
 * check is folded into the summation (a non-finite sum means a non-finite value, located only then);
 * plain arrays are checked value by value first.
 */
export function checkSample(fn: string, x: ArrayLike<number>): number {
  if (isNumberTypedArray(x)) {
    const n = x.length;
    if (n === 0) throw new RangeError(`${fn}: x is empty; at least one value is required`);
    return n;
  }
  return checkFiniteData(fn, x);
}

/** How many values, evenly spaced through x, estimate the shift of the one-pass sums. */
const SHIFT_SAMPLE = 1024;

/** How many of them estimate the spread that sets the shift's grid ({@link onShiftGrid}). */
const RANGE_SAMPLE = 64;

/**
 * The one-pass result is kept only while n·(x̄ − c)², the part of Σ(xᵢ − c)² that the shift c
 * adds, is at most this share of it: then m2 = Σd² − (Σd)²/n cancels at most 1/64 of Σd², and its
 * rounding error grows by at most 1/(1 − 1/64) ≈ 1.6 % over a sum centred on the exact mean.
 */
const MAX_SHIFT_SHARE = 1 / 64;

const TWO_POW_52 = 4503599627370496;

/**
 * The stable core of {@link normalSufficientStats} for a validated sample of length n ≥ 1: one pass
 * about an estimated shift ({@link shiftedPassStats}) when that keeps every digit, else the exact
 * two-pass path, which is also where NaN, ±Infinity and overflow are reported.
 *
 * meanLow carries the rest of the mean in both paths: c + Σd/n is formed as a double-double (Σd as
 * the pair of {@link centredSums}, the quotient's remainder exact by TwoProduct, the final
 * addition's error by TwoSum), so mean + meanLow is x̄ to about twice double precision.
 */
export function sufficientStatsOf(fn: string, x: ArrayLike<number>, n: number): Required<NormalSufficientStats> {
  const data = toFloat64(x);
  const sums = new Float64Array(4);
  return shiftedPassStats(data, n, sums) ?? twoPassStats(fn, data, n, sums);
}

/**
 * One pass: d = xᵢ − c about a shift c, the mean of up to 1024 values spread evenly through x (so
 * sorted data get a central shift too; see {@link shiftEstimate}), accumulating Σd and Σd² blocked
 * and compensated; then x̄ = c + Σd/n and m2 = Σd² − (Σd)²/n (the corrected two-pass formula of
 * Chan, Golub & LeVeque 1983, with c in place of a first-pass mean). For a random sample c is
 * within about σ/32 of x̄, so the correction (Σd)²/n is about a thousandth of Σd² and costs no
 * digits (the subtraction's own rounding error is recovered, so m2 is rounded once). Returns
 * undefined when the shift missed (an outlier in the sample, a pattern in step with the sampling:
 * (Σd)²/n above 1/64 of Σd²) or the sums are not finite; the caller then runs the exact two-pass
 * path.
 *
 * @param x - The sample, at least n values.
 * @param n - How many values of x to use, n ≥ 1.
 * @param sums - Scratch of length ≥ 4 for {@link centredSums}.
 */
export function shiftedPassStats(x: Float64Array, n: number, sums: Float64Array): Required<NormalSufficientStats> | undefined {
  const shift = shiftEstimate(x, n);
  centredSums(x, n, shift, sums);
  const s1 = sums[0] as number;
  const s2 = sums[1] as number;
  // (Σd/n)·Σd ≤ Σd² always holds in exact arithmetic (Cauchy–Schwarz), so this cannot overflow.
  const offset = (s1 / n) * s1;
  return Number.isFinite(s2) && offset <= MAX_SHIFT_SHARE * s2 ? statsFromSums(n, shift, sums, offset) : undefined;
}

/**
 * The shift of the one-pass sums: the mean of min(n, SHIFT_SAMPLE) values spread evenly through x
 * (all of them when n is small), on the grid of {@link onShiftGrid}.
 */
function shiftEstimate(x: Float64Array, n: number): number {
  if (n <= SHIFT_SAMPLE) return onShiftGrid(blockSum(x, 0, n) / n, sampleRange(x, n));
  const step = n / SHIFT_SAMPLE;
  let s = 0;
  // j·step < n for j < SHIFT_SAMPLE, so every index is in range.
  for (let j = 0; j < SHIFT_SAMPLE; j++) s += x[Math.floor(j * step)] as number;
  return onShiftGrid(s / SHIFT_SAMPLE, sampleRange(x, n));
}

/**
 * The range (max − min) of up to RANGE_SAMPLE values spread evenly through x: the scale of the
 * spread that {@link onShiftGrid} needs, within the factor it tolerates. NaN among them makes it
 * NaN, which leaves the shift as it is (the sums are NaN then anyway).
 */
function sampleRange(x: Float64Array, n: number): number {
  const k = Math.min(n, RANGE_SAMPLE);
  const step = n / k;
  let lo = x[0] as number;
  let hi = lo;
  for (let j = 1; j < k; j++) {
    const v = x[Math.floor(j * step)] as number;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return hi - lo;
}

/**
 * c rounded to a multiple of g = 2^(⌊log₂ r⌋ − 40), r the spread of the data (moving c by at most
 * r·2^-41, nothing next to the spread). Then c has no bits below the ulp of any d = xᵢ − c up to
 * 4096·r, so fl(xᵢ − c) rounds away only bits of xᵢ itself: errors that vary from value to value
 * and average out. With a full-precision c, every xᵢ of one binade loses the same low bits of c,
 * and over 1e5 values that one repeated error moved Σd/n by up to half an ulp of the mean.
 */
function onShiftGrid(c: number, r: number): number {
  if (!(r > 0 && r < Number.POSITIVE_INFINITY)) return c;
  const g = 2 ** (Math.floor(Math.log2(r)) - 40);
  // |c| ≥ 2^52·g: c is already a multiple of g (its ulp is at least g).
  return g > 0 && Math.abs(c) < TWO_POW_52 * g ? Math.round(c / g) * g : c;
}

/**
 * The record from the sums of d = xᵢ − c (`sums` as {@link centredSums} writes it) and
 * offset = (Σd)²/n.
 *
 * x̄ = c + (s1 + s1Low)/n: the quotient q = s1/n, its remainder s1 − q·n computed exactly (Dekker's
 * TwoProduct gives q·n as p + pErr; s1 − p is exact by Sterbenz), and the rounding error of c + q
 * by TwoSum, all gathered into meanLow. m2 = (s2 + s2Low) − offset with the subtraction's error
 * recovered by TwoSum, so that m2 is rounded once, as if the offset were zero.
 */
function statsFromSums(n: number, c: number, sums: Float64Array, offset: number): Required<NormalSufficientStats> {
  const s1 = sums[0] as number;
  const s2 = sums[1] as number;
  const s1Low = sums[2] as number;
  const s2Low = sums[3] as number;
  const t = s2 - offset;
  const tb = t - s2;
  const m2 = Math.max(0, t + (s2 - (t - tb) + (-offset - tb) + s2Low));
  const q = s1 / n;
  const p = q * n;
  const pErr = productError(q, n, p); // q·n − p, exactly
  const qLow = (s1 - p - pErr + s1Low) / n;
  const mean = c + q;
  // TwoSum: the exact rounding error of c + q (Knuth, TAOCP vol. 2, §4.2.2).
  const bv = mean - c;
  const meanLow = c - (mean - bv) + (q - bv) + qLow;
  return { n, mean, m2, meanLow };
}

/**
 * The exact two-pass path: a compensated first pass for the mean, then the centred pass about it
 * (on the grid of {@link onShiftGrid}; its residual Σ(xᵢ − x̄) corrects both the mean and m2). Also
 * where NaN, ±Infinity and overflow are reported.
 */
function twoPassStats(fn: string, x: Float64Array, n: number, sums: Float64Array): Required<NormalSufficientStats> {
  const total = accurateSum(x, n);
  let mean0 = total / n;
  if (!Number.isFinite(total)) {
    checkFiniteData(fn, x); // throws with the index of the first NaN or ±Infinity, if there is one
    // All finite but the sum overflows (values near ±1.8e308): the sum of xᵢ/n cannot.
    mean0 = 0;
    for (let i = 0; i < n; i++) mean0 += (x[i] as number) / n;
  }
  mean0 = onShiftGrid(mean0, sampleRange(x, n));
  centredSums(x, n, mean0, sums);
  const s1 = sums[0] as number;
  if (!Number.isFinite(sums[1] as number)) {
    throw new RangeError(`${fn}: the sum of squared deviations of x overflows; rescale the data (|x − mean| must stay below about 1e154)`);
  }
  return statsFromSums(n, mean0, sums, (s1 * s1) / n);
}

/**
 * The sufficient statistics { n, mean, m2 } of a normal sample, computed once and stably.
 *
 * Computes x̄ = Σxᵢ/n and m2 = Σ(xᵢ − x̄)² with compensated sums of d = xᵢ − c about a shift c
 * (Chan, Golub & LeVeque 1983): one pass about the mean of 1024 values spread through x, or, when
 * that shift is too far from x̄ to keep every digit, two passes about the compensated mean. Data
 * offset by 1e9 keep every digit of m2 either way. With them the normal NLL and its gradient cost
 * O(1) per evaluation ({@link normalNllFromStats}). Matches `np.mean(x)` and
 * `np.sum((x - x.mean())**2)`.
 *
 * @param x - The sample: finite numbers, at least one.
 * @returns `{ n, mean, m2, meanLow }` (meanLow: the mean's low-order part, see {@link NormalSufficientStats}).
 * @throws {TypeError} If `x` is not array-like or holds non-numbers.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, or its deviations from the mean are
 *   too large to square (|xᵢ − x̄| > 1e154).
 * @example
 * normalSufficientStats([1, 2, 3, 4]); // => { n: 4, mean: 2.5, m2: 5, meanLow: 0 }
 */
export function normalSufficientStats(x: ArrayLike<number>): NormalSufficientStats {
  const fn = 'normalSufficientStats';
  return sufficientStatsOf(fn, x, checkSample(fn, x));
}

/** Validates a user-supplied {@link NormalSufficientStats} record; returns a copy with meanLow filled in. */
export function checkSufficientStats(fn: string, stats: NormalSufficientStats): Required<NormalSufficientStats> {
  if (stats === null || typeof stats !== 'object') {
    throw new TypeError(`${fn}: stats must be an object { n, mean, m2 } (see normalSufficientStats), got ${describe(stats)}`);
  }
  checkInteger(fn, 'stats.n', stats.n, 1);
  if (typeof stats.mean !== 'number' || !Number.isFinite(stats.mean)) {
    throw new RangeError(`${fn}: stats.mean must be a finite number, got ${describe(stats.mean)}`);
  }
  if (typeof stats.m2 !== 'number' || !Number.isFinite(stats.m2) || stats.m2 < 0) {
    throw new RangeError(`${fn}: stats.m2 must be a finite number ≥ 0, got ${describe(stats.m2)}`);
  }
  const meanLow = stats.meanLow ?? 0;
  if (typeof meanLow !== 'number' || !Number.isFinite(meanLow)) {
    throw new RangeError(`${fn}: stats.meanLow must be a finite number when given, got ${describe(meanLow)}`);
  }
  return { n: stats.n, mean: stats.mean, m2: stats.m2, meanLow };
}
