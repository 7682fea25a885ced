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
  // reached(lo) is false and reached(hi) true: bisect.
  while (hi - lo > 1) {
    const mid = Math.floor(lo + (hi - lo) / 2);
    if (reached(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
