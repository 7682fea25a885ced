// ln Γ by the Taylor series of ln Γ(2 + t) in ζ(n) − 1 (Abramowitz & Stegun 6.1.33) on [1.5, 2.5],
// the recurrence below it, products above it, and Stirling's series (A&S 6.1.40) from 15 on.

import { LN_SQRT_2PI } from '../internal/constants.ts';
import { sinPi } from './sin-pi.ts';
import { stirlingSeries } from './stirling-series.ts';

const LN_PI = 1.1447298858494002;

// ln Γ(2 + t) = (1 − γ)t + Σ_{n≥2} (−1)^n (ζ(n) − 1) tⁿ / n (A&S 6.1.33 with 6.1.15), coefficients for
// n = 1…30 from mpmath at 40 digits: [1 − euler] + [(−1)^n (zeta(n) − 1)/n for n in 2…30]. For |t| ≤ ½
// the terms fall faster than 4^−n, so 30 terms reach 1e−19.
const LG2 = [
  0.42278433509846713, 0.3224670334241132, -0.0673523010531981, 0.020580808427784546, -0.007385551028673986,
  0.0028905103307415234, -0.001192753911703261, 0.0005096695247430425, -0.00022315475845357939,
  9.945751278180853e-5, -4.492623673813314e-5, 2.050721277567069e-5, -9.439488275268397e-6, 4.374866789907488e-6,
  -2.039215753801366e-6, 9.55141213040742e-7, -4.492469198764566e-7, 2.1207184805554665e-7,
  -1.0043224823968099e-7, 4.7698101693639804e-8, -2.2711094608943164e-8, 1.0838659214896955e-8,
  -5.183475041970047e-9, 2.4836745438024785e-9, -1.1921401405860912e-9, 5.731367241678862e-10,
  -2.7595228851242334e-10, 1.330476437424449e-10, -6.4229645638381e-11, 3.1044247747322276e-11,
] as const;

/** ln Γ(2 + t) for |t| ≤ ½, with full relative accuracy at the root t = 0. */
function logGamma2p(t: number): number {
  let s = 0;
  for (let n = LG2.length - 1; n >= 0; n--) s = s * t + (LG2[n] as number);
  return s * t;
}

/**
 * ln Γ(1 + x), accurate to a few ulps relative for small |x| (where ln Γ(1 + x) ≈ −γx and forming
 * 1 + x first would lose the low digits of x).
 *
 * Method: for |x| ≤ ½, ln Γ(1 + x) = ln Γ(2 + x) − ln(1 + x) with the ζ(n) − 1 series of ln Γ(2 + x)
 * (A&S 6.1.33); otherwise `logGamma(1 + x)`.
 *
 * @param x - a number > −1 (below −1, ln |Γ(1 + x)| as `logGamma` defines it)
 * @returns ln Γ(1 + x); NaN for NaN
 * @example
 * logGamma1p(1e-10); // => -5.772156648192862e-11 (−γx + π²x²/12)
 * logGamma1p(0.5); // => -0.1207822376352452 (ln(√π/2))
 */
export function logGamma1p(x: number): number {
  if (Math.abs(x) <= 0.5) return logGamma2p(x) - Math.log1p(x);
  if (x > 0.5 && x < 1.5) return logGamma2p(x - 1); // x − 1 is exact here
  return logGamma(1 + x);
}

/**
 * ln Γ(x) for x > 0, and ln |Γ(x)| for negative non-integers (scipy's `gammaln`), to about 1e−15
 * relative (absolute near the roots x = 1 and 2, where the relative error stays small too).
 *
 * Method (A&S 6.1.33, 6.1.40): x < ½ by ln Γ(1 + x) − ln x; [½, 2.5) by the ζ(n) − 1 series about 1
 * or 2; [2.5, 15) by ln((x − 1)(x − 2)…(x − n)) + ln Γ(x − n) with x − n in [1.5, 2.5); from 15 on
 * Stirling: (x − ½) ln x − x + ln √(2π) + δ(x). Negative x by reflection,
 * ln |Γ(x)| = ln π − ln |sin πx| − ln Γ(1 − x).
 *
 * @param x - any number
 * @returns ln |Γ(x)|; +Infinity at the poles 0, −1, −2, … and at +Infinity (as scipy); NaN for NaN
 *   and −Infinity
 * @example
 * logGamma(0.5); // => 0.5723649429247001 (ln √π)
 * logGamma(100); // => 359.1342053695754
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x === Number.NEGATIVE_INFINITY) return Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  if (x <= 0) {
    if (Number.isInteger(x)) return Number.POSITIVE_INFINITY;
    if (x > -1) return logGamma1p(x) - Math.log(-x);
    return LN_PI - Math.log(Math.abs(sinPi(x))) - logGamma(1 - x);
  }
  if (x < 0.5) return logGamma1p(x) - Math.log(x);
  if (x < 1.5) return logGamma1p(x - 1);
  if (x < 2.5) return logGamma2p(x - 2);
  if (x < 15) {
    // x − k is exact for every k here, and the product of at most 13 factors stays below 15!.
    let y = x - 1;
    let product = 1;
    while (y >= 1.5) {
      product *= y;
      y -= 1;
    }
    return Math.log(product) + logGamma2p(y - 1);
  }
  return (x - 0.5) * (Math.log(x) - 1) - 0.5 + LN_SQRT_2PI + stirlingSeries(x);
}
