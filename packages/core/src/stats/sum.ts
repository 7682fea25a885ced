// Compensated summation. Neumaier's improvement of Kahan summation: A. Neumaier, "Rundungsfehleranalyse
// einiger Verfahren zur Summation endlicher Summen", ZAMM 54 (1974); numpy's `sum` is pairwise instead.

import { ldexp } from '../internal/scale.ts';
import { checkArrayLike, checkFiniteData, isNumberTypedArray } from '../internal/validate.ts';

/**
 * Sums an array with Neumaier (Kahan–Babuška) compensation, so the result is within about one
 * rounding of the exact sum even when terms cancel.
 *
 * Keeps a running sum s and a compensation c: for each term v, t = s + v, c += the exact rounding
 * error of that addition (Knuth's TwoSum, equal to Neumaier's (s − t) + v or (v − t) + s),
 * s = t; and returns s + c. The error is bounded by
 * 2u·|Σx| + O(n·u²)·Σ|x| (u = 2⁻⁵³), against (n − 1)·u·Σ|x| for a plain loop. The empty sum is 0,
 * as `numpy.sum([])`.
 *
 * Ports `math.fsum`-grade accuracy at the cost of `numpy.sum` (which is pairwise, error O(u·log n)).
 *
 * Overflow: only a sum whose exact value overflows is an error. Partial sums that overflow on the
 * way (Number.MAX_VALUE, −MAX_VALUE, MAX_VALUE, −MAX_VALUE: exact sum 0) are recomputed on the data
 * scaled by 2^(−k), 2^k ≥ 4n (exact; values too small to scale exactly are summed unscaled beside
 * them), so the result is the same compensated sum. numpy returns ±inf with a RuntimeWarning
 * where the exact sum overflows; `sum` throws instead.
 *
 * @param x - The values; finite numbers.
 * @returns The compensated sum Σ xᵢ.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @throws {RangeError} If a value is NaN or ±Infinity (reported with its index), or the exact sum
 *   overflows the double range (|Σx| > Number.MAX_VALUE after rounding).
 * @example
 * sum([1e100, 1, -1e100]); // => 1
 * sum([0.1, 0.2, 0.3]); // => 0.6
 * sum([Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE]); // => 0
 */
export function sum(x: ArrayLike<number>): number {
  checkArrayLike('sum', 'x', x);
  if (!isNumberTypedArray(x)) checkFiniteData('sum', x, 'x', 0);
  const s = neumaierSum(x);
  if (!Number.isFinite(s)) {
    checkFiniteData('sum', x, 'x', 0);
    throw new RangeError(`sum: the sum of x overflows the double range (|sum| > ${Number.MAX_VALUE})`);
  }
  return s;
}

/**
 * The compensated sum itself, without validation (callers validate). NaN or ±Infinity among the
 * terms, or an exact sum that overflows, makes the result non-finite, so callers can check once at
 * the end; partial sums that overflow on the way are redone scaled (see {@link scaledSum}).
 *
 * Each addition's rounding error is recovered exactly with Knuth's branch-free TwoSum
 * (e = (s − (t − b)) + (v − b), b = t − s) and accumulated; this is the same correction Neumaier's
 * branch computes. Two interleaved accumulators, merged by one more TwoSum at the end, halve the
 * dependency chain so the loop runs at the speed of a plain sum.
 */
export function neumaierSum(x: ArrayLike<number>): number {
  const s = plainNeumaierSum(x);
  // An overflow on the way leaves Infinity or, through the compensation (∞ − ∞), NaN behind.
  if (!Number.isFinite(s)) {
    const { scaled, exponent, unscaled } = scaledSum(x);
    return ldexp(scaled, exponent) + unscaled;
  }
  return s;
}

/**
 * The compensated sum as scaled·2^exponent + unscaled, which cannot overflow on the way: terms with
 * |x| ≥ 2^(exponent − 1022) are summed as x·2^(−exponent) (exact), with 2^exponent ≥ 4n so no
 * partial sum reaches the double range's end; smaller terms (exactly representable only unscaled)
 * are summed as they are. A ±Infinity term makes `scaled` ±Infinity, a NaN makes it NaN.
 */
export function scaledSum(x: ArrayLike<number>): { scaled: number; exponent: number; unscaled: number } {
  const n = x.length;
  const exponent = Math.ceil(Math.log2(Math.max(1, n))) + 2;
  const small = 2 ** (exponent - 1022);
  const factor = 2 ** -exponent;
  let s = 0;
  let c = 0;
  let t = 0;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const x0 = x[i] as number;
    if (Math.abs(x0) >= small || Number.isNaN(x0)) {
      const v = x0 * factor;
      const u = s + v;
      const b = u - s;
      c += s - (u - b) + (v - b);
      s = u;
    } else {
      const u = t + x0;
      const b = u - t;
      d += t - (u - b) + (x0 - b);
      t = u;
    }
  }
  return { scaled: s + c, exponent, unscaled: t + d };
}

function plainNeumaierSum(x: ArrayLike<number>): number {
  const n = x.length;
  let s0 = 0;
  let c0 = 0;
  let s1 = 0;
  let c1 = 0;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const v = x[i] as number;
    const t = s0 + v;
    const b = t - s0;
    c0 += s0 - (t - b) + (v - b);
    s0 = t;
    const w = x[i + 1] as number;
    const u = s1 + w;
    const d = u - s1;
    c1 += s1 - (u - d) + (w - d);
    s1 = u;
  }
  if (i < n) {
    const v = x[i] as number;
    const t = s0 + v;
    const b = t - s0;
    c0 += s0 - (t - b) + (v - b);
    s0 = t;
  }
  const t = s0 + s1;
  const b = t - s0;
  return t + (c0 + c1 + (s0 - (t - b) + (s1 - b)));
}
