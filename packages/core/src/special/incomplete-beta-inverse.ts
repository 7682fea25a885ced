// Inverse of the regularised incomplete beta function: starting values in the spirit of Temme (1992) and
// Boost's ibeta_inv (the tails' leading terms, the normal approximation), then safeguarded Halley on ln x.

import { normalPpf } from '../distributions/normal.ts';
import { betaTail, betaTailLog, betaTailPrefix, betaTailValue, logBetaPrefix, pairLogBetaOf } from './incomplete-beta.ts';
import { TailMemo, solveTail, type TailEval } from './tail-root.ts';

const LN_MIN = Math.log(Number.MIN_VALUE);
const HALF_PI = Math.PI / 2;
// A start whose |ln I − ln t| is at most this ends the choosing: Halley's cubic convergence in ln x
// takes it to the root in about as many steps as from 0.01, and evaluating the next candidate costs
// as much as a step (with 0.01, beta(2, 3)'s ppf grid evaluated 2.9 starts a point, now 1).
const GOOD_START = 0.2;

/**
 * f = ln T(x) − ln t for T = I_x(a, b) (upper = false) or 1 − I_x(a, b), with df/du = ±x·pdf/T =
 * ±e^(ln(x^a y^(b−1)/B(a, b)) − ln T) and d²f/du² = (df/du)·(a − (b − 1)x/y − df/du), u = ln x, y = 1 − x.
 */
function evaluator(a: number, b: number, logTarget: number, upper: boolean): (x: number) => TailEval {
  const memo = new TailMemo();
  return (x) => {
    const cached = memo.find(x);
    if (cached !== undefined) return cached;
    const y = 1 - x;
    const logT = betaTail(a, b, x, y) === upper ? betaTailLog() : Math.log1p(-betaTailValue());
    const tailPrefix = betaTailPrefix();
    const lny = x < 0.5 ? Math.log1p(-x) : Math.log(y);
    const prefix = Number.isNaN(tailPrefix) ? logBetaPrefix(a, b, x, y) : tailPrefix;
    const d1 = (upper ? -1 : 1) * Math.exp(prefix - lny - logT);
    return memo.store(x, logT - logTarget, d1, d1 * (a - ((b - 1) * x) / y - d1));
  };
}

/**
 * Whether I_x(a, b) = p has a closed-form root (a = 1, b = 1, or a = b = ½), which betaIInv and betaIcInv take.
 *
 * @param a - first shape
 * @param b - second shape
 * @returns true for a = 1, b = 1 or a = b = ½
 * @example
 * hasClosedFormRoot(1, 40); // => true (x = 1 − (1 − p)^(1/40))
 */
export function hasClosedFormRoot(a: number, b: number): boolean {
  return a === 1 || b === 1 || (a === 0.5 && b === 0.5);
}

/**
 * The root where I has a closed form, else NaN: I_x(a, 1) = x^a, I_x(1, b) = 1 − (1 − x)^b and
 * I_x(½, ½) = (2/π)·asin(√x) (Boost's ibeta_inv takes the same shortcuts). t ≤ ½ is the exact one of the two
 * tails (I = t, or 1 − I = t when upper), and the other, 1 − t, is only ever used through log1p(−t).
 */
function closedFormRoot(a: number, b: number, t: number, upper: boolean): number {
  if (!hasClosedFormRoot(a, b)) return Number.NaN;
  if (a === 1 && b === 1) return upper ? 1 - t : t;
  if (b === 1) return Math.exp((upper ? Math.log1p(-t) : Math.log(t)) / a); // x = I^(1/a)
  if (a === 1) return -Math.expm1((upper ? Math.log(t) : Math.log1p(-t)) / b); // 1 − x = (1 − I)^(1/b)
  if (a === 0.5 && b === 0.5) {
    const s = Math.sin(HALF_PI * t); // x = sin²(πI/2), and 1 − x = sin²(π(1 − I)/2)
    return upper ? 1 - s * s : s * s;
  }
  return Number.NaN;
}

/**
 * x in [0, 1] with I_x(a, b) = t (upper = false) or 1 − I_x(a, b) = t, for 0 < t ≤ ½. The iteration runs on
 * whichever of x and y = 1 − x is the smaller at the best start, through 1 − I_x(a, b) = I_y(b, a), so a
 * root near 1 is found to full relative precision in 1 − x and one near 0 in x.
 */
function invert(a: number, b: number, t: number, upper: boolean): number {
  const closed = closedFormRoot(a, b, t, upper);
  if (!Number.isNaN(closed)) return closed;
  const logT = Math.log(t);
  const logLower = upper ? Math.log1p(-t) : logT; // ln I at the root
  const logUpper = upper ? logT : Math.log1p(-t); // ln(1 − I) at the root
  const lnB = pairLogBetaOf(a, b);
  // I ≈ x^a/(a B(a, b)) near 0; 1 − I ≈ y^b/(b B(a, b)) near 1.
  const logX = (logLower + Math.log(a) + lnB) / a;
  const logY = (logUpper + Math.log(b) + lnB) / b;
  if (logX < LN_MIN - 1) return 0; // the quantile underflows towards 0
  if (logY < LN_MIN - 1) return 1; // 1 − x underflows: x rounds to 1
  // For a, b > 1 Abramowitz & Stegun 26.5.22 first (within GOOD_START for nearly every t, so the one
  // evaluation of the start is all the choosing costs), then the normal approximation with the beta's
  // mean and standard deviation, then the tails' leading terms. Each candidate, and each evaluator,
  // is formed only when it is reached.
  const s = a + b;
  const zt = normalPpf(t); // Φ⁻¹ of the tail probability; the lower-tail quantile is ∓ this
  let inX: ((x: number) => TailEval) | undefined;
  let inY: ((y: number) => TailEval) | undefined; // 1 − I_x(a, b) = I_y(b, a)
  let bestX = a / s;
  let bestY = b / s;
  let bestF = Number.POSITIVE_INFINITY;
  // Stops once a start is close enough for Halley's method: the rest are not evaluated.
  for (let k = a > 1 && b > 1 ? 0 : 1; k < 4 && bestF > GOOD_START; k++) {
    let x: number;
    let y: number;
    if (k === 0) {
      const r = abramowitzStegunRatio(a, b, upper ? zt : -zt);
      x = 1 / (1 + r);
      y = r / (1 + r);
    } else if (k === 1) {
      const z = (upper ? -zt : zt) * Math.sqrt((a * b) / (s * s * (s + 1)));
      x = a / s + z;
      y = b / s - z;
    } else if (k === 2) {
      x = Math.exp(logX);
      y = -Math.expm1(logX);
    } else {
      x = -Math.expm1(logY);
      y = Math.exp(logY);
    }
    // Each candidate is judged in its smaller coordinate (x may round to 1 while y = 1e−300 is fine).
    if (!(x <= 0.5 ? x > 0 : y > 0 && y < 0.5)) continue;
    const f = Math.abs(x <= 0.5 ? (inX ??= evaluator(a, b, logT, upper))(x).f : (inY ??= evaluator(b, a, logT, !upper))(y).f);
    if (f < bestF) {
      bestF = f;
      bestX = x;
      bestY = y;
    }
  }
  if (bestX <= 0.5) return solveTail(inX ?? evaluator(a, b, logT, upper), bestX, 0, 1, !upper);
  return 1 - solveTail(inY ?? evaluator(b, a, logT, !upper), bestY, 0, 1, upper);
}

/**
 * The start of Abramowitz & Stegun 26.5.22 for a, b > 1 (as Cephes' incbi), as r = (1 − x)/x: with
 * y = −Φ⁻¹(p) for the lower-tail probability p, λ = (y² − 3)/6, h = 2/(1/(2a − 1) + 1/(2b − 1)),
 * w = y·√(h + λ)/h − (1/(2b − 1) − 1/(2a − 1))·(λ + 5/6 − 2/(3h)), x = a/(a + b·e^(2w)), so
 * r = (b/a)·e^(2w), x = 1/(1 + r) and 1 − x = r/(1 + r).
 */
function abramowitzStegunRatio(a: number, b: number, y: number): number {
  const lambda = (y * y - 3) / 6;
  const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
  const w = (y * Math.sqrt(h + lambda)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (lambda + 5 / 6 - 2 / (3 * h));
  return (b / a) * Math.exp(2 * w);
}

/** NaN unless a, b > 0 (finite) and the probability is in [0, 1]. */
function invalid(a: number, b: number, t: number): boolean {
  return !(a > 0 && b > 0 && a < Number.POSITIVE_INFINITY && b < Number.POSITIVE_INFINITY && t >= 0 && t <= 1);
}

/**
 * The inverse of the regularised incomplete beta function: x in [0, 1] with I_x(a, b) = p (scipy's
 * `betaincinv`), the quantile of Beta(a, b).
 *
 * Method: the smaller tail is solved, I_x(a, b) = p for p ≤ ½ and 1 − I_x(a, b) = 1 − p otherwise. The
 * start is the best of the tails' leading terms (x^a/(a B) near 0, 1 − y^b/(b B) near 1; cf. Temme 1992)
 * and the normal approximation; then Halley's method on the log of the tail in u = ln x, or in ln(1 − x)
 * through 1 − I_x(a, b) = I_{1−x}(b, a) when the root is above ½ (so 1 − x keeps its relative precision),
 * inside a bracket that each evaluation narrows.
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param p - probability in [0, 1]
 * @returns x with I_x(a, b) = p; 0 at p = 0 (and where x underflows), 1 at p = 1; NaN if a or b is ≤ 0,
 *   infinite or NaN, or p is outside [0, 1] or NaN
 * @example
 * betaIInv(2, 3, 0.5248); // => 0.4
 * betaIInv(1, 1, 0.25); // => 0.25 (I_x(1, 1) = x)
 */
export function betaIInv(a: number, b: number, p: number): number {
  if (invalid(a, b, p)) return Number.NaN;
  if (p === 0) return 0;
  if (p === 1) return 1;
  return p <= 0.5 ? invert(a, b, p, false) : invert(a, b, 1 - p, true);
}

/**
 * betaIInv from a given start instead of its own: for a grid of probabilities, where the previous
 * answers extrapolate to within ~1e−8 of the next one, Halley's first step is then usually the last (one
 * evaluation of I instead of two to four). The iteration runs in x when the start is at most ½, else in
 * 1 − x, as betaIInv's does. The answer is betaIInv's to a few ulps, not bit for bit (Halley's last step
 * depends on where it came from).
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param p - probability in [0, 1]
 * @param start - a guess of the answer in (0, 1) (anything else: betaIInv's own start)
 * @returns x with I_x(a, b) = p, as betaIInv
 * @example
 * betaIInvFrom(2, 3, 0.5248, 0.41); // => 0.4 (to an ulp)
 */
export function betaIInvFrom(a: number, b: number, p: number, start: number): number {
  if (invalid(a, b, p) || p === 0 || p === 1 || !(start > 0 && start < 1)) return betaIInv(a, b, p);
  const upper = p > 0.5;
  const closed = closedFormRoot(a, b, upper ? 1 - p : p, upper);
  if (!Number.isNaN(closed)) return closed;
  const logT = Math.log(upper ? 1 - p : p);
  if (start <= 0.5) return solveTail(evaluator(a, b, logT, upper), start, 0, 1, !upper);
  return 1 - solveTail(evaluator(b, a, logT, !upper), 1 - start, 0, 1, upper);
}

/**
 * The inverse of the complement: x in [0, 1] with 1 − I_x(a, b) = q (scipy's `betainccinv`), the upper
 * quantile of Beta(a, b), accurate for q down to the smallest doubles.
 *
 * Method: as `betaIInv`, solving 1 − I_x(a, b) = q for q ≤ ½ and I_x(a, b) = 1 − q otherwise.
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param q - probability in [0, 1]
 * @returns x with 1 − I_x(a, b) = q; 1 at q = 0, 0 at q = 1; NaN as `betaIInv`
 * @example
 * betaIcInv(1, 2, 0.25); // => 0.5 (1 − I_x(1, 2) = (1 − x)²)
 */
export function betaIcInv(a: number, b: number, q: number): number {
  if (invalid(a, b, q)) return Number.NaN;
  if (q === 0) return 1;
  if (q === 1) return 0;
  return q <= 0.5 ? invert(a, b, q, true) : invert(a, b, 1 - q, false);
}
