import { checkFiniteData, checkInteger, describe, isNumberTypedArray } from '../internal/validate.ts';

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

// Blocked summation: 8 independent accumulators over blocks of 128 values (numpy's pairwise-sum
// leaf), block results combined with Neumaier compensation. Error ≈ (16 + small)·ε relative to
// Σ|terms| instead of n·ε for a plain loop, at plain-loop speed.
const BLOCK = 128;

function blockSum(x: ArrayLike<number>, start: number, end: number): number {
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
function accurateSum(x: ArrayLike<number>, n: number): number {
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

/** Writes [Σ(xᵢ − c), Σ(xᵢ − c)²] into `out`, blocked and compensated like {@link accurateSum}. */
export function centredSums(x: ArrayLike<number>, n: number, center: number, out: Float64Array): void {
  let sum1 = 0, c1 = 0, sum2 = 0, c2 = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(start + BLOCK, n);
    let a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    let q0 = 0, q1 = 0, q2 = 0, q3 = 0;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const d0 = (x[i] as number) - center;
      const d1 = (x[i + 1] as number) - center;
      const d2 = (x[i + 2] as number) - center;
      const d3 = (x[i + 3] as number) - center;
      a0 += d0;
      a1 += d1;
      a2 += d2;
      a3 += d3;
      q0 += d0 * d0;
      q1 += d1 * d1;
      q2 += d2 * d2;
      q3 += d3 * d3;
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
  out[0] = sum1 + c1;
  out[1] = sum2 + c2;
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

/**
 * The stable core of {@link normalSufficientStats} for a validated sample of length n ≥ 1: a
 * compensated first pass for the mean, then a centred pass whose residual Σ(xᵢ − x̄) corrects both
 * the mean and m2 (m2 = Σd² − (Σd)²/n, the corrected two-pass formula of Chan, Golub & LeVeque 1983).
 */
export function sufficientStatsOf(fn: string, x: ArrayLike<number>, n: number): Required<NormalSufficientStats> {
  const total = accurateSum(x, n);
  let mean0 = total / n;
  if (!Number.isFinite(total)) {
    checkFiniteData(fn, x); // throws with the index of the first NaN or ±Infinity, if there is one
    // All finite but the sum overflows (values near ±1.8e308): the sum of xᵢ/n cannot.
    mean0 = 0;
    for (let i = 0; i < n; i++) mean0 += (x[i] as number) / n;
  }
  const sums = new Float64Array(2);
  centredSums(x, n, mean0, sums);
  const s1 = sums[0] as number;
  const s2 = sums[1] as number;
  if (!Number.isFinite(s2)) {
    throw new RangeError(`${fn}: the sum of squared deviations of x overflows; rescale the data (|x − mean| must stay below about 1e154)`);
  }
  const correction = s1 / n;
  const mean = mean0 + correction;
  // TwoSum: the exact rounding error of mean0 + correction (Knuth, TAOCP vol. 2, §4.2.2).
  const bv = mean - mean0;
  const meanLow = mean0 - (mean - bv) + (correction - bv);
  const m2 = Math.max(0, s2 - (s1 * s1) / n);
  return { n, mean, m2, meanLow };
}

/**
 * The sufficient statistics { n, mean, m2 } of a normal sample, computed once and stably.
 *
 * Computes x̄ = Σxᵢ/n and m2 = Σ(xᵢ − x̄)² with a compensated two-pass algorithm (Chan, Golub &
 * LeVeque 1983), so data offset by 1e9 keep every digit of m2. With them the normal NLL and its
 * gradient cost O(1) per evaluation ({@link normalNllFromStats}). Matches `np.mean(x)` and
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
