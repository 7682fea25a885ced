// Quantiles by numpy's default method 'linear' (Hyndman & Fan type 7), with selection instead of a
// full sort. Ports `numpy.quantile(x, p)` (numpy/lib/_function_base_impl.py `_quantile`, `_lerp`).

import { orderStatistics } from '../internal/select.ts';
import { checkArrayLike, checkFiniteExtent, describe } from '../internal/validate.ts';

/**
 * The p-quantile(s) of an array by numpy's default 'linear' method.
 *
 * With the values sorted as x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎, the virtual index is h = (n − 1)·p, j = ⌊h⌋,
 * g = h − j, and the quantile is the interpolation between x₍ⱼ₎ and x₍ⱼ₊₁₎ in numpy's `_lerp` form:
 * x₍ⱼ₎ + (x₍ⱼ₊₁₎ − x₍ⱼ₎)·g when g < 0.5, else x₍ⱼ₊₁₎ − (x₍ⱼ₊₁₎ − x₍ⱼ₎)·(1 − g) — so results agree
 * with numpy to the last bit. Only the needed order statistics are found, by bucket and Floyd–Rivest
 * selection in O(n) expected time; `x` is not modified.
 *
 * @param x - The values; at least one, all finite.
 * @param p - A probability in [0, 1], or an array of them.
 * @returns The quantile (a number for a scalar `p`, a Float64Array for an array `p`).
 * @throws {TypeError} If `x` or `p` is not numeric.
 * @throws {RangeError} If `x` is empty or holds NaN or ±Infinity, or a `p` is outside [0, 1] or NaN.
 * @example
 * quantile([1, 2, 3, 4], 0.5); // => 2.5
 * quantile([1, 2, 3, 4], [0.25, 0.75]); // => Float64Array [1.75, 3.25]
 */
export function quantile(x: ArrayLike<number>, p: number): number;
export function quantile(x: ArrayLike<number>, p: ArrayLike<number>): Float64Array;
export function quantile(x: ArrayLike<number>, p: number | ArrayLike<number>): number | Float64Array {
  if (typeof p === 'number') {
    checkProbability('quantile', 'p', p);
    return quantilesOf('quantile', x, [p])[0] as number;
  }
  const m = checkArrayLike('quantile', 'p', p);
  for (let i = 0; i < m; i++) checkProbability('quantile', `p[${i}]`, p[i]);
  return quantilesOf('quantile', x, p);
}

function checkProbability(fn: string, name: string, v: unknown): void {
  if (typeof v !== 'number') throw new TypeError(`${fn}: ${name} must be a number in [0, 1], got ${describe(v)}`);
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${fn}: ${name} must be a probability in [0, 1], got ${describe(v)}`);
}

/**
 * numpy-'linear' quantiles for probabilities already checked to lie in [0, 1]; `fn` names the
 * public caller in errors. `x` is not modified.
 */
export function quantilesOf(fn: string, x: ArrayLike<number>, p: ArrayLike<number>): Float64Array {
  const { min, max } = checkFiniteExtent(fn, x);
  return linearQuantiles(x, p, min, max);
}

/**
 * numpy-'linear' quantiles of non-empty finite `x` with known extremes, every p in [0, 1]. Only the
 * order statistics x₍ⱼ₎ and (when g > 0) x₍ⱼ₊₁₎ are found, by selection; `x` is not modified.
 */
export function linearQuantiles(x: ArrayLike<number>, p: ArrayLike<number>, min: number, max: number): Float64Array {
  const n = x.length;
  const m = p.length;
  const lower = new Float64Array(m);
  const gamma = new Float64Array(m);
  const ranks: number[] = [];
  for (let i = 0; i < m; i++) {
    const h = (n - 1) * (p[i] as number);
    // numpy: a virtual index at or past the last one takes the largest value.
    const j = h >= n - 1 ? n - 1 : Math.floor(h);
    lower[i] = j;
    gamma[i] = h - j;
    ranks.push(j);
    // With g = 0, numpy's a + (b − a)·0 is a itself: x₍ⱼ₊₁₎ is not needed.
    if (h - j > 0) ranks.push(j + 1);
  }
  const values = orderStatistics(x, ranks, min, max);
  const out = new Float64Array(m);
  for (let i = 0, r = 0; i < m; i++) {
    const a = values[r++] as number;
    const g = gamma[i] as number;
    out[i] = g > 0 ? lerp(a, values[r++] as number, g) : a;
  }
  return out;
}

/** numpy's `_lerp`: a + (b − a)·t for t < 0.5, b − (b − a)·(1 − t) otherwise (exact at both ends). */
export function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
