// The quantile of a discrete distribution on the integers: the smallest support point k at which a
// monotone condition first holds (cdf(k) ≥ p for ppf, sf(k) ≤ q for isf), found from a guess by
// doubling steps and then bisection, so a good guess (a normal or closed-form approximation) costs
// two or three evaluations and a poor one O(log distance). Comparing the computed cdf with p, as
// scipy's `_ppf` methods do (e.g. poisson: ceil(pdtrik(q, mu)) checked against pdtr at the
// neighbour), makes the answer the one scipy gives wherever the cdf rounds the same.

/**
 * The smallest integer k in [lower, upper] with `reached(k)` true, for `reached` false below some
 * point and true from it on (true at `upper` is assumed, which may be +Infinity).
 *
 * @param reached - The monotone condition, e.g. `(k) => cdf(k) >= p`.
 * @param guess - A starting point (rounded and clamped into the support; NaN starts at `lower`).
 * @param lower - The smallest support point.
 * @param upper - The largest support point, or +Infinity.
 * @returns The smallest such k; above 2^53, where not every integer is a double, the smallest double.
 */
export function discreteQuantile(reached: (k: number) => boolean, guess: number, lower: number, upper: number): number {
  let k = Number.isNaN(guess) ? lower : Math.min(Math.max(Math.round(guess), lower), upper);
  if (k === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  let lo: number;
  let hi: number;
  if (reached(k)) {
    // Walk down: hi holds a point where the condition holds.
    hi = k;
    let step = 1;
    for (;;) {
      if (hi === lower) return lower;
      lo = Math.max(hi - step, lower);
      if (!reached(lo)) break;
      hi = lo;
      step *= 2;
    }
  } else {
    lo = k;
    let step = 1;
    for (;;) {
      hi = Math.min(lo + step, upper);
      if (hi === upper || reached(hi)) break;
      lo = hi;
      step *= 2;
    }
    if (hi === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  }
  // reached(lo) is false and reached(hi) true: bisect. Above 2^53 not every integer is a double: the
  // search ends when no double lies between lo and hi (hi − lo > 1 stays true there, and the midpoint
  // would round back to lo or hi for ever), so the answer is the smallest double that reaches.
  for (;;) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (mid <= lo || mid >= hi) return hi;
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
}

/**
 * The ppf of a discrete distribution: the smallest k in [lower, upper] with cdf(k) ≥ p. Above p = ½
 * the test is sf(k) ≤ 1 − p instead (1 − p is exact there, and the same condition): near 1 a computed
 * cdf keeps only its absolute rounding (1.1e−16), so cdf(k) ≥ 1 − 1e−15 would be decided by noise
 * worth a tenth of the tail, while sf(k) keeps its relative accuracy.
 *
 * @param p - A probability in [0, 1) (the caller handles p = 1 and NaN).
 * @param cdf - P(X ≤ k).
 * @param sf - P(X > k), computed directly.
 * @param guess - A starting point for `discreteQuantile`.
 * @param lower - The smallest support point.
 * @param upper - The largest support point, or +Infinity.
 */
export function discretePpf(p: number, cdf: (k: number) => number, sf: (k: number) => number, guess: number, lower: number, upper: number): number {
  if (p > 0.5) {
    const q = 1 - p;
    return discreteQuantile((k) => sf(k) <= q, guess, lower, upper);
  }
  return discreteQuantile((k) => cdf(k) >= p, guess, lower, upper);
}

/**
 * The isf of a discrete distribution: the smallest k in [lower, upper] with sf(k) ≤ q, tested as
 * cdf(k) ≥ 1 − q above q = ½ (the mirror of `discretePpf`).
 *
 * @param q - A probability in (0, 1] (the caller handles q = 0 and NaN).
 * @param cdf - P(X ≤ k).
 * @param sf - P(X > k), computed directly.
 * @param guess - A starting point for `discreteQuantile`.
 * @param lower - The smallest support point.
 * @param upper - The largest support point, or +Infinity.
 */
export function discreteIsf(q: number, cdf: (k: number) => number, sf: (k: number) => number, guess: number, lower: number, upper: number): number {
  if (q > 0.5) {
    const p = 1 - q;
    return discreteQuantile((k) => cdf(k) >= p, guess, lower, upper);
  }
  return discreteQuantile((k) => sf(k) <= q, guess, lower, upper);
}
