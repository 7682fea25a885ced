import { logMantissaCubic } from './table-math.ts';

// Σ ln x and Σ ln(1 − x) over many values with far fewer logarithms than values: the sufficient
// statistics of the gamma and beta fits on 1e5 values would otherwise spend nearly all their time in
// Math.log. Values are multiplied into running products that are flushed into the sum before they
// can leave [1e-200, 1e200]; each product adds at most ½ ulp of relative error, i.e. ~1.1e-16 of
// absolute error to the logarithm, as a per-value Math.log would. Where that absolute error would be
// large relative to the term itself — ln x for x near 1, ln(1 − x) for x near 0 — the term is
// computed on its own by log1p, which keeps its relative accuracy.

const FLUSH_HI = 1e200;
const FLUSH_LO = 1e-200;
/** Values outside [1e-100, 1e100] get their own logarithm, so a product never over- or underflows. */
const ALONE_HI = 1e100;
const ALONE_LO = 1e-100;
/** Within this distance of 1, ln x is log1p(x − 1) (x − 1 is exact there, by Sterbenz's lemma). */
const NEAR = 1 / 64;

/** Σ ln x for positive finite x. */
export function sumOfLogs(x: ArrayLike<number>): number {
  let acc = 0;
  let near = 0;
  let p = 1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v > ALONE_HI || v < ALONE_LO) {
      acc += Math.log(v);
    } else if (Math.abs(v - 1) < NEAR) {
      near += Math.log1p(v - 1);
    } else {
      p *= v;
      if (p > FLUSH_HI || p < FLUSH_LO) {
        acc += Math.log(p);
        p = 1;
      }
    }
  }
  return acc + Math.log(p) + near;
}

/** Σ ln(1 − x) for x in (0, 1). */
export function sumOfLog1m(x: ArrayLike<number>): number {
  let acc = 0;
  let near = 0;
  let p = 1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v < NEAR) {
      near += Math.log1p(-v);
    } else {
      p *= 1 - v;
      if (p < FLUSH_LO) {
        acc += Math.log(p);
        p = 1;
      }
    }
  }
  return acc + Math.log(p) + near;
}

/** What {@link positiveSums} gathers in its one pass. */
export interface PositiveSums {
  /** Σ x (compensated, Neumaier) and Σ ln x (as {@link sumOfLogs}). */
  readonly sum: number;
  readonly sumLog: number;
  readonly min: number;
  readonly max: number;
  /** The index of the first value that is not a finite number > 0 (NaN included); −1 when none. */
  readonly bad: number;
}

/**
 * Σ x, Σ ln x, min and max of positive data in one pass (the gamma fit's sufficient statistics).
 * The loop has no early exit and no test for values outside [1e-100, 1e100] (each costs more than
 * the rest of the loop in V8): a value that is not finite and > 0 shows afterwards in min, max or a
 * NaN sum, and a second scan finds its index; when min or max is outside that range the products
 * may have overflowed, and Σ ln x is taken again by {@link sumOfLogs}.
 */
export function positiveSums(x: ArrayLike<number>): PositiveSums {
  let s = 0;
  let c = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let acc = 0;
  let near = 0;
  let p = 1;
  const n = x.length;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    // Neumaier's compensation: the exact rounding error of s + v, (larger − t) + smaller.
    const t = s + v;
    c += Math.max(s, v) - t + Math.min(s, v);
    s = t;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (Math.abs(v - 1) < NEAR) {
      near += Math.log1p(v - 1);
    } else {
      p *= v;
      if (p > FLUSH_HI || p < FLUSH_LO) {
        acc += Math.log(p);
        p = 1;
      }
    }
  }
  if (!(min > 0 && max < Number.POSITIVE_INFINITY) || Number.isNaN(s)) {
    let bad = 0;
    while (bad < n && (x[bad] as number) > 0 && (x[bad] as number) < Number.POSITIVE_INFINITY) bad++;
    return { sum: Number.NaN, sumLog: Number.NaN, min, max, bad };
  }
  const sumLog = min < ALONE_LO || max > ALONE_HI ? sumOfLogs(x) : acc + Math.log(p) + near;
  return { sum: s + c, sumLog, min, max, bad: -1 };
}

/** Values per block of {@link fastPositiveSums}: their product stays a normal double when each is in [1e-9, 1e9]. */
const FAST_BLOCK = 32;
const FAST_LO = 1e-9;
const FAST_HI = 1e9;
/** The smallest Jensen gap ln x̄ − mean ln x for which {@link fastPositiveSums} keeps its sums. */
const FAST_MIN_GAP = 1e-3;

/**
 * {@link positiveSums} at a fifth of its cost, for what the gamma fit needs of them: per block of 32
 * values a plain sum (the blocks' sums added compensated, TwoSum) and a product (two running products
 * of alternate values, so neither waits on the other) whose logarithm joins Σ ln x, with no test per
 * value. When every value is in [1e-9, 1e9] a block's product is a normal double, and Σ ln x is off by
 * at most ~1.1e-16·(32 + max |ln x|) per block (the products' roundings and the logarithm's), x̄ by
 * 31·1.1e-16 relatively: together below 1e-14 absolute in mean ln x and ln x̄. undefined (the caller
 * then runs positiveSums) when a value is outside [1e-9, 1e9] or not a number, or when the Jensen gap
 * ln x̄ − mean ln x (what the gamma's shape depends on) is below 1e-3, so that the gap would keep
 * fewer than 11 digits.
 */
export function fastPositiveSums(x: Float64Array): PositiveSums | undefined {
  const n = x.length;
  FAST_SUMS.set(FAST_START);
  // A chunk per call (see centredLogSums).
  for (let from = 0; from < n; from += CHUNK) fastPositiveChunk(x, from, Math.min(n, from + CHUNK));
  const [s, c, min, max, acc] = FAST_SUMS as unknown as [number, number, number, number, number];
  // NaN fails both tests (Math.min and Math.max propagate it).
  if (!(min >= FAST_LO && max <= FAST_HI)) return undefined;
  const sum = s + c;
  if (!(Math.log(sum / n) - acc / n >= FAST_MIN_GAP)) return undefined;
  return { sum, sumLog: acc, min, max, bad: -1 };
}

/** Σ x (sum and compensation), min, max and Σ ln x of {@link fastPositiveSums}, as its chunks add to them. */
const FAST_SUMS = new Float64Array(5);
const FAST_START = Float64Array.of(0, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0);

function fastPositiveChunk(x: Float64Array, from: number, to: number): void {
  let s = FAST_SUMS[0] as number;
  let c = FAST_SUMS[1] as number;
  let min = FAST_SUMS[2] as number;
  let max = FAST_SUMS[3] as number;
  let acc = FAST_SUMS[4] as number;
  for (let start = from; start < to; start += FAST_BLOCK) {
    const end = Math.min(to, start + FAST_BLOCK);
    let b = 0;
    let p0 = 1;
    let p1 = 1;
    let i = start;
    for (; i + 1 < end; i += 2) {
      const v = x[i] as number;
      const w = x[i + 1] as number;
      b += v + w;
      min = Math.min(min, v, w);
      max = Math.max(max, v, w);
      p0 *= v;
      p1 *= w;
    }
    if (i < end) {
      const v = x[i] as number;
      b += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      p0 *= v;
    }
    const t = s + b;
    c += s - (t - (t - s)) + (b - (t - s));
    s = t;
    acc += Math.log(p0 * p1);
  }
  FAST_SUMS[0] = s;
  FAST_SUMS[1] = c;
  FAST_SUMS[2] = min;
  FAST_SUMS[3] = max;
  FAST_SUMS[4] = acc;
}

// The lognormal's sums, Σ(ln x − K) and Σ(ln x − K)², which the running products above cannot
// give, by the table logarithm of table-math.ts over a Uint32Array view of the data (no copy).

/** Values summed plainly before their block sum joins the compensated total. */
const BLOCK = 32;

/**
 * Σ d and Σ d² for d = ln x − shift over positive normal doubles, into out[0] + out[1] and
 * out[2] + out[3]: plain sums over blocks of 32 values, whose sums are added compensated (TwoSum),
 * so the error is that of 32-term sums (~32·1.1e-16 of the block's Σ|d| at worst, about the
 * logarithms' own) at a third of the cost of compensating every term. NaN sums when any value is
 * not a positive normal double (≤ 0, subnormal, ±Infinity, NaN).
 */
export function centredLogSums(x: Float64Array, shift: number, out: Float64Array): void {
  const bits = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
  const n = x.length;
  CENTRED_SUMS.fill(0);
  // (e − 1023)·ln 2 − shift for every exponent field e, so the loop adds one table entry instead of
  // converting, scaling and shifting per value (NaN past the positive doubles; logMantissa is NaN there anyway).
  for (let e = 0; e < 2048; e++) EXPONENT_TERM[e] = (e - 1023) * Math.LN2 - shift;
  // A chunk per call (see extremes in models/location-scale.ts: a helper called many times is
  // compiled whole, where one call's loop compiled on the stack left its code in every call), its
  // sums kept in a module-level array (whose stores V8 compiles without waiting for type feedback).
  for (let from = 0; from < n; from += CHUNK) centredLogChunk(x, bits, from, Math.min(n, from + CHUNK));
  out.set(CENTRED_SUMS);
}

/** (e − 1023)·ln 2 − shift by the 12 top bits of a double (centredLogSums fills the first 2048). */
const EXPONENT_TERM = new Float64Array(4096).fill(Number.NaN);

/** The compensated sums of {@link centredLogSums}, as its chunks add to them. */
const CENTRED_SUMS = new Float64Array(4);

/** Values per call of the chunk helpers (a multiple of their blocks). */
const CHUNK = 4096;

/** Adds a chunk's block sums to the compensated sums in CENTRED_SUMS. */
function centredLogChunk(x: Float64Array, bits: Uint32Array, from: number, to: number): void {
  let s1 = CENTRED_SUMS[0] as number;
  let c1 = CENTRED_SUMS[1] as number;
  let s2 = CENTRED_SUMS[2] as number;
  let c2 = CENTRED_SUMS[3] as number;
  const exponentTerm = EXPONENT_TERM;
  for (let start = from; start < to; start += BLOCK) {
    const end = Math.min(to, start + BLOCK);
    let b1 = 0;
    let b2 = 0;
    for (let i = start; i < end; i++) {
      // The high word of a little-endian double (every engine that runs this is little-endian).
      const hi = bits[2 * i + 1] as number;
      const d = (exponentTerm[hi >>> 20] as number) + logMantissaCubic(x[i] as number, hi);
      b1 += d;
      b2 += d * d;
    }
    const t1 = s1 + b1;
    c1 += s1 - (t1 - (t1 - s1)) + (b1 - (t1 - s1));
    s1 = t1;
    const t2 = s2 + b2;
    c2 += s2 - (t2 - (t2 - s2)) + (b2 - (t2 - s2));
    s2 = t2;
  }
  CENTRED_SUMS[0] = s1;
  CENTRED_SUMS[1] = c1;
  CENTRED_SUMS[2] = s2;
  CENTRED_SUMS[3] = c2;
}

/** What {@link unitIntervalSums} gathers. */
export interface UnitIntervalSums {
  /** Σ ln x and Σ ln(1 − x) (as {@link sumOfLogs} and {@link sumOfLog1m}). */
  readonly sumLog: number;
  readonly sumLog1m: number;
  /** The mean and the variance (n in the denominator; only the beta's starts use them). */
  readonly mean: number;
  readonly variance: number;
  /** Whether every value is the same. */
  readonly constant: boolean;
}

/** The smallest positive normal double: a product below it has lost digits. */
const MIN_NORMAL = 2.2250738585072014e-308;
/** The fast sums are kept when each is at least n times this in magnitude (see unitIntervalSums). */
const FAST_MIN_MEAN = 1 / 32;

/**
 * The beta fit's statistics of values in (0, 1): Σ ln x, Σ ln(1 − x), mean, variance and whether
 * the values are all equal. First one loop with no test per value but the rare flushes: every value
 * goes into both running products, each term then off by at most ~2.2e-16 (the rounding of 1 − x
 * and of the product), so each sum's relative error is at most 2.2e-16·n/|sum|. That is kept when
 * both sums are at least n/32 in magnitude (relative error ≤ 7e-15, the worst case of the careful
 * loop, which bounds each term away from 0 by 1/64 and gives log1p to the rest); otherwise — values
 * mostly near 0 or 1, a product that left the normal doubles, a value outside (0, 1) or NaN, equal
 * values — the careful loop runs: undefined when a value is outside (0, 1) or NaN (the caller's
 * checks then name it).
 */
export function unitIntervalSums(x: ArrayLike<number>): UnitIntervalSums | undefined {
  const n = x.length;
  const shift = x[0] as number;
  let s1 = 0;
  let s2 = 0;
  let acc = 0;
  let p = 1;
  let acc1m = 0;
  let p1m = 1;
  let lost = false;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const d = v - shift;
    s1 += d;
    s2 += d * d;
    p *= v;
    if (p < FLUSH_LO) {
      // A product ≤ 0 (a value outside (0, 1)) or below the normal doubles sends the careful loop.
      lost ||= !(p >= MIN_NORMAL);
      acc += Math.log(p);
      p = 1;
    }
    p1m *= 1 - v;
    if (p1m < FLUSH_LO) {
      lost ||= !(p1m >= MIN_NORMAL);
      acc1m += Math.log(p1m);
      p1m = 1;
    }
  }
  const sumLog = acc + Math.log(p);
  const sumLog1m = acc1m + Math.log(p1m);
  // −sumLog ≥ n/32 fails for NaN and for an infinite product (a value ≥ 1 or infinite makes one).
  if (lost || !(s2 > 0) || !(-sumLog >= n * FAST_MIN_MEAN && -sumLog1m >= n * FAST_MIN_MEAN) || !Number.isFinite(sumLog + sumLog1m + s1)) {
    return carefulUnitIntervalSums(x);
  }
  return { sumLog, sumLog1m, mean: shift + s1 / n, variance: Math.max(0, s2 / n - (s1 / n) ** 2), constant: false };
}

/**
 * The careful loop of {@link unitIntervalSums}, in one pass: as {@link positiveSums}, the loop tests
 * nothing but the near-1 and near-0 cases (each a log1p): undefined when a value is outside (0, 1)
 * or NaN (seen in min, max or a NaN sum); when min < 1e-100 the products may have underflowed and
 * Σ ln x is taken again by {@link sumOfLogs}.
 */
function carefulUnitIntervalSums(x: ArrayLike<number>): UnitIntervalSums | undefined {
  const n = x.length;
  const shift = x[0] as number;
  let s1 = 0;
  let s2 = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let acc = 0;
  let near = 0;
  let p = 1;
  let acc1m = 0;
  let near1m = 0;
  let p1m = 1;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    const d = v - shift;
    s1 += d;
    s2 += d * d;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (Math.abs(v - 1) < NEAR) {
      near += Math.log1p(v - 1);
    } else {
      p *= v;
      if (p < FLUSH_LO) {
        acc += Math.log(p);
        p = 1;
      }
    }
    if (v < NEAR) {
      near1m += Math.log1p(-v);
    } else {
      p1m *= 1 - v;
      if (p1m < FLUSH_LO) {
        acc1m += Math.log(p1m);
        p1m = 1;
      }
    }
  }
  if (!(min > 0 && max < 1) || Number.isNaN(s1)) return undefined;
  const sumLog = min < ALONE_LO ? sumOfLogs(x) : acc + Math.log(p) + near;
  const mean = shift + s1 / n;
  return { sumLog, sumLog1m: acc1m + Math.log(p1m) + near1m, mean, variance: Math.max(0, s2 / n - (s1 / n) ** 2), constant: min === max };
}
