// ln(1 + x) − x by the atanh series in u = x/(2 + x) near 0 (Abramowitz & Stegun 4.1.27), directly elsewhere.

/** 1/(2k + 3) for k = 0 … 17, the series' coefficients. */
const INVERSE_ODD = Float64Array.from({ length: 18 }, (_, k) => 1 / (2 * k + 3));

/**
 * ln(1 + x) − x, accurate to a few ulps for every x > −1, including |x| ≪ 1 where it is −x²/2 + x³/3 − …
 * and the direct difference would lose every digit.
 *
 * Method: with u = x/(2 + x), ln(1 + x) = 2 atanh u = 2(u + u³/3 + u⁵/5 + …) and 2u − x = −xu, so
 * ln(1 + x) − x = −xu + 2u³(1/3 + u²/5 + u⁴/7 + …), a sum of same-sign terms for −0.5 ≤ x ≤ 1
 * (|u| ≤ 1/3). Outside that range `Math.log1p(x) − x` loses at most a factor 5.
 *
 * @param x - a number > −1
 * @returns ln(1 + x) − x; −Infinity at x = −1 and x = +Infinity; NaN for x < −1 or NaN
 * @example
 * log1pmx(1e-5); // => -4.999966666916665e-11 (−x²/2 + x³/3 − …)
 * log1pmx(1); // => -0.30685281944005466 (ln 2 − 1)
 */
export function log1pmx(x: number): number {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1 || x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  if (x < -0.5 || x > 1) return Math.log1p(x) - x;
  const u = x / (2 + x);
  const u2 = u * u;
  // Σ_{k≥0} u^(2k) / (2k + 3): terms fall by u² ≤ 1/9, so 18 terms reach 2^−54 of the sum (≥ 1/3); 9 do for
  // u² ≤ 1e−2 and 5 for u² ≤ 1e−4 (near the mean of a large shape, where the incomplete gamma and beta functions
  // call it most). The coefficients are the doubles 1/(2k + 3) from a table (a division per term was most of the
  // function's time).
  const terms = u2 <= 1e-4 ? 5 : u2 <= 1e-2 ? 9 : 18;
  let s = 0;
  for (let k = terms - 1; k >= 0; k--) s = s * u2 + (INVERSE_ODD[k] as number);
  return -x * u + 2 * u * u2 * s;
}
