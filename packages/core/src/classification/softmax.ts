// Softmax, log-softmax and log-sum-exp, shifted by the maximum so that logits of ±1000 neither
// overflow nor underflow (torch.softmax / torch.log_softmax / scipy.special.logsumexp).

import { checkLogits } from '../internal/validate.ts';

interface Shifted {
  /** The largest entry. */
  max: number;
  /** Index of the (first) largest entry. */
  argmax: number;
  /** Σ exp(x_i − max) over every i except `argmax`, so the full sum is 1 + rest. */
  rest: number;
}

function shiftByMax(x: ArrayLike<number>, n: number): Shifted {
  let max = Number.NEGATIVE_INFINITY;
  let argmax = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (v > max) {
      max = v;
      argmax = i;
    }
  }
  if (max === Number.NEGATIVE_INFINITY) return { max, argmax, rest: 0 };
  // Compensated (TwoSum, as stats/sum.ts) so that 5·10⁴ terms add no more than an ulp or two:
  // a plain loop loses up to n·u relative (hundreds of ulps in log Σ), scipy and torch do not.
  let rest = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (i === argmax) continue;
    const v = Math.exp((x[i] as number) - max);
    const t = rest + v;
    const b = t - rest;
    c += rest - (t - b) + (v - b);
    rest = t;
  }
  return { max, argmax, rest: rest + c };
}

function checkOut(fn: string, out: Float64Array | undefined, n: number): Float64Array {
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array) || out.length !== n) {
    throw new RangeError(`${fn}: out must be a Float64Array of length ${n} (the number of logits)`);
  }
  return out;
}

/**
 * The logarithm of Σ exp(x_i), computed without overflow.
 *
 * Formula: m + log1p(Σ_{i≠k} exp(x_i − m)) with m = x_k = max x, so the largest term is exactly 1
 * and the rest can never overflow; the sum is compensated (Neumaier), so the result is within a
 * few ulps of the exact value for any number of terms. All entries −Infinity give −Infinity (log 0).
 * Ports `scipy.special.logsumexp` (one axis, no weights).
 *
 * @param x - Non-empty values; −Infinity is allowed (a zero term).
 * @returns log Σ exp(x_i).
 * @throws {RangeError} If `x` is empty or holds NaN or +Infinity.
 * @throws {TypeError} If `x` is not an array of numbers.
 * @example
 * logSumExp([1000, 1000]); // => 1000.6931471805599
 */
export function logSumExp(x: ArrayLike<number>): number {
  const n = checkLogits('logSumExp', x, 'x');
  const { max, rest } = shiftByMax(x, n);
  if (max === Number.NEGATIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return max + Math.log1p(rest);
}

/**
 * The softmax of a vector of logits: probabilities proportional to exp(logit).
 *
 * Formula: p_i = exp(z_i − m) / Σ_j exp(z_j − m) with m = max z (the shift cancels, so the result
 * is exact for logits of ±1000), the denominator summed with compensation. A logit of −Infinity
 * gets probability 0.
 * Ports `torch.softmax(z, dim=0)`.
 *
 * @param logits - Non-empty logits z; −Infinity is allowed, at least one must be finite.
 * @param out - Optional Float64Array of the same length to write into (no allocation).
 * @returns The probabilities, which sum to 1.
 * @throws {RangeError} If `logits` is empty, holds NaN or +Infinity, is all −Infinity, or `out` has the wrong length.
 * @throws {TypeError} If `logits` is not an array of numbers.
 * @example
 * softmax([3, 1, 0.2]); // => Float64Array [0.8360188027814407, 0.11314284146556013, 0.05083835575299916]
 */
export function softmax(logits: ArrayLike<number>, out?: Float64Array): Float64Array {
  const fn = 'softmax';
  const n = checkLogits(fn, logits);
  const { max, rest } = shiftByMax(logits, n);
  if (max === Number.NEGATIVE_INFINITY) throw new RangeError(`${fn}: every logit is -Infinity; at least one must be finite`);
  const result = checkOut(fn, out, n);
  const total = 1 + rest;
  for (let i = 0; i < n; i++) result[i] = Math.exp((logits[i] as number) - max) / total;
  return result;
}

/**
 * The logarithm of the softmax, computed directly so that tiny probabilities keep their digits.
 *
 * Formula: log p_i = z_i − m − log1p(Σ_{j≠k} exp(z_j − m)) with m = z_k = max z.
 * Ports `torch.log_softmax(z, dim=0)`.
 *
 * @param logits - Non-empty logits z; −Infinity is allowed, at least one must be finite.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns log-probabilities (≤ 0; −Infinity where a logit is −Infinity).
 * @throws {RangeError} If `logits` is empty, holds NaN or +Infinity, is all −Infinity, or `out` has the wrong length.
 * @throws {TypeError} If `logits` is not an array of numbers.
 * @example
 * logSoftmax([1000, 0]); // => Float64Array [0, -1000]
 */
export function logSoftmax(logits: ArrayLike<number>, out?: Float64Array): Float64Array {
  const fn = 'logSoftmax';
  const n = checkLogits(fn, logits);
  const { max, rest } = shiftByMax(logits, n);
  if (max === Number.NEGATIVE_INFINITY) throw new RangeError(`${fn}: every logit is -Infinity; at least one must be finite`);
  const result = checkOut(fn, out, n);
  const logTotal = Math.log1p(rest);
  for (let i = 0; i < n; i++) result[i] = (logits[i] as number) - max - logTotal;
  return result;
}
