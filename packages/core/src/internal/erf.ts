// The error function and its complement, accurate to about one ulp over the whole real line.
// Port of Sun fdlibm `s_erf.c` (Copyright (C) 1993 Sun Microsystems, Inc.; "permission to use,
// copy, modify, and distribute this software is freely granted, provided that this notice is
// preserved"). The method, by interval of |x|:
//   [0, 0.84375)    erf(x) = x + x·R(x²), R = P/Q rational          (|R − (erf(x)−x)/x| < 2^−57.9)
//   [0.84375, 1.25) erf(x) = c + P1(s)/Q1(s), s = |x| − 1, c = erf(1) rounded to single precision
//   [1.25, 1/0.35)  erfc(x) = exp(−x² − 0.5625 + R1(1/x²)/S1(1/x²)) / x
//   [1/0.35, 28)    erfc(x) = exp(−x² − 0.5625 + R2(1/x²)/S2(1/x²)) / x
//   [28, ∞)         erfc(x) underflows to 0
// In the last two intervals −x² is split as −z² + (z − x)(z + x), with z = x rounded to single
// precision, so that z² is exact and the exponential loses no accuracy in the far tail
// (fdlibm truncates the low word instead of rounding; either makes z² exact).

import { expNearlyRounded } from '../random/accurate-exp.ts';

/** fdlibm's erx: erf(1) rounded to 24 bits, the constant of erf on [0.84375, 1.25). */
const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;

// erf on [0, 0.84375)
const PP0 = 1.28379167095512558561e-1;
const PP1 = -3.25042107247001499370e-1;
const PP2 = -2.84817495755985104766e-2;
const PP3 = -5.77027029648944159157e-3;
const PP4 = -2.37630166566501626084e-5;
const QQ1 = 3.97917223959155352819e-1;
const QQ2 = 6.50222499887672944485e-2;
const QQ3 = 5.08130628187576562776e-3;
const QQ4 = 1.32494738004321644526e-4;
const QQ5 = -3.96022827877536812320e-6;

// erf on [0.84375, 1.25)
const PA0 = -2.36211856075265944077e-3;
const PA1 = 4.14856118683748331666e-1;
const PA2 = -3.72207876035701323847e-1;
const PA3 = 3.18346619901161753674e-1;
const PA4 = -1.10894694282396677476e-1;
const PA5 = 3.54783043256182359371e-2;
const PA6 = -2.16637559486879084300e-3;
const QA1 = 1.06420880400844228286e-1;
const QA2 = 5.40397917702171048937e-1;
const QA3 = 7.18286544141962662868e-2;
const QA4 = 1.26171219808761642112e-1;
const QA5 = 1.36370839120290507362e-2;
const QA6 = 1.19844998467991074170e-2;

// erfc on [1.25, 1/0.35)
const RA0 = -9.86494403484714822705e-3;
const RA1 = -6.93858572707181764372e-1;
const RA2 = -1.05586262253232909814e1;
const RA3 = -6.23753324503260060396e1;
const RA4 = -1.62396669462573470355e2;
const RA5 = -1.84605092906711035994e2;
const RA6 = -8.12874355063065934246e1;
const RA7 = -9.81432934416914548592e0;
const SA1 = 1.96512716674392571292e1;
const SA2 = 1.37657754143519042600e2;
const SA3 = 4.34565877475229228821e2;
const SA4 = 6.45387271733267880336e2;
const SA5 = 4.29008140027567833386e2;
const SA6 = 1.08635005541779435134e2;
const SA7 = 6.57024977031928170135e0;
const SA8 = -6.04244152148580987438e-2;

// erfc on [1/0.35, 28)
const RB0 = -9.86494292470009928597e-3;
const RB1 = -7.99283237680523006574e-1;
const RB2 = -1.77579549177547519889e1;
const RB3 = -1.60636384855821916062e2;
const RB4 = -6.37566443368389627722e2;
const RB5 = -1.02509513161107724954e3;
const RB6 = -4.83519191608651397019e2;
const SB1 = 3.03380607434824582924e1;
const SB2 = 3.25792512996573918826e2;
const SB3 = 1.53672958608443695994e3;
const SB4 = 3.19985821950859553908e3;
const SB5 = 2.55305040643316442583e3;
const SB6 = 4.74528541206955367215e2;
const SB7 = -2.24409524465858183362e1;

// Interval ends as doubles (fdlibm compares high words: 0x3FEB0000, 0x3FF40000, 0x4006DB6D, …).
const X_SMALL = 0.84375;
const X_ONE_QUARTER = 1.25;
const X_SPLIT = 2.8571414947509766; // 0x4006DB6D00000000, just below 1/0.35
const X_TINY = 3.725290298461914e-9; // 2^−28: erf(x) = x + efx·x
const X_ERFC_TINY = 1.3877787807814457e-17; // 2^−56: erfc(x) = 1 − x
const SQRT_HALF = Math.SQRT1_2;

/**
 * R/S at s = 1/t² on [1.25, 28): log(t·erfc(t)) + t² + 0.5625, fdlibm's tail correction. Evaluated as
 * u·(u⁷R(1/u))/(u⁸S(1/u)) with u = t² (the same rational function; one division instead of two), both
 * polynomials in u by Estrin's scheme: the rational sits on the longest chain of dependent operations
 * in the normal cdf's tail, and Horner's rule made it twice as long. The numerators' coefficients are
 * all of one sign and the denominators' nearly so, so nothing cancels. Against mpmath at 3,000 points
 * of [1.77, 37.5], the normal upper tail's largest error is 2.44 ulp with this form and with fdlibm's
 * (2 % of the results differ, by at most 2 ulp).
 */
function tailCorrection(t: number): number {
  const u = t * t;
  return t < X_SPLIT ? tailCorrectionNear(u) : tailCorrectionFar(u);
}

/** fdlibm's R1(s)/S1(s) at s = 1/u, for t = √u on [1.25, 1/0.35). */
function tailCorrectionNear(u: number): number {
  const u2 = u * u;
  const u4 = u2 * u2;
  const r = RA7 + u * RA6 + u2 * (RA5 + u * RA4) + u4 * (RA3 + u * RA2 + u2 * (RA1 + u * RA0));
  const q = SA8 + u * SA7 + u2 * (SA6 + u * SA5) + u4 * (SA4 + u * SA3 + u2 * (SA2 + u * SA1) + u4);
  return (u * r) / q;
}

/** fdlibm's R2(s)/S2(s) at s = 1/u, for t = √u on [1/0.35, 28). */
function tailCorrectionFar(u: number): number {
  const u2 = u * u;
  const u4 = u2 * u2;
  const r = RB6 + u * RB5 + u2 * (RB4 + u * RB3) + u4 * (RB2 + u * RB1 + u2 * RB0);
  const q = SB7 + u * SB6 + u2 * (SB5 + u * SB4) + u4 * (SB3 + u * SB2 + u2 * (SB1 + u));
  return (u * r) / q;
}

/** erfc(t) for t in [1.25, 28): exp(−z² − 0.5625)·exp((z − t)(z + t) + R/S)/t with z² exact. */
function erfcTail(t: number): number {
  const z = Math.fround(t);
  return expSplit(-z * z, (z - t) * (z + t) + tailCorrection(t)) / t;
}

/**
 * e^(a − 0.5625 + b) for a = −z² with z² exact (a ≤ −1.5) and a small b (|b| < 1), by one
 * exponential of the double-double sum: a − 0.5625 and then + b are each split by Fast2Sum (|a| ≥
 * 0.5625 and |a − 0.5625| > |b|), so no rounding of the exponent reaches the result (fdlibm takes
 * the product of two exponentials, each ≤ 1 ulp off, and rounds a − 0.5625).
 */
function expSplit(a: number, b: number): number {
  const y = a - 0.5625;
  const yLo = a - y - 0.5625;
  const s = y + b;
  return expNearlyRounded(s, y - s + b + yLo);
}

/**
 * The standard normal upper tail Q(a) = ½·erfc(a/√2) for a ≥ 1.25·√2, computed from `a` itself.
 *
 * Forming t = a/√2 first rounds t, and erfc(t) ∝ e^(−t²) turns that rounding into a relative
 * error of about 2t²·ε (7e−14 at a = 30). Here the exponent −a²/2 is split exactly instead:
 * h = a rounded to single precision, −a²/2 = −h²/2 + (h − a)(h + a)/2, with h² exact; t is used
 * only in the slowly varying correction R/S and the 1/t factor, where its rounding costs ~1 ulp.
 * Returns 0 for a ≥ 28·√2 (the tail is below the smallest subnormal).
 */
export function normalUpperTail(a: number): number {
  return normalUpperTailFrom(a, normalUpperTailExponent(a));
}

/**
 * The first half of `normalUpperTail(a)`: the small part b = (h − a)(h + a)/2 + R/S of the exponent
 * −h²/2 + b, which `normalUpperTailFrom` takes. Two halves so that an array loop can run them as
 * passes of their own: each half is a long chain of dependent operations (a rational, then an
 * exponential and a division), and in one loop fewer points' chains overlap.
 */
export function normalUpperTailExponent(a: number): number {
  const h = Math.fround(a);
  return ((h - a) * (h + a)) / 2 + tailCorrection(a * SQRT_HALF);
}

/** The second half of `normalUpperTail(a)`, given b = normalUpperTailExponent(a): ½·e^(−h²/2 + b)/t, 0 for t ≥ 28. */
export function normalUpperTailFrom(a: number, b: number): number {
  const t = a * SQRT_HALF;
  if (t >= 28) return 0;
  const h = Math.fround(a);
  return (0.5 * expSplit(-(h * h) / 2, b)) / t;
}

/** erf(x) − x over x on [0, 0.84375): the rational R(x²). */
function erfSmallRatio(x: number): number {
  const z = x * x;
  const r = PP0 + z * (PP1 + z * (PP2 + z * (PP3 + z * PP4)));
  const s = 1 + z * (QQ1 + z * (QQ2 + z * (QQ3 + z * (QQ4 + z * QQ5))));
  return r / s;
}

/** erf(1 + s) − c on [0.84375, 1.25): the rational P1(s)/Q1(s). */
function erfNearOne(s: number): number {
  const p = PA0 + s * (PA1 + s * (PA2 + s * (PA3 + s * (PA4 + s * (PA5 + s * PA6)))));
  const q = 1 + s * (QA1 + s * (QA2 + s * (QA3 + s * (QA4 + s * (QA5 + s * QA6)))));
  return p / q;
}

/**
 * erf(x) for |x| < 0.84375 (fdlibm's first interval; NaN passes through): the piece of `erf` that
 * the normal cdf calls directly, small enough for V8 to inline into its loops.
 */
export function erfSmall(x: number): number {
  return Math.abs(x) < X_TINY ? x + EFX * x : x + x * erfSmallRatio(x);
}

/** erfc(t) for 0 ≤ t < 1.25 (fdlibm's first two intervals), the piece of `erfc` the normal cdf calls directly. */
export function erfcSmall(t: number): number {
  if (t < X_SMALL) {
    if (t < X_ERFC_TINY) return 1 - t;
    const y = erfSmallRatio(t);
    if (t < 0.25) return 1 - (t + t * y);
    return 0.5 - (t * y + (t - 0.5));
  }
  return 1 - ERX - erfNearOne(t - 1);
}

/** The error function erf(x) = 2/√π ∫₀ˣ e^(−t²) dt (fdlibm `erf`). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (ax < X_SMALL) {
    if (ax < X_TINY) return x + EFX * x;
    return x + x * erfSmallRatio(x);
  }
  if (ax < X_ONE_QUARTER) {
    const pq = erfNearOne(ax - 1);
    return x >= 0 ? ERX + pq : -ERX - pq;
  }
  if (ax >= 6) return x >= 0 ? 1 : -1;
  const r = erfcTail(ax);
  return x >= 0 ? 1 - r : r - 1;
}

/** The complementary error function erfc(x) = 1 − erf(x), without cancellation for large x (fdlibm `erfc`). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const ax = Math.abs(x);
  if (ax < X_SMALL) {
    if (ax < X_ERFC_TINY) return 1 - x;
    const y = erfSmallRatio(x);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < X_ONE_QUARTER) {
    const pq = erfNearOne(ax - 1);
    return x >= 0 ? 1 - ERX - pq : 1 + (ERX + pq);
  }
  if (ax < 28) {
    if (x < -6) return 2;
    const r = erfcTail(ax);
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2;
}

/**
 * The scaled complementary error function erfcx(x) = e^(x²)·erfc(x) for x ≥ 0, without the underflow of
 * erfc or the rounding of x² in e^(x²): below 1.25 the product itself (x² ≤ 1.6, so e^(x²) loses nothing);
 * on [1.25, 28) fdlibm's tail form with the e^(−x²) factor left out, e^(R/S − 0.5625)/x; from 28 on the
 * asymptotic series (1/(x√π))·Σ_k (−1)^k (2k − 1)!!/(2x²)^k, whose terms fall by (2k − 1)/(2x²) ≤ 1/1500.
 * NaN for x < 0 or NaN (callers need only the right half).
 */
export function erfcx(x: number): number {
  if (!(x >= 0)) return Number.NaN;
  if (x < X_ONE_QUARTER) return Math.exp(x * x) * erfc(x);
  if (x < 28) return Math.exp(tailCorrection(x) - 0.5625) / x;
  if (x === Number.POSITIVE_INFINITY) return 0;
  const v = 1 / (2 * x * x);
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 30; k++) {
    term *= -(2 * k - 1) * v;
    sum += term;
    if (Math.abs(term) < 1e-17) break;
  }
  return sum / (x * Math.sqrt(Math.PI));
}
