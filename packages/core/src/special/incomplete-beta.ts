// Regularised incomplete beta I_x(a, b) after DiDonato & Morris (1992), ACM TOMS 18:360 (BRATIO, BRCOMP,
// BPSER, BFRAC, BASYM): the smaller tail by the power series, the continued fraction or, for two large shapes near
// the mean, the asymptotic expansion (incomplete-beta-asymptotic.ts); the prefix in logs.

import { LN_SQRT_2PI } from '../internal/constants.ts';
import { betaAsymptotic, betaLambda, useBetaAsymptotic } from './incomplete-beta-asymptotic.ts';
import { logBeta } from './log-beta.ts';
import { logGamma, logGamma1p } from './log-gamma.ts';
import { log1pmx } from './log1pmx.ts';
import { stirlingError } from './stirling-error.ts';

const EPS = 2 ** -53;
const MAX_TERMS = 10_000_000;
const TWO_OVER_PI = 2 / Math.PI;
/**
 * From this a + b on, λ = a − (a + b)x is formed exactly (betaLambda): the rounding of (a + b)x, an ulp of a + b,
 * moves ln I by about λ(a + b)/(ab) times that, 2e−12 at a = 1e6, b = 3e6, 37 standard deviations out.
 */
const LARGE_SHAPES = 1000;

// betaTail's result: the directly computed tail (I_x(a, b), or 1 − I_x(a, b) where betaTail returns true), its
// logarithm and the prefix, written to a module-level array for the caller to read at once (betaTailValue,
// betaTailLog, betaTailPrefix), not returned as an object: V8 allocated that object at every point of a cdf grid,
// and collecting them was a tenth of the grid's time.
const TAIL = new Float64Array(3);
const VALUE = 0;
/** ln value, or NaN where the method left it to betaTailLog (which takes Math.log(value) then). */
const LOG = 1;
/** logBetaPrefix(a, b, x, y) when the method computed it (it is symmetric under a ↔ b, x ↔ y), else NaN. */
const PREFIX = 2;

/** Records a tail (see TAIL) and returns `upper`, whether it is 1 − I_x(a, b). */
function tail(upper: boolean, value: number, log: number, prefix: number): boolean {
  TAIL[VALUE] = value;
  TAIL[LOG] = log;
  TAIL[PREFIX] = prefix;
  return upper;
}

/** The last betaTail's tail value. */
export function betaTailValue(): number {
  return TAIL[VALUE] as number;
}

/**
 * ln of the last betaTail's value: the log the method formed (in logs, keeping digits where the value underflows),
 * else Math.log(value).
 *
 * @returns ln betaTailValue().
 * @example
 * betaTail(2, 3, 0.1, 0.9);
 * betaTailLog(); // => ln I_0.1(2, 3)
 */
export function betaTailLog(): number {
  const log = TAIL[LOG] as number;
  return log === log ? log : Math.log(TAIL[VALUE] as number);
}

/** The last betaTail's logBetaPrefix(a, b, x, y) when its method computed it, else NaN. */
export function betaTailPrefix(): number {
  return TAIL[PREFIX] as number;
}

/** ln x for y = 1 − x, from whichever of x, y is exact (the smaller one, or both ≥ ½): lnOf(y, x) is ln y. */
function lnOf(x: number, y: number): number {
  return x < 0.5 ? Math.log(x) : Math.log1p(-y);
}

// The parts of the prefix below that depend on (a, b) only, kept for the last pair in either order
// (every one is symmetric in a and b, and the upper tail swaps them): a grid of points and every step
// of an inverse's iteration share one pair, and ln B(a, b) or the Stirling corrections at each call
// were a third of the time of a cdf or ppf grid. Values are exactly those of the direct expressions.
let pairA = Number.NaN;
let pairB = Number.NaN;
/** both ≥ 8: ½ ln(ab/(a + b)) and δ(a) + δ(b) − δ(a + b); one ≥ 8: the Γ ratio and ln Γ(small); else ln B. */
let pairHalfLog = Number.NaN;
let pairCorr = Number.NaN;
let pairRatio = Number.NaN;
let pairLogGammaSmall = Number.NaN;
let pairLogBeta = Number.NaN;

function usePair(a: number, b: number): void {
  if ((a === pairA && b === pairB) || (a === pairB && b === pairA)) return;
  pairA = a;
  pairB = b;
  const s = a + b;
  const small = a < b ? a : b;
  const big = a < b ? b : a;
  if (a >= 8 && b >= 8) {
    pairHalfLog = 0.5 * Math.log((a * b) / s);
    pairCorr = stirlingError(a) + stirlingError(b) - stirlingError(s);
  } else if (big >= 8) {
    pairRatio = (big - 0.5) * log1pmx(small / big) - small / (2 * big) + small * Math.log1p(small / big) + stirlingError(s) - stirlingError(big);
    pairLogGammaSmall = logGamma(small);
  }
  pairLogBeta = big >= 8 ? Number.NaN : logBeta(a, b);
}

/** ln B(a, b), remembered for the last pair (see above). */
export function pairLogBetaOf(a: number, b: number): number {
  usePair(a, b);
  if (Number.isNaN(pairLogBeta)) pairLogBeta = logBeta(a, b);
  return pairLogBeta;
}

/**
 * ln(x^a y^b / B(a, b)) with y = 1 − x, without overflow or cancellation (DiDonato & Morris's BRCOMP):
 * for a, b ≥ 8 through Stirling's form, (x/x₀)^a (y/y₀)^b √(ab/(a + b)) e^−(δ(a) + δ(b) − δ(a + b))/√(2π)
 * with x₀ = a/(a + b) and the powers by log1pmx near x₀; for one large parameter b through
 * (bx)^a y^b · Γ(a + b)/(Γ(b) b^a)/Γ(a); else directly.
 */
export function logBetaPrefix(a: number, b: number, x: number, y: number): number {
  const s = a + b;
  if (a >= 8 && b >= 8) {
    const x0 = a / s;
    const y0 = b / s;
    // λ = a − (a + b)x = (a + b)y − b, formed from the exact one of x, y; x/x₀ = 1 − λ/a, y/y₀ = 1 + λ/b.
    const lambda = s < LARGE_SHAPES ? (x <= y ? a - s * x : s * y - b) : betaLambda(a, b, x, y);
    const nearX = x >= 0.5 * x0 && x <= 2 * x0;
    const nearY = y >= 0.5 * y0 && y <= 2 * y0;
    let main: number;
    if (nearX && nearY) {
      // a ln(x/x₀) + b ln(y/y₀) with the ∓λ of the two logarithms cancelled exactly.
      main = a * log1pmx(-lambda / a) + b * log1pmx(lambda / b);
    } else {
      main =
        (nearX ? a * Math.log1p(-lambda / a) : a * (lnOf(x, y) - Math.log(x0))) +
        (nearY ? b * Math.log1p(lambda / b) : b * (lnOf(y, x) - Math.log(y0)));
    }
    usePair(a, b);
    return main + pairHalfLog - LN_SQRT_2PI - pairCorr;
  }
  const big = Math.max(a, b);
  if (big >= 8) {
    // With p the small parameter, q the large one and u the variable raised to p:
    // ln Γ(p + q) − ln Γ(q) − p ln q = (q − ½) log1pmx(p/q) − p/(2q) + p log1p(p/q) + δ(p + q) − δ(q).
    const p = a < b ? a : b;
    const q = big;
    const u = a < b ? x : y;
    const v = a < b ? y : x;
    const lnv = lnOf(v, u);
    const qu = q * u;
    const lnqu = qu > 1e-300 && Number.isFinite(qu) ? Math.log(qu) : Math.log(q) + lnOf(u, v);
    usePair(a, b);
    return p * lnqu + q * lnv + pairRatio - pairLogGammaSmall;
  }
  usePair(a, b);
  return a * lnOf(x, y) + b * lnOf(y, x) - pairLogBeta;
}

/**
 * ln Γ(b + a) − ln Γ(b) for 0 < a < 1 without cancellation: Σ_k −log1p(a/(b + k)) up to B = b + n ≥ 8,
 * then a ln B + (B − ½) log1pmx(a/B) − a/(2B) + a log1p(a/B) + δ(B + a) − δ(B) (Stirling's form; every
 * term is O(a)).
 */
function logGammaRatio(a: number, b: number): number {
  let big = b;
  let sum = 0;
  while (big < 8) {
    sum += Math.log1p(a / big);
    big += 1;
  }
  const stirling =
    a * Math.log(big) + (big - 0.5) * log1pmx(a / big) - a / (2 * big) + a * Math.log1p(a / big) +
    stirlingError(big + a) - stirlingError(big);
  return stirling - sum;
}

// ln Γ(1 + a) and logGammaRatio(a, b) of the power series for a < 1, kept for the last (a, b) in this
// order, as the prefix constants above.
let seriesA = Number.NaN;
let seriesB = Number.NaN;
let seriesLogGamma1pA = Number.NaN;
let seriesRatio = Number.NaN;

/** Returns ln Γ(1 + a) and leaves logGammaRatio(a, b) in seriesRatio. */
function seriesLogGamma1p(a: number, b: number): number {
  if (a !== seriesA || b !== seriesB) {
    seriesA = a;
    seriesB = b;
    seriesLogGamma1pA = logGamma1p(a);
    seriesRatio = logGammaRatio(a, b);
  }
  return seriesLogGamma1pA;
}

/** Terms of the power series whose shape-only factors are kept for the last (a, b) (it rarely needs more). */
const SERIES_CACHED = 128;
/** (j − b)/j, as the series computes it, and 1/(a + j), for j < SERIES_CACHED. */
const SERIES_RATIO = new Float64Array(SERIES_CACHED);
const SERIES_INVERSE = new Float64Array(SERIES_CACHED);
/** SERIES_RATIO[j]·SERIES_RATIO[j + 1]: two terms' ratio at once. */
const SERIES_RATIO2 = new Float64Array(SERIES_CACHED);
let seriesCoefA = Number.NaN;
let seriesCoefB = Number.NaN;

function seriesCoefficients(a: number, b: number): void {
  if (a === seriesCoefA && b === seriesCoefB) return;
  seriesCoefA = a;
  seriesCoefB = b;
  for (let j = 1; j < SERIES_CACHED; j++) {
    SERIES_RATIO[j] = (j - b) / j;
    SERIES_INVERSE[j] = 1 / (a + j);
  }
  for (let j = 1; j + 1 < SERIES_CACHED; j++) SERIES_RATIO2[j] = (SERIES_RATIO[j] as number) * (SERIES_RATIO[j + 1] as number);
}

/**
 * I_x(a, b) by the power series (DiDonato & Morris's BPSER; DLMF 8.17.7 after 8.17.8):
 * I = K·(1 + aΣ), K = x^a/(a B(a, b)), Σ = Σ_{j≥1} (1 − b)(2 − b)…(j − b)/j! · x^j/(a + j), for bx ≤ 1
 * and x ≤ 0.7. When I > ½ (a small shape puts the mass near 0) it returns the complement
 * 1 − I = −expm1(ln K) − K·aΣ instead, with ln(a B(a, b)) = ln Γ(1 + a) − (ln Γ(a + b) − ln Γ(b)) formed
 * term by term for a < 1, so the complement keeps its relative accuracy.
 */
function powerSeries(a: number, b: number, x: number, y: number): boolean {
  seriesCoefficients(a, b);
  let c = 1;
  let sum = 0;
  let j = 1;
  let converged = false;
  // Two terms a turn while the tables last, the second coefficient from the one before the first
  // (c_{j+1} = c_{j−1}·R_j R_{j+1} x²): one multiplication on the loop's chain per two terms, where a term's
  // chain had been most of the series' time near x = ½ (50 to 60 terms).
  const xx = x * x;
  for (; j + 1 < SERIES_CACHED; j += 2) {
    const c1 = c * ((SERIES_RATIO[j] as number) * x);
    c *= (SERIES_RATIO2[j] as number) * xx;
    const term = c * (SERIES_INVERSE[j + 1] as number);
    sum += c1 * (SERIES_INVERSE[j] as number) + term;
    if (Math.abs(term) <= EPS * Math.abs(1 + a * sum) * 0.25) {
      converged = true;
      break;
    }
  }
  if (!converged) {
    for (; j < MAX_TERMS; j++) {
      c *= ((j - b) / j) * x;
      const term = c / (a + j);
      sum += term;
      if (Math.abs(term) <= EPS * Math.abs(1 + a * sum) * 0.25) break;
    }
  }
  // ln K = ln(x^a/(a B(a, b))): for a < 1 from its O(a) pieces, else the careful prefix less ln(a y^b).
  const prefix = a < 1 ? Number.NaN : logBetaPrefix(a, b, x, y);
  const logK = a < 1 ? a * lnOf(x, y) - seriesLogGamma1p(a, b) + seriesRatio : prefix - b * lnOf(y, x) - Math.log(a);
  const log = logK + Math.log1p(a * sum);
  const value = Math.exp(log);
  if (value <= 0.5) return tail(false, value, log, prefix);
  const complement = -Math.expm1(logK) - Math.exp(logK) * a * sum;
  return tail(true, complement, Math.log(complement), prefix);
}

/** Steps of the continued fraction whose shape-only factors are kept for the last (a, b) (it rarely needs more). */
const FRACTION_CACHED = 64;
/**
 * Step n's factors that depend on (a, b) only: α_n = ALPHA[n]·x², β_n = n + WEIGHT[n]·x + E[n]·(c + n(y + 1)), with
 * ALPHA[n] = p(p + b/a)(a/s)²·n(b − n), WEIGHT[n] = n(b − n)/s and E[n] = (1 + t)/(1 + 1/a + 2t), t = n/a,
 * s = a + 2n − 1, p = 1 + (n − 1)/a.
 */
const FRACTION_ALPHA = new Float64Array(FRACTION_CACHED);
const FRACTION_WEIGHT = new Float64Array(FRACTION_CACHED);
const FRACTION_E = new Float64Array(FRACTION_CACHED);
let fractionA = Number.NaN;
let fractionB = Number.NaN;

function fractionCoefficients(a: number, b: number): void {
  if (a === fractionA && b === fractionB) return;
  fractionA = a;
  fractionB = b;
  const invA = 1 / a;
  const c0 = b / a;
  const c1 = 1 + 1 / a;
  let s = a + 1;
  let p = 1;
  for (let n = 1; n < FRACTION_CACHED; n++) {
    const t = n * invA;
    const e = a / s;
    const nb = n * (b - n);
    FRACTION_ALPHA[n] = p * (p + c0) * e * e * nb;
    FRACTION_WEIGHT[n] = nb / s;
    FRACTION_E[n] = (1 + t) / (c1 + t + t);
    p = 1 + t;
    s += 2;
  }
}

/**
 * I_x(a, b) by DiDonato & Morris's continued fraction (BFRAC, 1992 §2, from DLMF 8.17.22 by an even
 * contraction), evaluated by forward recurrence with renormalisation. Where the fraction would cancel,
 * it depends on x only through λ = a − (a + b)x = (a + b)y − b and y + 1, formed from whichever of
 * x, y = 1 − x is exact, so that I_x(a, b) keeps its accuracy when x is 1 − (something small).
 */
function continuedFraction(a: number, b: number, x: number, y: number): boolean {
  const lambda = a + b < LARGE_SHAPES ? (x <= y ? a - (a + b) * x : (a + b) * y - b) : betaLambda(a, b, x, y);
  const c = 1 + lambda;
  const c0 = b / a;
  const c1 = 1 + 1 / a;
  const yp1 = y + 1;
  let an = 0;
  let bn = 1;
  let anp1 = 1;
  let bnp1 = c / c1;
  let r = c1 / c;
  // The first FRACTION_CACHED steps take their shape-only factors from fractionCoefficients: one division
  // a step (the approximant) where there were seven, which were most of the fraction's time.
  const invA = 1 / a;
  fractionCoefficients(a, b);
  const xx = x * x;
  for (let n = 1; n < MAX_TERMS; n++) {
    let alpha: number;
    let beta: number;
    if (n < FRACTION_CACHED) {
      alpha = (FRACTION_ALPHA[n] as number) * xx;
      beta = n + (FRACTION_WEIGHT[n] as number) * x + (FRACTION_E[n] as number) * (c + n * yp1);
    } else {
      const t = n * invA;
      const p = 1 + (n - 1) * invA;
      const s = a + (2 * n - 1);
      const w = n * (b - n) * x;
      let e = a / s;
      alpha = p * (p + c0) * e * e * (w * x);
      e = (1 + t) / (c1 + t + t);
      beta = n + w / s + e * (c + n * yp1);
    }
    let next = alpha * an + beta * anp1;
    an = anp1;
    anp1 = next;
    next = alpha * bn + beta * bnp1;
    bn = bnp1;
    bnp1 = next;
    const r0 = r;
    r = anp1 / bnp1;
    if (Math.abs(r - r0) <= EPS * r) break;
    // Rescaled only when they drift far from 1: rescaling every step put a division on the recurrence's
    // chain of dependent operations; the approximant's division is off it.
    const size = Math.abs(bnp1);
    if (size > 1e100 || size < 1e-100) {
      const inv = 1 / bnp1;
      an *= inv;
      bn *= inv;
      anp1 = r;
      bnp1 = 1;
    }
  }
  const prefix = logBetaPrefix(a, b, x, y);
  const log = prefix + Math.log(r);
  return tail(false, Math.exp(log), log, prefix);
}

/** Integer shapes with b up to this use the finite binomial sum (b terms at most; Boost's ibeta takes it below 40). */
const BINOMIAL_SUM_MAX_B = 40;

// C(n, a) with n = a + b − 1, correctly rounded, and the terms' ratios (b − k)/(a + k), for the last integer pair
// (a, b) in this order with b ≤ BINOMIAL_SUM_MAX_B: a grid of points or an inverse's steps share one pair.
let binomialA = Number.NaN;
let binomialB = Number.NaN;
let binomialChoose = Number.NaN;
const BINOMIAL_RATIO = new Float64Array(BINOMIAL_SUM_MAX_B);

/** C(n, a) = C(n, b − 1) rounded once (exact integer arithmetic); Infinity beyond the doubles. */
function chooseRounded(a: number, b: number): number {
  const k = BigInt(b - 1);
  const n = BigInt(a) + k;
  let c = 1n;
  for (let i = 1n; i <= k; i++) c = (c * (n - k + i)) / i; // C(n − k + i, i), an integer at each step
  return Number(c);
}

function useBinomialPair(a: number, b: number): void {
  if (a === binomialA && b === binomialB) return;
  binomialA = a;
  binomialB = b;
  binomialChoose = chooseRounded(a, b);
  for (let k = 1; k < b; k++) BINOMIAL_RATIO[k] = (b - k) / (a + k);
}

/**
 * I_x(a, b) for integer a and b ≤ BINOMIAL_SUM_MAX_B as the binomial tail (DLMF 8.17.5; Boost's ibeta takes the same
 * shortcut): Σ_{j=a}^{n} C(n, j) x^j y^(n−j) = C(n, a) x^a y^(b−1) · Σ_{k<b} t_k with t_0 = 1 and
 * t_k = t_{k−1}·r·(b − k)/(a + k), r = x/y, n = a + b − 1. Below the switch-over the ratios fall below about 1 and
 * keep falling, so the terms are positive and decreasing: the sum stops once a term is below an ulp of it with ratio
 * ≤ ½ (the rest is smaller still), and its rounding is that of a few terms. The powers are exactPower's (within
 * about an ulp). Returns undefined where the leading term nears underflow or C(n, a) overflows (the log forms keep
 * their digits there).
 */
function binomialSum(a: number, b: number, x: number, y: number): boolean | undefined {
  useBinomialPair(a, b);
  // exactPower(x, y, a)·exactPower(y, x, b − 1), written out: V8 did not inline exactPower here, and its boxed
  // results were a tenth of a grid's time. The one of x, y above ½ may be rounded, by r (see exactPower).
  const below = x < 0.5;
  const r = below ? 1 - y - x : 1 - x - y;
  const kr = r === 0 ? 0 : below ? ((b - 1) * r) / y : (a * r) / x;
  const correction = Math.abs(kr) < 1e-9 ? 1 + kr : below ? powerCorrection(y, r, b - 1) : powerCorrection(x, r, a);
  const lead = Math.pow(x, a) * Math.pow(y, b - 1) * binomialChoose * correction;
  if (!(lead > 1e-280 && lead < Number.POSITIVE_INFINITY)) return undefined;
  const odds = x / y;
  let term = 1;
  let sum = 1;
  // Two terms a turn, the second from the one before the first (one multiplication on the loop's chain per two).
  let k = 1;
  for (; k + 1 < b; k += 2) {
    const r1 = (BINOMIAL_RATIO[k] as number) * odds;
    const r2 = (BINOMIAL_RATIO[k + 1] as number) * odds;
    const t1 = term * r1;
    term *= r1 * r2;
    sum += t1 + term;
    if (term <= sum * EPS * 0.25 && r2 <= 0.5) break;
  }
  if (k + 1 === b) sum += term * ((BINOMIAL_RATIO[k] as number) * odds);
  // ln value only when asked for (betaTailLog): the cdf needs the value alone.
  return tail(false, lead * sum, Number.NaN, Number.NaN);
}

/**
 * I_x(a, 1) = x^a and 1 − I_x(1, b) = y^b (DLMF 8.17.2 with 8.17.4; Boost's ibeta takes the same shortcuts): the
 * power u^k, or its complement −expm1(k ln u) where the power is above ½, so the tail returned is the smaller one
 * (and I_x(1, 1) = x itself). For a = 1 or b = 1 only.
 */
function powerTail(a: number, b: number, x: number, y: number): boolean {
  if (a === b) return tail(false, x, Number.NaN, Number.NaN); // I_x(1, 1) = x
  const powerIsLower = b === 1;
  const u = powerIsLower ? x : y;
  const v = powerIsLower ? y : x;
  const k = powerIsLower ? a : b;
  const power = exactPower(u, v, k);
  // ln power from k ln u only where the power nears underflow (else betaTailLog takes Math.log(power) when asked).
  if (power <= 0.5) return tail(!powerIsLower, power, power > 1e-290 ? Number.NaN : k * lnOf(u, v), Number.NaN);
  const other = oneMinusPower(u, v, k, power);
  // Below 1e−290 (v tiny), 1 − u^k = kv·(1 − (k − 1)v/2 + …) to far more digits than a subnormal's logarithm keeps.
  const log = other > 1e-290 ? Number.NaN : Math.log(k) + lnOf(v, u);
  return tail(powerIsLower, other, log, Number.NaN);
}

/** 1 − u^k given power = exactPower(u, v, k): by subtraction up to ½, else −expm1(k ln u) (no cancellation). */
function oneMinusPower(u: number, v: number, k: number, power: number): number {
  return power <= 0.5 ? 1 - power : -Math.expm1(k * lnOf(u, v));
}

/**
 * u^k for u + v = 1 (one of them exact, as lnOf assumes), within about an ulp: Math.pow is within one where
 * e^(k ln u) is only within an ulp of k ln u. u is exact below ½; above it v is, and the exact 1 − v = u + r with
 * r = (1 − u) − v (both differences exact), so the power is u^k·(1 + r/u)^k.
 */
function exactPower(u: number, v: number, k: number): number {
  if (k === 1) return u; // u + r rounds to u (|r| is at most half an ulp of u)
  const r = u < 0.5 ? 0 : 1 - u - v;
  if (r === 0) return Math.pow(u, k);
  // (1 + r/u)^k = 1 + kr/u + O((kr/u)²), which is below 1e−18 while |kr/u| < 1e−9 (k up to about 1e7).
  const kr = (k * r) / u;
  return Math.pow(u, k) * (Math.abs(kr) < 1e-9 ? 1 + kr : powerCorrection(u, r, k));
}

/** (1 + r/u)^k for a large k·r/u (exactPower's rare path, out of line so that V8 inlines the rest). */
function powerCorrection(u: number, r: number, k: number): number {
  return Math.exp(k * Math.log1p(r / u));
}

/** I_x(a, b) for x below the switch-over, by the method that suits (a, b, x). */
function lowerTail(a: number, b: number, x: number, y: number): boolean {
  if (a === 1 || b === 1) return powerTail(a, b, x, y);
  if (a > 100 && b > 100) {
    // Near the mean of two large shapes the fraction needs O(√(a + b)) steps and loses digits: TOMS 708's BASYM.
    const lambda = betaLambda(a, b, x, y);
    if (useBetaAsymptotic(a, b, lambda)) {
      // λ < 0 (x just above the mean, below the switch-over): the expansion gives 1 − I_x(a, b) = I_y(b, a).
      const t = lambda >= 0 ? betaAsymptotic(a, b, lambda) : betaAsymptotic(b, a, -lambda);
      return tail(lambda < 0, t.value, t.log, Number.NaN);
    }
  } else if (a === 0.5 && b === 0.5) {
    // The arcsine law: I_x(½, ½) = (2/π)·asin(√x) (Boost's ibeta takes the same shortcut); x ≤ ½ here.
    return tail(false, TWO_OVER_PI * Math.asin(Math.sqrt(x)), Number.NaN, Number.NaN);
  } else if (b <= BINOMIAL_SUM_MAX_B && Number.isInteger(a) && Number.isInteger(b)) {
    const upper = binomialSum(a, b, x, y);
    if (upper !== undefined) return upper;
  }
  // The series alternates with terms up to e^(bx): only for bx ≤ 1, and only while x^j falls fast.
  if (b * x <= 1 && x <= 0.7) return powerSeries(a, b, x, y);
  return continuedFraction(a, b, x, y);
}

/**
 * The tail of I_x(a, b) that can be computed without cancellation, for a, b > 0 finite and 0 < x < 1,
 * y = 1 − x: below x = (a + 1)/(a + b + 2) from I_x(a, b), else from 1 − I_x(a, b) = I_y(b, a), where the
 * continued fraction converges fast (the power series may return the complement instead, see there). Returns
 * whether that tail is 1 − I_x(a, b) (else I_x(a, b)); its value, logarithm and prefix are read with
 * betaTailValue, betaTailLog and betaTailPrefix before the next call.
 */
export function betaTail(a: number, b: number, x: number, y: number): boolean {
  if (x * (a + b + 2) <= a + 1) return lowerTail(a, b, x, y);
  return !lowerTail(b, a, y, x);
}

/** The domain check shared by the four exports: NaN unless a, b > 0 (finite) and 0 ≤ x ≤ 1. */
function invalid(a: number, b: number, x: number): boolean {
  return !(a > 0 && b > 0 && a < Number.POSITIVE_INFINITY && b < Number.POSITIVE_INFINITY && x >= 0 && x <= 1);
}

/**
 * The regularised incomplete beta function I_x(a, b) = (1/B(a, b)) ∫₀ˣ t^(a−1) (1 − t)^(b−1) dt (scipy's
 * `betainc`), the cdf of a Beta(a, b) variable at x.
 *
 * Method (DiDonato & Morris 1992, BRATIO): below x = (a + 1)/(a + b + 2) the power series (when bx ≤ 1)
 * or the continued fraction DLMF 8.17.22, and for a, b > 100 within 0.03·min(a, b) of
 * λ = a − (a + b)x = 0 the asymptotic expansion BASYM (to ~1e−13 relative up to a, b = 1e15); above it,
 * 1 − I_{1−x}(b, a). Closed forms where there are (x^a for b = 1, 1 − (1 − x)^b for a = 1, (2/π)·asin(√x) for
 * a = b = ½) and the finite binomial sum for integer shapes with at most 40 terms, as Boost's ibeta. The prefix
 * x^a(1 − x)^b/B(a, b) is formed in logs through Stirling's form and log1pmx (BRCOMP), so large and
 * unequal a, b neither overflow nor cancel, and 1 − x is only used where it is exact.
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param x - a number in [0, 1]
 * @returns I_x(a, b) in [0, 1]; NaN if a or b is ≤ 0, infinite or NaN, or x is outside [0, 1] or NaN
 * @example
 * betaI(2, 3, 0.4); // => 0.5248 (1 − 0.6⁴ − 4·0.4·0.6³)
 * betaI(0.5, 0.5, 0.5); // => 0.5000000000000001 (½ by symmetry)
 */
export function betaI(a: number, b: number, x: number): number {
  if (invalid(a, b, x)) return Number.NaN;
  if (x === 0) return 0;
  if (x === 1) return 1;
  // I_x(a, 1) = x^a and I_x(1, b) = 1 − (1 − x)^b directly, the values powerTail gives (a cdf grid skips its dispatch,
  // and need not form the complement of x^a to subtract it).
  if (b === 1) return exactPower(x, 1 - x, a);
  if (a === 1) {
    const y = 1 - x;
    return oneMinusPower(y, x, b, exactPower(y, x, b));
  }
  return betaTail(a, b, x, 1 - x) ? 1 - (TAIL[VALUE] as number) : (TAIL[VALUE] as number);
}

/**
 * The complement 1 − I_x(a, b) = I_{1−x}(b, a), the survival function of Beta(a, b) at x, accurate where
 * it is small (x near 1).
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param x - a number in [0, 1]
 * @returns 1 − I_x(a, b); NaN as `betaI`
 * @example
 * betaIc(2, 3, 0.4); // => 0.47519999999999996 (0.4752)
 */
export function betaIc(a: number, b: number, x: number): number {
  if (invalid(a, b, x)) return Number.NaN;
  if (x === 0) return 1;
  if (x === 1) return 0;
  // 1 − I_x(1, b) = (1 − x)^b and 1 − I_x(a, 1) = 1 − x^a directly, as in betaI.
  if (a === 1) return exactPower(1 - x, x, b);
  if (b === 1) {
    const y = 1 - x;
    return oneMinusPower(x, y, a, exactPower(x, y, a));
  }
  return betaTail(a, b, x, 1 - x) ? (TAIL[VALUE] as number) : 1 - (TAIL[VALUE] as number);
}

/**
 * ln I_x(a, b), finite where I_x underflows.
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param x - a number in [0, 1]
 * @returns ln I_x(a, b) ≤ 0; −Infinity at x = 0; NaN as `betaI`
 * @example
 * logBetaI(1, 1, 1e-300); // => -690.7755278982137 (I = x)
 */
export function logBetaI(a: number, b: number, x: number): number {
  if (invalid(a, b, x)) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === 1) return 0;
  return betaTail(a, b, x, 1 - x) ? Math.log1p(-(TAIL[VALUE] as number)) : betaTailLog();
}

/**
 * ln(1 − I_x(a, b)), finite where the complement underflows.
 *
 * @param a - first shape, > 0
 * @param b - second shape, > 0
 * @param x - a number in [0, 1]
 * @returns ln(1 − I_x(a, b)) ≤ 0; −Infinity at x = 1; NaN as `betaI`
 * @example
 * logBetaIc(2, 1, 0.5); // => -0.2876820724517809 (ln(1 − x²) = ln 0.75)
 */
export function logBetaIc(a: number, b: number, x: number): number {
  if (invalid(a, b, x)) return Number.NaN;
  if (x === 0) return 0;
  if (x === 1) return Number.NEGATIVE_INFINITY;
  return betaTail(a, b, x, 1 - x) ? betaTailLog() : Math.log1p(-(TAIL[VALUE] as number));
}
