// Regularised incomplete gamma P(a, x), Q(a, x) after DiDonato & Morris (1986), ACM TOMS 12:377 (GRATIO):
// power series, Legendre's continued fraction (forward recurrence), Temme's (1979) uniform expansion for large a.

import { erfc } from '../internal/erf.ts';
import { expNearlyRounded } from '../random/accurate-exp.ts';
import { FACTORIAL, gammaValue } from './gamma-value.ts';
import { LN_SQRT_2PI } from '../internal/constants.ts';
import { logGamma, logGamma1p } from './log-gamma.ts';
import { log1pmx } from './log1pmx.ts';
import { stirlingError } from './stirling-error.ts';
import { TEMME_D } from './temme-gamma-coefficients.ts';

const EPS = 2 ** -53;
const SQRT_PI = 1.772453850905516;
const SQRT_2PI = 2.5066282746310002;
const MAX_TERMS = 100_000;

// gammaTail's result: the directly computed tail (the smaller of P and Q, or the one the method
// yields accurately), its logarithm (finite even where the tail underflows) and the prefix. It is
// written to a module-level array for the caller to read at once (gammaTailValue, gammaTailLog,
// gammaTailPrefix), not returned as an object: V8 allocated that object, and a box for each of its
// doubles, at every point of a cdf grid. The series and the continued fraction leave the logarithm
// to be taken on demand (ln of the prefix + ln of the sum, the same double), which P and Q never ask for.
const TAIL = new Float64Array(6);
const VALUE = 0;
const LOG = 1; // NaN when deferred: then LOG_BASE + ln FACTOR
const PREFIX = 2; // logGammaPrefix(a, x) (up to rounding) when the method computed it, else NaN
const LOG_BASE = 3;
const FACTOR = 4;
const DIRECT_PREFIX = 5; // x^a e^−x/Γ(a) itself when the method formed it directly (see directPrefix), else NaN

function tail(upper: boolean, log: number, value: number, prefix: number): boolean {
  TAIL[VALUE] = value;
  TAIL[LOG] = log;
  TAIL[PREFIX] = prefix;
  TAIL[DIRECT_PREFIX] = Number.NaN;
  return upper;
}

/** The tail e^logBase · factor whose logarithm logBase + ln factor is taken only if asked for. */
function deferredTail(upper: boolean, logBase: number, factor: number, prefix: number): boolean {
  if (!(logBase > -700)) return tail(upper, logBase + Math.log(factor), Math.exp(logBase + Math.log(factor)), prefix);
  TAIL[VALUE] = expNearlyRounded(logBase, 0) * factor;
  TAIL[LOG] = Number.NaN;
  TAIL[PREFIX] = prefix;
  TAIL[LOG_BASE] = logBase;
  TAIL[FACTOR] = factor;
  TAIL[DIRECT_PREFIX] = Number.NaN;
  return upper;
}

/**
 * The tail `value` (a normal double) whose logarithm is taken only if asked for; `direct` is x^a e^−x/Γ(a) where
 * the method formed it (its logarithm, too, is taken only if gammaTailPrefix asks), else NaN.
 */
function valueTail(upper: boolean, value: number, direct: number): boolean {
  TAIL[VALUE] = value;
  TAIL[LOG] = Number.NaN;
  TAIL[PREFIX] = Number.NaN;
  TAIL[LOG_BASE] = 0;
  TAIL[FACTOR] = value;
  TAIL[DIRECT_PREFIX] = direct;
  return upper;
}

/** The last gammaTail's tail value. */
export function gammaTailValue(): number {
  return TAIL[VALUE] as number;
}

/** The last gammaTail's tail logarithm. */
export function gammaTailLog(): number {
  const log = TAIL[LOG] as number;
  return log === log ? log : (TAIL[LOG_BASE] as number) + Math.log(TAIL[FACTOR] as number);
}

/** The last gammaTail's logGammaPrefix(a, x) when its method computed it, else NaN. */
export function gammaTailPrefix(): number {
  const prefix = TAIL[PREFIX] as number;
  if (prefix === prefix) return prefix;
  const direct = TAIL[DIRECT_PREFIX] as number;
  return direct === direct ? Math.log(direct) : Number.NaN;
}

// The constants of one shape a (ln Γ(a), ln Γ(1 + a), ½ ln a, δ(a)), kept for the last a: a grid of
// points, a fitted family's data and every step of an inverse's iteration share one shape, and
// recomputing ln Γ(a) at each call was a third of the time of a cdf or ppf grid. Each is computed on
// first use; the values are exactly those of the direct calls.
let shapeA = Number.NaN;
let shapeLogGammaA = Number.NaN;
let shapeLogGamma1pA = Number.NaN;
let shapeHalfLogA = Number.NaN;
let shapeDeltaA = Number.NaN;
let shapeGammaA = Number.NaN;

function useShape(a: number): void {
  if (a === shapeA) return;
  shapeA = a;
  shapeGammaA = Number.NaN;
  shapeLogGammaA = Number.NaN;
  shapeLogGamma1pA = Number.NaN;
  shapeHalfLogA = Number.NaN;
  shapeDeltaA = Number.NaN;
}

/** logGamma(a), remembered for the last shape (see above). */
export function shapeLogGamma(a: number): number {
  useShape(a);
  if (Number.isNaN(shapeLogGammaA)) shapeLogGammaA = logGamma(a);
  return shapeLogGammaA;
}

/** Γ(a) (gammaValue, +Infinity above 171.6), remembered for the last shape (see above). */
function shapeGamma(a: number): number {
  useShape(a);
  if (Number.isNaN(shapeGammaA)) shapeGammaA = gammaValue(a);
  return shapeGammaA;
}

/** logGamma1p(a), remembered for the last shape (see above). */
export function shapeLogGamma1p(a: number): number {
  useShape(a);
  if (Number.isNaN(shapeLogGamma1pA)) shapeLogGamma1pA = logGamma1p(a);
  return shapeLogGamma1pA;
}

/** ½ ln a − ln √(2π) − δ(a), the shape's part of Stirling's form below, remembered for the last shape. */
function shapeStirling(a: number): number {
  useShape(a);
  if (Number.isNaN(shapeHalfLogA)) {
    shapeHalfLogA = 0.5 * Math.log(a);
    shapeDeltaA = stirlingError(a);
  }
  return shapeHalfLogA;
}

/**
 * ln(x^a e^−x / Γ(a)) without overflow or cancellation: for a ≥ 10 through Stirling's form
 * a·(ln λ + 1 − λ) + ½ ln a − ln √(2π) − δ(a), λ = x/a, with ln λ + 1 − λ = log1pmx(λ − 1) near λ = 1.
 */
export function logGammaPrefix(a: number, x: number): number {
  if (a < 10) return a * Math.log(x) - x - shapeLogGamma(a);
  const lambda = x / a;
  let main: number;
  if (lambda >= 0.5 && lambda <= 2) main = a * log1pmx((x - a) / a);
  else if (Number.isFinite(lambda) && lambda >= 1e-300) main = a * Math.log(lambda) + (a - x);
  else main = a * (Math.log(x) - Math.log(a)) + (a - x);
  const halfLogA = shapeStirling(a);
  return main + halfLogA - LN_SQRT_2PI - shapeDeltaA;
}

/**
 * x^k e^−x / g directly (g = Γ(a) or a factorial), by Math.pow and Math.exp, each within an ulp: within about
 * three ulps with g within one, where e^(logGammaPrefix) is only within an ulp of the logarithm's size, and
 * cheaper. NaN where a factor leaves the normal doubles (the log forms serve there: x > 700, Γ(a) = ∞ above 171.6).
 */
function directPrefix(k: number, x: number, g: number): number {
  if (!(x <= 700)) return Number.NaN;
  const value = (Math.pow(x, k) * Math.exp(-x)) / g;
  return value > 1e-290 && value < 1e290 ? value : Number.NaN;
}

/** Terms of the series whose 1/(a + n) are kept for the last shape (near x = a + 1 it takes about √(2a·37)). */
const SERIES_CACHED = 256;
const SERIES_INVERSE = new Float64Array(SERIES_CACHED);
let seriesA = Number.NaN;

/** 1/(a + n) for n < SERIES_CACHED, for the shape a. */
function seriesInverses(a: number): Float64Array {
  if (a !== seriesA) {
    seriesA = a;
    for (let n = 1; n < SERIES_CACHED; n++) SERIES_INVERSE[n] = 1 / (a + n);
  }
  return SERIES_INVERSE;
}

/** P by the series x^a e^−x / Γ(a + 1) · Σ xⁿ / ((a + 1)…(a + n)) (DLMF 8.7.1 with 8.2.1). */
function lowerSeries(a: number, x: number): boolean {
  const inverse = seriesInverses(a);
  let term = 1;
  let sum = 1;
  let n = 1;
  let converged = false;
  // Two terms a turn while the table lasts, the second from the one before the first (one multiplication on the
  // loop's chain per two terms, and no division).
  for (; n + 1 < SERIES_CACHED; n += 2) {
    const r1 = x * (inverse[n] as number);
    const r2 = x * (inverse[n + 1] as number);
    const t1 = term * r1;
    term *= r1 * r2;
    sum += t1 + term;
    if (term <= sum * EPS) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    for (; n < MAX_TERMS; n++) {
      term *= x / (a + n);
      sum += term;
      if (term <= sum * EPS) break;
    }
  }
  const direct = directPrefix(a, x, shapeGamma(a)); // x^a e^−x/Γ(a), and Γ(a + 1) = aΓ(a)
  if (direct === direct) return valueTail(false, (direct * sum) / a, direct);
  // x^a e^−x/Γ(a + 1) = x^a e^−x/Γ(a) / a.
  const prefix = a < 10 ? Number.NaN : logGammaPrefix(a, x);
  const logPrefix = a < 10 ? a * Math.log(x) - x - shapeLogGamma1p(a) : prefix - Math.log(a);
  return deferredTail(false, logPrefix, sum, prefix);
}

/**
 * Q by Legendre's continued fraction (DLMF 8.9.2), 1/(b₀ + a₁/(b₁ + a₂/(b₂ + …))) with b_i = x + 1 − a + 2i
 * and a_i = −i(i − a), by the forward recurrence of its convergents A_n/B_n (as Cephes' igamc):
 * A_n = b A_{n−1} + a A_{n−2}, and B_n alike, two steps per convergence test. The steps' chain is
 * multiply-adds and the test's division is off it: the modified Lentz method divided twice on it at
 * every step, and the gamma cdf on a grid (a = 2.5, x up to its 0.999 quantile) took a third longer.
 * x ≥ a + 1 here, so b₀ ≥ 2; A and B are rescaled by 2^−512 (exactly) before they could overflow. For a < 1
 * the fraction uncontracted instead (positiveFraction); the prefix directly where it can be (directPrefix).
 */
function upperFraction(a: number, x: number): boolean {
  const h = a < 1 ? positiveFraction(a, x) : contractedFraction(a, x);
  const direct = directPrefix(a, x, shapeGamma(a)); // x^a e^−x/Γ(a)
  if (direct === direct) return valueTail(true, direct * h, direct);
  const logPrefix = logGammaPrefix(a, x);
  return deferredTail(true, logPrefix, h, logPrefix);
}

/** The contracted fraction above, Q·Γ(a)/(x^a e^−x). */
function contractedFraction(a: number, x: number): number {
  const b0 = x + 1 - a;
  // Two steps per turn of the loop: (A, B) two convergents back, (c, d) one back, then the new pair.
  let aPrev = 0;
  let bPrev = 1;
  let aCur = 1;
  let bCur = b0;
  let h = 1 / b0;
  for (let i = 1; i < MAX_TERMS; i += 2) {
    const b1 = b0 + 2 * i;
    const a1 = -i * (i - a);
    const b2 = b1 + 2;
    const a2 = -(i + 1) * (i + 1 - a);
    const aMid = b1 * aCur + a1 * aPrev;
    const bMid = b1 * bCur + a1 * bPrev;
    aPrev = aMid;
    bPrev = bMid;
    aCur = b2 * aMid + a2 * aCur;
    bCur = b2 * bMid + a2 * bCur;
    if (Math.abs(bCur) > RESCALE_ABOVE) {
      aPrev *= RESCALE;
      bPrev *= RESCALE;
      aCur *= RESCALE;
      bCur *= RESCALE;
    }
    const next = aCur / bCur;
    const done = Math.abs(next - h) <= EPS * next;
    h = next;
    if (done) break;
  }
  return h;
}

/**
 * Q·Γ(a)/(x^a e^−x) for a < 1 by Legendre's fraction uncontracted (DLMF 8.9.2),
 * 1/(x + (1 − a)/(1 + 1/(x + (2 − a)/(1 + 2/(x + …))))): every partial numerator is positive for a < 1, so the
 * forward recurrence adds positive terms only. The contracted one cancels there, and its rounding grew to 1e−14
 * (against mpmath, a < 1 at x from 1.5 to 5, where it takes 30 to 70 steps); this one stayed within 2e−15. It
 * takes twice the steps, four per convergence test, as fast as the contracted one's two.
 */
function positiveFraction(a: number, x: number): number {
  // (A, B) one convergent back, then the current one; the first step (1, x) gives A = 1, B = x.
  let aPrev = 0;
  let bPrev = 1;
  let aCur = 1;
  let bCur = x;
  let h = 1 / x;
  for (let k = 1; k < MAX_TERMS; k += 2) {
    // The steps (k − a, 1), (k, x), (k + 1 − a, 1) and (k + 1, x): four per convergence test.
    const a1 = aCur + (k - a) * aPrev;
    const b1 = bCur + (k - a) * bPrev;
    const a2 = x * a1 + k * aCur;
    const b2 = x * b1 + k * bCur;
    const a3 = a2 + (k + 1 - a) * a1;
    const b3 = b2 + (k + 1 - a) * b1;
    aCur = x * a3 + (k + 1) * a2;
    bCur = x * b3 + (k + 1) * b2;
    aPrev = a3;
    bPrev = b3;
    if (bCur > RESCALE_ABOVE) {
      aPrev *= RESCALE;
      bPrev *= RESCALE;
      aCur *= RESCALE;
      bCur *= RESCALE;
    }
    const next = aCur / bCur;
    const done = Math.abs(next - h) <= EPS * next;
    h = next;
    if (done) break;
  }
  return h;
}

/** Integer shapes below this use the finite sum for Q at x ≥ a (Boost's gamma_q from a − 1; Q ≤ ½ from a on). */
const FINITE_SUM_MAX_A = 30;

/**
 * Q for integer a < FINITE_SUM_MAX_A and a ≤ x ≤ 700 by the finite sum (DLMF 8.4.10, Boost's finite_gamma_q):
 * Q = e^−x Σ_{k<a} x^k/k! = x^(a−1) e^−x/(a − 1)! · Σ_j t_j with t_0 = 1, t_j = t_{j−1}·(a − j)/x, summed from the
 * largest term down and stopped once the rest is below an ulp. Undefined where the leading term leaves the normal
 * doubles (the other methods serve there).
 */
function finiteSum(a: number, x: number): boolean | undefined {
  const lead = directPrefix(a - 1, x, FACTORIAL[a - 1] as number); // x^(a−1) e^−x/(a − 1)!
  if (lead !== lead) return undefined;
  const invX = 1 / x;
  let term = 1;
  let sum = 1;
  for (let j = 1; j < a; j++) {
    const ratio = (a - j) * invX;
    term *= ratio;
    sum += term;
    if (term <= sum * EPS * 0.25 && ratio <= 0.5) break;
  }
  return valueTail(true, lead * sum, lead * x);
}

/** The convergents' numerators and denominators are scaled by RESCALE when |B| passes RESCALE_ABOVE. */
const RESCALE_ABOVE = 2 ** 512;
const RESCALE = 2 ** -512;

/**
 * Q for a < 1 and x < 1.5 (DiDonato & Morris 1986, §3): with L = a ln x − ln Γ(1 + a),
 * Q = −expm1(L) + e^L · a · Σ_{n≥1} (−1)^(n+1) xⁿ / ((a + n) n!), from γ(a, x) = Σ (−1)ⁿ x^(a+n) / (n!(a + n)).
 */
function upperSmall(a: number, x: number): boolean {
  let term = 1;
  let sum = 0;
  for (let n = 1; n < 200; n++) {
    term *= -x / n;
    const next = sum - term / (a + n);
    if (next === sum) break;
    sum = next;
  }
  const l = a * Math.log(x) - shapeLogGamma1p(a);
  const value = -Math.expm1(l) + Math.exp(l) * a * sum;
  return tail(true, Math.log(value), value, Number.NaN);
}

/** e^(y²) erfc(y) for y ≥ 25 by its asymptotic series 1/(y√π) Σ (−1)ᵏ (2k − 1)!!/(2y²)ᵏ (DLMF 7.12.1). */
function erfcxLarge(y: number): number {
  const w = 1 / (2 * y * y);
  let term = 1;
  let sum = 1;
  for (let k = 1; k < 30; k++) {
    term *= -(2 * k - 1) * w;
    sum += term;
    if (Math.abs(term) <= EPS * sum) break;
  }
  return sum / (y * SQRT_PI);
}

/** Powers of η in TEMME_D's rows. */
const TEMME_POWERS = (TEMME_D[0] as readonly number[]).length;
/** e_n(a) = Σ_k TEMME_D[k][n]/a^k for temmeA (Horner in 1/a over the rows, as the expansion sums them). */
const TEMME_E = new Float64Array(TEMME_POWERS);
let temmeA = Number.NaN;
/** 1/√(2πa) for temmeA. */
let temmeScale = Number.NaN;

/**
 * The coefficients of Temme's sum as a polynomial in η for the shape a, kept for the last shape: a
 * grid of points or an inverse's iteration shares one shape, and summing the twelve rows of twenty
 * coefficients at every point was most of a gamma cdf grid's time at large shapes (12 × 20 multiply–adds
 * a point, now 20).
 */
function temmeCoefficients(a: number): Float64Array {
  if (a !== temmeA) {
    temmeA = a;
    temmeScale = 1 / (SQRT_2PI * Math.sqrt(a));
    for (let n = 0; n < TEMME_POWERS; n++) {
      let e = 0;
      for (let k = TEMME_D.length - 1; k >= 0; k--) e = e / a + ((TEMME_D[k] as readonly number[])[n] as number);
      TEMME_E[n] = e;
    }
  }
  return TEMME_E;
}

/**
 * Temme's uniform expansion (Temme 1979; DLMF 8.12.3–8.12.6), for a ≥ 20 and |x − a| ≤ 0.4a:
 * Q = ½ erfc(y) + e^(−y²)/√(2πa) · Σ_k c_k(η) a^−k, P = ½ erfc(−y) − (the same sum), with
 * ½η² = λ − 1 − ln λ = −log1pmx(λ − 1), λ = x/a, y = η √(a/2).
 */
function temme(a: number, x: number): boolean {
  const t = (x - a) / a;
  const halfEta2 = -log1pmx(t);
  const eta = Math.sign(t) * Math.sqrt(2 * halfEta2);
  const y2 = a * halfEta2; // y² = aη²/2
  const y = Math.sqrt(y2); // |y|
  // Σ_k c_k(η)/a^k = Σ_n e_n(a)·ηⁿ with e_n(a) = Σ_k d_kn/a^k, the same for every point of one shape. The
  // coefficients are below ⅓ in size and fall, so the powers past |η|ⁿ < 1e−17 do not move the sum (|s| ≥ 0.3):
  // 7 for |η| ≤ 0.002, 9 to 0.01 (a grid of a = 1e5 within ±3 standard deviations), 13 to 0.05.
  const e = temmeCoefficients(a);
  const h = Math.abs(eta);
  const powers = h <= 0.002 ? 7 : h <= 0.01 ? 9 : h <= 0.05 ? 13 : TEMME_POWERS;
  let s = 0;
  for (let n = powers - 1; n >= 0; n--) s = s * eta + (e[n] as number);
  const upper = t >= 0;
  const r = (upper ? s : -s) * temmeScale;
  const half = 0.5 * erfc(y);
  // ln value only when asked for (gammaTailLog): the cdf needs the value alone.
  if (half > 1e-290) return valueTail(upper, half + Math.exp(-y2) * r, Number.NaN);
  const log = -y2 + Math.log(0.5 * erfcxLarge(y) + r);
  return tail(upper, log, Math.exp(log), Number.NaN);
}

/**
 * The tail of the incomplete gamma function that can be computed without cancellation, for a > 0 and
 * 0 < x < ∞ (both finite): Temme for large a near the mean, else the series for P below a + 1 (with
 * DiDonato & Morris's Q formula for small a and x), else the continued fraction for Q. Returns
 * whether that tail is Q (else P); its value, logarithm and prefix are read with gammaTailValue,
 * gammaTailLog and gammaTailPrefix before the next call.
 */
export function gammaTail(a: number, x: number): boolean {
  if (a < FINITE_SUM_MAX_A && x >= a && Number.isInteger(a)) {
    const upper = finiteSum(a, x);
    if (upper !== undefined) return upper;
  }
  if (a >= 20 && Math.abs(x - a) <= 0.4 * a) return temme(a, x);
  if (a < 1 && x < 1.5) {
    const lowerIsUpper = lowerSeries(a, x);
    return (TAIL[VALUE] as number) <= 0.5 ? lowerIsUpper : upperSmall(a, x);
  }
  if (x < a + 1) return lowerSeries(a, x);
  return upperFraction(a, x);
}

/** The domain check shared by the four exports: NaN unless a > 0 (finite) and x ≥ 0. */
function invalid(a: number, x: number): boolean {
  return !(a > 0) || a === Number.POSITIVE_INFINITY || !(x >= 0);
}

/**
 * The regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a) = (1/Γ(a)) ∫₀ˣ t^(a−1) e^−t dt
 * (scipy's `gammainc`), the cdf of a Gamma(a, 1) variable at x.
 *
 * Method (DiDonato & Morris 1986; Temme 1979): Temme's uniform asymptotic expansion for a ≥ 20 and
 * |x − a| ≤ 0.4a; the power series for P when x < a + 1; Legendre's continued fraction for Q when
 * x ≥ a + 1; DiDonato & Morris's Q = −expm1(L) + … for a < 1, x < 1.5; for integer a < 30 and x ≥ a the
 * finite sum Q = e^−x Σ_{k<a} x^k/k! (as Boost's gamma_q). The smaller tail is computed and the other is
 * 1 minus it, so both keep full relative accuracy where they are small; the prefix x^a e^−x/Γ(a) goes
 * through Stirling's form and log1pmx, so it neither overflows nor cancels, or for integer a ≤ 170 and
 * x ≤ 700 through Math.pow, Math.exp and the factorial where those stay normal doubles.
 *
 * @param a - shape, > 0
 * @param x - a number ≥ 0
 * @returns P(a, x) in [0, 1]; 1 at x = +Infinity; NaN if a ≤ 0, a = +Infinity, x < 0 or either is NaN
 * @example
 * gammaP(1, 2); // => 0.8646647167633873 (1 − e⁻²)
 * gammaP(0.3, 1e-12); // => 0.00027988506386305184
 */
export function gammaP(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return 1;
  return gammaTail(a, x) ? 1 - (TAIL[VALUE] as number) : (TAIL[VALUE] as number);
}

/**
 * The regularised upper incomplete gamma function Q(a, x) = 1 − P(a, x) = Γ(a, x)/Γ(a) (scipy's
 * `gammaincc`), the survival function of Gamma(a, 1); with a = k + 1, x = λ it is the Poisson cdf at k.
 *
 * Method: as `gammaP`, returning the other tail.
 *
 * @param a - shape, > 0
 * @param x - a number ≥ 0
 * @returns Q(a, x) in [0, 1]; 1 at x = 0; NaN if a ≤ 0, a = +Infinity, x < 0 or either is NaN
 * @example
 * gammaQ(1, 2); // => 0.1353352832366127 (e⁻²)
 * gammaQ(0.3, 150); // => 7.155764354133373e-68
 */
export function gammaQ(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x === 0) return 1;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaTail(a, x) ? (TAIL[VALUE] as number) : 1 - (TAIL[VALUE] as number);
}

/**
 * ln P(a, x), finite where P underflows (the series' prefix is summed in logs).
 *
 * @param a - shape, > 0
 * @param x - a number ≥ 0
 * @returns ln P(a, x) ≤ 0; −Infinity at x = 0; NaN as `gammaP`
 * @example
 * logGammaP(2, 1e-200); // => -921.7271843781782 (ln(x²/2))
 */
export function logGammaP(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return 0;
  return gammaTail(a, x) ? Math.log1p(-(TAIL[VALUE] as number)) : gammaTailLog();
}

/**
 * ln Q(a, x), finite where Q underflows (e.g. far in the right tail, ln Q(0.5, 1e4) = −10005.18).
 *
 * @param a - shape, > 0
 * @param x - a number ≥ 0
 * @returns ln Q(a, x) ≤ 0; 0 at x = 0; −Infinity at x = +Infinity; NaN as `gammaQ`
 * @example
 * logGammaQ(1, 1000); // => -1000 (Q = e^−x)
 */
export function logGammaQ(a: number, x: number): number {
  if (invalid(a, x)) return Number.NaN;
  if (x === 0) return 0;
  if (x === Number.POSITIVE_INFINITY) return Number.NEGATIVE_INFINITY;
  return gammaTail(a, x) ? gammaTailLog() : Math.log1p(-(TAIL[VALUE] as number));
}
