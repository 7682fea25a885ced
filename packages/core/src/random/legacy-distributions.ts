// numpy's legacy samplers, one variate per call, in the order of draws of
// numpy/random/src/legacy/legacy-distributions.c (`legacy_standard_gamma`, `legacy_beta`,
// `legacy_random_binomial`, `legacy_random_geometric`, …) and of the parts of
// numpy/random/src/distributions/distributions.c that `RandomState` still calls (`random_poisson`,
// `random_laplace`, `random_logistic`, `random_loggam`, `random_geometric_search`). Every floating
// operation is C's, in C's order. `log` and `exp` are the nearly correctly rounded ./accurate-log.ts
// and ./accurate-exp.ts, which agree with glibc's far more often than V8's Math.log and Math.exp
// (which differ from glibc's for ~0.3 % and ~10 % of arguments). `pow` is Math.pow: since V8 took
// over the ARM optimized-routines pow that glibc also ships, it returns glibc's value (checked on
// 200 000 arguments; the test holds 2048 of them).

import { accurateExp } from './accurate-exp.ts';
import { accurateLog, accurateLogAll } from './accurate-log.ts';
import { type GaussCache, legacyGauss, nextDouble } from './legacy-stream.ts';
import { MT19937_STATE_LENGTH, type Mt19937 } from './mt19937.ts';

const TWO_POW_MINUS_27 = 7.450580596923828e-9;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * `legacy_standard_exponential`: −ln(1 − U). 1 − U is exact (U is on the 2^-53 grid) and lies in
 * (0, 1], accurateLog's domain.
 *
 * @param gen - The generator.
 * @returns A standard exponential variate.
 * @example
 * legacyStandardExponential(mt19937Create(42)); // => 0.4692680899768591
 */
export function legacyStandardExponential(gen: Mt19937): number {
  return -accurateLog(1 - nextDouble(gen));
}

/**
 * `legacy_standard_gamma`: shape 1 is exponential, shape 0 is 0, shape < 1 Jöhnk-type rejection
 * (Ahrens–Dieter GS: U ≤ 1 − a gives X = U^(1/a), else Y = −ln((1 − U)/a), X = (1 − a + aY)^(1/a),
 * accepted against an exponential V), shape > 1 Marsaglia–Tsang with the legacy Gaussian
 * (b = a − 1/3, c = 1/√(9b), V = (1 + cX)³, squeeze U < 1 − 0.0331X⁴, else ln U < X²/2 + b(1 − V + ln V)).
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache (shape > 1 draws Gaussians through it).
 * @param shape - The shape a ≥ 0.
 * @returns A standard gamma variate.
 * @example
 * const cache = { hasGauss: false, gauss: 0, accepted: new Float64Array(0) };
 * legacyStandardGamma(mt19937Create(42), cache, 2); // => 2.3936793898692366 (numpy: RandomState(42).standard_gamma(2))
 */
export function legacyStandardGamma(gen: Mt19937, cache: GaussCache, shape: number): number {
  if (shape === 1) return legacyStandardExponential(gen);
  if (shape === 0) return 0;
  if (shape < 1) return gammaSmallShape(gen, shape, 1 / shape);
  const b = shape - 1 / 3;
  return gammaMarsagliaTsang(gen, cache, b, 1 / Math.sqrt(9 * b));
}

/**
 * The shape < 1 branch of `legacy_standard_gamma` (fillGamma in ./random-state.ts calls it directly
 * so the branch is chosen once per request).
 *
 * @param gen - The generator.
 * @param shape - The shape, in (0, 1).
 * @param inv - 1/shape, as C computes it.
 * @returns A standard gamma variate.
 * @example
 * gammaSmallShape(mt19937Create(0), 0.3, 1 / 0.3); // => 0.13533681858277738 (numpy: RandomState(0).standard_gamma(0.3))
 */
export function gammaSmallShape(gen: Mt19937, shape: number, inv: number): number {
  for (;;) {
    const U = nextDouble(gen);
    const V = legacyStandardExponential(gen);
    if (U <= 1 - shape) {
      const X = Math.pow(U, inv);
      if (X <= V) return X;
    } else {
      const Y = -accurateLogAll((1 - U) / shape);
      const X = Math.pow(1 - shape + shape * Y, inv);
      if (X <= V + Y) return X;
    }
  }
}

/**
 * The shape > 1 branch of `legacy_standard_gamma` (Marsaglia–Tsang with the legacy Gaussian).
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache.
 * @param b - shape − 1/3.
 * @param c - 1/√(9b).
 * @returns A standard gamma variate.
 * @example
 * gammaMarsagliaTsang(mt19937Create(42), cache, 2 - 1 / 3, 1 / Math.sqrt(9 * (2 - 1 / 3))); // => 2.3936793898692366
 */
export function gammaMarsagliaTsang(gen: Mt19937, cache: GaussCache, b: number, c: number): number {
  for (;;) {
    let X = 0;
    let V = 0;
    do {
      X = legacyGauss(gen, cache);
      V = 1 + c * X;
    } while (V <= 0);
    V = V * V * V;
    const U = nextDouble(gen);
    if (U < 1 - 0.0331 * (X * X) * (X * X)) return b * V;
    if (logOrMinusInfinity(U) < 0.5 * X * X + b * (1 - V + accurateLogAll(V))) return b * V;
  }
}

/** C's log(0) is −Infinity; accurateLog wants a positive argument. */
function logOrMinusInfinity(x: number): number {
  return x > 0 ? accurateLogAll(x) : Number.NEGATIVE_INFINITY;
}

/**
 * `legacy_beta`: Jöhnk's algorithm when a ≤ 1 and b ≤ 1 (X = U^(1/a), Y = V^(1/b) until X + Y ≤ 1,
 * then X/(X + Y), in logs when both underflow), otherwise Ga/(Ga + Gb) from two legacy gammas.
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache.
 * @param a - First shape, > 0.
 * @param b - Second shape, > 0.
 * @returns A beta variate in [0, 1].
 * @example
 * legacyBeta(mt19937Create(42), cache, 0.5, 0.5); // => 0.5992069666276891 (numpy: RandomState(42).beta(0.5, 0.5))
 */
export function legacyBeta(gen: Mt19937, cache: GaussCache, a: number, b: number): number {
  if (a <= 1 && b <= 1) {
    for (;;) {
      const U = nextDouble(gen);
      const V = nextDouble(gen);
      const X = Math.pow(U, 1 / a);
      const Y = Math.pow(V, 1 / b);
      if (X + Y <= 1) {
        if (X + Y > 0) return X / (X + Y);
        let logX = logOrMinusInfinity(U) / a;
        let logY = logOrMinusInfinity(V) / b;
        const logM = logX > logY ? logX : logY;
        logX -= logM;
        logY -= logM;
        return accurateExp(logX - logOrMinusInfinity(accurateExp(logX) + accurateExp(logY)));
      }
    }
  }
  const Ga = legacyStandardGamma(gen, cache, a);
  const Gb = legacyStandardGamma(gen, cache, b);
  return Ga / (Ga + Gb);
}

/**
 * `random_laplace`: U ≥ 0.5 gives loc − scale·ln(2 − U − U), 0 < U < 0.5 gives loc + scale·ln(2U),
 * U = 0 draws again.
 *
 * @param gen - The generator.
 * @param loc - Location.
 * @param scale - Scale ≥ 0.
 * @returns A Laplace variate.
 * @example
 * legacyLaplace(mt19937Create(42), 0, 1); // => -0.28890917477433936
 */
export function legacyLaplace(gen: Mt19937, loc: number, scale: number): number {
  for (;;) {
    const U = nextDouble(gen);
    if (U >= 0.5) return loc - scale * accurateLog(2 - U - U);
    if (U > 0) return loc + scale * accurateLog(U + U);
  }
}

/**
 * `random_logistic`: loc + scale·ln(U/(1 − U)), U = 0 drawing again.
 *
 * @param gen - The generator.
 * @param loc - Location.
 * @param scale - Scale ≥ 0.
 * @returns A logistic variate.
 * @example
 * legacyLogistic(mt19937Create(42), 0, 1); // => -0.5127882653574256
 */
export function legacyLogistic(gen: Mt19937, loc: number, scale: number): number {
  for (;;) {
    const U = nextDouble(gen);
    if (U > 0) return loc + scale * accurateLogAll(U / (1 - U));
  }
}

const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
] as const;

/**
 * `random_loggam`: ln Γ(x) by Stirling's series after shifting x up to 7 (Zhang & Jin, "Computation
 * of Special Functions", 1996), exactly as numpy's samplers evaluate it.
 *
 * @param x - A positive argument.
 * @returns ln Γ(x) to about 1e-15 relative.
 * @example
 * legacyLoggam(10); // => 12.80182748008147 (ln 9! = 12.801827480081467)
 */
export function legacyLoggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = (1 / x0) * (1 / x0);
  const lg2pi = 1.8378770664093453;
  let gl0 = LOGGAM_A[9];
  for (let k = 8; k >= 0; k--) {
    gl0 *= x2;
    gl0 += LOGGAM_A[k] as number;
  }
  let gl = gl0 / x0 + 0.5 * lg2pi + (x0 - 0.5) * accurateLogAll(x0) - x0;
  if (x < 7) {
    for (let k = 1; k <= n; k++) {
      gl -= accurateLogAll(x0 - 1);
      x0 -= 1;
    }
  }
  return gl;
}

/** 2^−40: the margin of PTRS's final test in Math.log (see ptrsLoop). */
const TWO_POW_MINUS_40 = 2 ** -40;

/** Counts k below this have loggam(k + 1) kept once computed (loggamOfCount). */
const LOGGAM_CACHED = 4096;
const LOGGAM_OF_COUNT = new Float64Array(LOGGAM_CACHED).fill(Number.NaN);

/**
 * legacyLoggam(k + 1) = ln k! for a count k ≥ 0, the same double, kept for k < 4096 once computed: PTRS's final
 * test needs it at about a quarter of its draws, and the negative binomial's draws each have a new λ, so no
 * per-λ table serves them.
 *
 * @param k - A count, an integer ≥ 0.
 * @returns legacyLoggam(k + 1).
 * @example
 * loggamOfCount(9); // => 12.80182748008147 (legacyLoggam(10))
 */
export function loggamOfCount(k: number): number {
  if (k < LOGGAM_CACHED) {
    const cached = LOGGAM_OF_COUNT[k] as number;
    if (cached === cached) return cached;
    const v = legacyLoggam(k + 1);
    LOGGAM_OF_COUNT[k] = v;
    return v;
  }
  return legacyLoggam(k + 1);
}

/**
 * `random_poisson`: PTRS (Hörmann's transformed rejection, Insurance: Mathematics and Economics 12,
 * 1993) for λ ≥ 10, 0 for λ = 0, otherwise multiplication of uniforms until the product drops to e^−λ.
 *
 * @param gen - The generator.
 * @param lam - λ ≥ 0.
 * @returns A Poisson count.
 * @example
 * legacyPoisson(mt19937Create(42), 3); // => 4
 */
export function legacyPoisson(gen: Mt19937, lam: number): number {
  if (lam >= 10) return poissonPtrs(gen, lam);
  if (lam === 0) return 0;
  return poissonMult(gen, accurateExp(-lam));
}

/**
 * `random_poisson_mult`: the count of uniforms whose running product stays above e^−λ.
 *
 * @param gen - The generator.
 * @param enlam - e^−λ, for 0 < λ < 10.
 * @returns A Poisson count.
 * @example
 * poissonMult(mt19937Create(42), Math.exp(-3)); // => 4
 */
export function poissonMult(gen: Mt19937, enlam: number): number {
  let X = 0;
  let prod = 1;
  for (;;) {
    prod *= nextDouble(gen);
    if (prod > enlam) X += 1;
    else return X;
  }
}

/**
 * `random_poisson_ptrs` for λ ≥ 10, set-up included (numpy recomputes it for each draw;
 * RandomState.poisson computes it once with poissonPtrsSetup and draws in batches with
 * ./legacy-poisson-batch.ts, which gives the same numbers).
 *
 * @param gen - The generator.
 * @param lam - λ ≥ 10.
 * @returns A Poisson count.
 * @example
 * poissonPtrs(mt19937Create(22), 25); // => 20 (numpy: RandomState(22).poisson(25))
 */
export function poissonPtrs(gen: Mt19937, lam: number): number {
  // The set-up in locals, not an object: negativeBinomial calls this once per draw. The two logarithms (and invalpha)
  // are left to the loop (NaN): only its final test reads them, and most draws are accepted before it.
  // The first attempt here, where most draws end, so that the loop's call is paid by the few that go on.
  const b = 0.931 + 2.53 * Math.sqrt(lam);
  const a = -0.059 + 0.02483 * b;
  const vr = 0.9277 - 3.6224 / (b - 2);
  const U = nextDouble(gen) - 0.5;
  const V = nextDouble(gen);
  const us = 0.5 - Math.abs(U);
  const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
  if ((us >= 0.07 && V <= vr) || ptrsAccepts(lam, Number.NaN, a, b, Number.NaN, us, V, k)) return k;
  return ptrsLoop(gen, lam, Number.NaN, a, b, vr, Number.NaN);
}

/** The constants of PTRS for one λ: b, a, 1/α, v_r of Hörmann's paper, and two logarithms. */
export interface PoissonPtrsSetup {
  lam: number;
  loglam: number;
  a: number;
  b: number;
  vr: number;
  logInvalpha: number;
}

/**
 * The PTRS constants for λ, as `random_poisson_ptrs` computes them.
 *
 * @param lam - λ ≥ 10.
 * @returns The set-up for poissonPtrsDraw.
 * @example
 * poissonPtrsSetup(25).b; // => 13.581
 */
export function poissonPtrsSetup(lam: number): PoissonPtrsSetup {
  const slam = Math.sqrt(lam);
  const b = 0.931 + 2.53 * slam;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  return {
    lam,
    loglam: accurateLogAll(lam),
    a: -0.059 + 0.02483 * b,
    b,
    vr: 0.9277 - 3.6224 / (b - 2),
    logInvalpha: accurateLogAll(invalpha),
  };
}

/**
 * One PTRS draw (the loop of `random_poisson_ptrs`) with precomputed constants.
 *
 * @param gen - The generator.
 * @param s - poissonPtrsSetup(λ).
 * @returns A Poisson count.
 * @example
 * poissonPtrsDraw(mt19937Create(22), poissonPtrsSetup(25)); // => 20
 */
export function poissonPtrsDraw(gen: Mt19937, s: PoissonPtrsSetup): number {
  return ptrsLoop(gen, s.lam, s.loglam, s.a, s.b, s.vr, s.logInvalpha);
}

/** PTRS's loop; loglam and logInvalpha may be NaN, and are then taken (ln λ, ln invalpha) when first needed. */
function ptrsLoop(gen: Mt19937, lam: number, loglam: number, a: number, b: number, vr: number, logInvalpha: number): number {
  for (;;) {
    const U = nextDouble(gen) - 0.5;
    const V = nextDouble(gen);
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (ptrsAccepts(lam, loglam, a, b, logInvalpha, us, V, k)) return k;
  }
}

/**
 * The rest of a PTRS attempt that the quick test did not accept: whether k is accepted. loglam and logInvalpha may
 * be NaN (λ new at every draw, the negative binomial's): the test is then decided with Math.log first.
 */
function ptrsAccepts(lam: number, loglam: number, a: number, b: number, logInvalpha: number, us: number, V: number, k: number): boolean {
  if (k < 0 || (us < 0.013 && V > us)) return false;
  if (loglam !== loglam) {
    const invalpha = 1.1239 + 1.1328 / (b - 3.4);
    // With Math.log first (each within an ulp of the true logarithm, as glibc's and accurateLogAll are), the two
    // sides can differ from numpy's by a few ulps of their terms at most: 2^−40 of the terms' sum, thousands of
    // ulps, decides without them. Nearer than that (about once in 10^12 tests) they are taken as numpy takes them.
    const lV = Math.log(V);
    const lI = Math.log(invalpha);
    const lX = Math.log(a / (us * us) + b);
    const lL = Math.log(lam);
    const g = loggamOfCount(k);
    const lhs = lV + lI - lX;
    const rhs = -lam + k * lL - g;
    const margin = TWO_POW_MINUS_40 * (Math.abs(lV) + Math.abs(lI) + Math.abs(lX) + lam + k * Math.abs(lL) + Math.abs(g));
    if (lhs < rhs - margin) return true;
    if (lhs > rhs + margin) return false;
    loglam = accurateLogAll(lam);
    logInvalpha = accurateLogAll(invalpha);
  }
  return logOrMinusInfinity(V) + logInvalpha - accurateLogAll(a / (us * us) + b) <= -lam + k * loglam - loggamOfCount(k);
}

/**
 * `legacy_random_geometric`: for p ≥ 1/3 a sequential search (the first X with U ≤ Σ p·q^(i−1)),
 * otherwise inversion ⌈ln(1 − U)/ln(1 − p)⌉ (numpy's `log1p(−U)`; 1 − U is exact, so it is ln(1 − U)).
 * Counts trials, so the support is 1, 2, ….
 *
 * @param gen - The generator.
 * @param p - Success probability in (0, 1].
 * @returns The number of the first successful trial.
 * @example
 * legacyGeometric(mt19937Create(42), 0.5); // => 1
 */
export function legacyGeometric(gen: Mt19937, p: number): number {
  if (p >= GEOMETRIC_SEARCH_MIN_P) return geometricSearch(gen, p);
  return geometricInversion(gen, accurateLogAll(1 - p));
}

/** numpy's cut-off 0.333333333333333333333333 between search and inversion, as a double. */
export const GEOMETRIC_SEARCH_MIN_P = 0.3333333333333333;

/**
 * `random_geometric_search`: the first X with U ≤ p + pq + … + pq^(X−1).
 *
 * @param gen - The generator.
 * @param p - Success probability, ≥ 1/3 in numpy's use.
 * @returns The number of the first successful trial.
 * @example
 * geometricSearch(mt19937Create(42), 0.5); // => 1
 */
export function geometricSearch(gen: Mt19937, p: number): number {
  const U = nextDouble(gen);
  let X = 1;
  let sum = p;
  let prod = p;
  const q = 1 - p;
  while (U > sum) {
    prod *= q;
    sum += prod;
    X++;
  }
  return X;
}

/**
 * `legacy_geometric_inversion`: ⌈ln(1 − U)/ln(1 − p)⌉ given ln(1 − p) (numpy's `log1p(−U)`; 1 − U is
 * exact, so it is ln(1 − U)).
 *
 * @param gen - The generator.
 * @param logq - ln(1 − p), as C's `log(1 - p)`.
 * @returns The number of the first successful trial.
 * @example
 * geometricInversion(mt19937Create(30), Math.log(0.9)); // => 10 (numpy: RandomState(30).geometric(0.1))
 */
export function geometricInversion(gen: Mt19937, logq: number): number {
  // + 0 turns C's (long) of −0 into 0.
  return Math.ceil(-legacyStandardExponential(gen) / logq) + 0;
}

/**
 * The set-up constants of numpy's legacy binomial for one (n, p): numpy caches them in the stream
 * (`binomial_t`) and reuses them while n and p stay the same, which gives the same numbers as
 * computing them once per call, as here.
 */
export interface BinomialSetup {
  n: number;
  /** min(p, 1 − p): the probability the inner sampler works with. */
  p: number;
  /** True when the result is n minus the inner draw (p > 0.5). */
  flip: boolean;
  /** Inversion (n·p ≤ 30) or BTPE. */
  inversion: boolean;
  q: number;
  qn: number;
  bound: number;
  r: number;
  fm: number;
  m: number;
  p1: number;
  xm: number;
  xl: number;
  xr: number;
  c: number;
  laml: number;
  lamr: number;
  p2: number;
  p3: number;
  p4: number;
  /**
   * BTPE's step-50 factors a/i − sr (sr = r/q, a = sr·(n + 1)) for i = m − 20 … m + 20, computed
   * exactly as the step computes them, so that |y − m| ≤ 20 (most draws) costs no division for
   * y > m and one instead of two per factor for y < m. Empty for inversion (and an empty table makes
   * BTPE compute every factor, as numpy does).
   */
  ratios: Float64Array;
}

/** Half-width of BinomialSetup.ratios: step 50's direct product runs over at most 20 factors when |y − m| ≤ 20. */
const RATIO_HALF_WIDTH = 20;

/**
 * The constants of `legacy_random_binomial_inversion` or `legacy_random_binomial_btpe` for (n, p).
 *
 * @param n - Trials, an integer ≥ 0.
 * @param p - Success probability in [0, 1].
 * @returns The set-up.
 * @example
 * legacyBinomialSetup(10, 0.3).inversion; // => true
 */
export function legacyBinomialSetup(n: number, p: number): BinomialSetup {
  const flip = p > 0.5;
  const pp = flip ? 1 - p : p;
  const s: BinomialSetup = {
    n, p: pp, flip, inversion: pp * n <= 30,
    q: 0, qn: 0, bound: 0, r: 0, fm: 0, m: 0, p1: 0, xm: 0, xl: 0, xr: 0, c: 0, laml: 0, lamr: 0, p2: 0, p3: 0, p4: 0,
    ratios: new Float64Array(0),
  };
  if (s.inversion) {
    const q = 1 - pp;
    s.q = q;
    s.qn = accurateExp(n * logOrMinusInfinity(q));
    const np = n * pp;
    s.bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
    return s;
  }
  const r = Math.min(pp, 1 - pp);
  const q = 1 - r;
  const fm = n * r + r;
  const m = Math.floor(fm);
  const p1 = Math.floor(2.195 * Math.sqrt(n * r * q) - 4.6 * q) + 0.5;
  const xm = m + 0.5;
  const xl = xm - p1;
  const xr = xm + p1;
  const c = 0.134 + 20.5 / (15.3 + m);
  let a = (fm - xl) / (fm - xl * r);
  const laml = a * (1 + a / 2);
  a = (xr - fm) / (xr * q);
  const lamr = a * (1 + a / 2);
  const p2 = p1 * (1 + 2 * c);
  const p3 = p2 + c / laml;
  const p4 = p3 + c / lamr;
  const sr = r / q;
  const aa = sr * (n + 1);
  const ratios = new Float64Array(2 * RATIO_HALF_WIDTH + 1);
  // i ≤ 0 never occurs in a product (y ≥ 0); those slots just hold whatever a/i − sr gives.
  for (let d = 0; d < ratios.length; d++) ratios[d] = aa / (m - RATIO_HALF_WIDTH + d) - sr;
  Object.assign(s, { r, q, fm, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4, ratios });
  return s;
}

/**
 * `legacy_random_binomial`: inversion for n·min(p, 1 − p) ≤ 30, otherwise BTPE (Kachitvichyanukul &
 * Schmeiser, CACM 31(2), 1988) with numpy's legacy Stirling terms, then n − X when p > 0.5.
 *
 * @param gen - The generator.
 * @param s - The set-up from legacyBinomialSetup(n, p).
 * @returns The number of successes.
 * @example
 * legacyBinomial(mt19937Create(42), legacyBinomialSetup(10, 0.3)); // => 2
 */
export function legacyBinomial(gen: Mt19937, s: BinomialSetup): number {
  const y = s.inversion ? binomialInversion(gen, s) : binomialBtpe(gen, s);
  return s.flip ? s.n - y : y;
}

function binomialInversion(gen: Mt19937, s: BinomialSetup): number {
  const { n, p, q, qn, bound } = s;
  let X = 0;
  let px = qn;
  let U = nextDouble(gen);
  while (U > px) {
    X++;
    if (X > bound) {
      X = 0;
      px = qn;
      U = nextDouble(gen);
    } else {
      U -= px;
      px = ((n - X + 1) * p * px) / (X * q);
    }
  }
  return X;
}

function binomialBtpe(gen: Mt19937, s: BinomialSetup): number {
  for (;;) {
    // Step 10: u and v are drawn for every attempt.
    const u = nextDouble(gen) * s.p4;
    const y = btpeAttempt(s, u, nextDouble(gen));
    if (y >= 0) return y;
  }
}

/**
 * Fills out[i0 … i1) with `legacy_random_binomial` draws: BTPE through fillBinomialBtpe, inversion
 * by one legacyBinomial call per draw (a copy reading the key with the position in a local was no
 * faster in a quick, noisy measurement). The words consumed are legacyBinomial's.
 *
 * @param gen - The generator.
 * @param s - The set-up from legacyBinomialSetup(n, p).
 * @param out - Receives the draws.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * fillBinomial(mt19937Create(42), legacyBinomialSetup(10, 0.3), out, 0, 1); // out[0] = 2
 */
export function fillBinomial(gen: Mt19937, s: BinomialSetup, out: Float64Array, i0: number, i1: number): void {
  if (s.inversion) {
    for (let i = i0; i < i1; i++) out[i] = legacyBinomial(gen, s);
  } else fillBinomialBtpe(gen, s, out, i0, i1);
}

/**
 * Fills out[i0 … i1) with `legacy_random_binomial` draws by BTPE (s not an inversion set-up),
 * reading each attempt's two doubles straight from the key with the position in a local (no
 * per-double state traffic); the words consumed are those of legacyBinomial.
 *
 * @param gen - The generator.
 * @param s - The set-up from legacyBinomialSetup(n, p), with s.inversion false.
 * @param out - Receives the draws.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * fillBinomialBtpe(mt19937Create(42), legacyBinomialSetup(1000, 0.6), out, 0, 1); // out[0] = 598
 */
function fillBinomialBtpe(gen: Mt19937, s: BinomialSetup, out: Float64Array, i0: number, i1: number): void {
  const tempered = gen.tempered;
  const p4 = s.p4;
  const n = s.n;
  const flip = s.flip;
  let pos = gen.pos;
  for (let i = i0; i < i1; i++) {
    for (;;) {
      let u: number;
      let v: number;
      if (pos <= MT19937_STATE_LENGTH - 4) {
        // (a·2^26 + b)·2^-53 as a·2^-27 + b·2^-53 (exact products, exact 53-bit sum).
        u = ((tempered[pos] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[pos + 1] as number) >>> 6) * TWO_POW_MINUS_53;
        v = ((tempered[pos + 2] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[pos + 3] as number) >>> 6) * TWO_POW_MINUS_53;
        pos += 4;
      } else {
        // Across a twist: word by word, as nextDouble does.
        gen.pos = pos;
        u = nextDouble(gen);
        v = nextDouble(gen);
        pos = gen.pos;
      }
      const y = btpeAttempt(s, u * p4, v);
      if (y >= 0) {
        out[i] = flip ? n - y : y;
        break;
      }
    }
  }
  gen.pos = pos;
}

/**
 * One BTPE attempt (steps 10–52) from u = U·p4 and v = V: the draw, or −1 when it is rejected (an
 * accepted draw is ≥ 0: x_l = x_m − p1 > 0 whenever BTPE runs, n·min(p, 1 − p) > 30).
 */
function btpeAttempt(s: BinomialSetup, u: number, v0: number): number {
  const { n, r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, ratios } = s;
  const nrq = n * r * q;
  let v = v0;
  let y: number;
  if (u <= p1) {
    // The triangular centre: accepted at once.
    return Math.floor(xm - p1 * v + u);
  }
  if (u <= p2) {
    // Step 20: the parallelograms.
    const x = xl + (u - p1) / c;
    v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
    if (v > 1) return -1;
    y = Math.floor(x);
  } else if (u <= p3) {
    // Step 30: the left exponential tail.
    y = Math.floor(xl + logOrMinusInfinity(v) / laml);
    if (y < 0 || v === 0) return -1;
    v = v * (u - p2) * laml;
  } else {
    // Step 40: the right exponential tail.
    y = Math.floor(xr - logOrMinusInfinity(v) / lamr);
    if (y > n || v === 0) return -1;
    v = v * (u - p3) * lamr;
  }
  // Step 50
  const k = Math.abs(y - m);
  if (!(k > 20 && k < nrq / 2 - 1)) {
    const sr = r / q;
    const a = sr * (n + 1);
    let F = 1;
    if (k <= RATIO_HALF_WIDTH && ratios.length > 0) {
      // The same factors from the set-up's table (slot i − m + 20); F's operations are unchanged.
      const base = m - RATIO_HALF_WIDTH;
      if (m < y) {
        for (let i = m + 1; i <= y; i++) F *= ratios[i - base] as number;
      } else if (m > y) {
        for (let i = y + 1; i <= m; i++) F /= ratios[i - base] as number;
      }
    } else if (m < y) {
      for (let i = m + 1; i <= y; i++) F *= a / i - sr;
    } else if (m > y) {
      for (let i = y + 1; i <= m; i++) F /= a / i - sr;
    }
    if (v > F) return -1;
    return y;
  }
  // Step 52
  const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
  const t = (-k * k) / (2 * nrq);
  const A = logOrMinusInfinity(v);
  if (A < t - rho) return y;
  if (A > t + rho) return -1;
  const x1 = y + 1;
  const f1 = m + 1;
  const z = n + 1 - m;
  const w = n - y + 1;
  const x2 = x1 * x1;
  const f2 = f1 * f1;
  const z2 = z * z;
  const w2 = w * w;
  const bound =
    xm * accurateLogAll(f1 / x1) +
    (n - m + 0.5) * accurateLogAll(z / w) +
    (y - m) * accurateLogAll((w * r) / (x1 * q)) +
    (13680 - (462 - (132 - (99 - 140 / f2) / f2) / f2) / f2) / f1 / 166320 +
    (13680 - (462 - (132 - (99 - 140 / z2) / z2) / z2) / z2) / z / 166320 +
    (13680 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x1 / 166320 +
    (13680 - (462 - (132 - (99 - 140 / w2) / w2) / w2) / w2) / w / 166320;
  if (A > bound) return -1;
  return y;
}

/**
 * `legacy_negative_binomial`: a Poisson count whose mean is a legacy gamma(n, (1 − p)/p) variate.
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache.
 * @param n - Successes, > 0 (need not be an integer).
 * @param p - Success probability in (0, 1].
 * @returns The number of failures before the n-th success.
 * @example
 * legacyNegativeBinomial(mt19937Create(42), cache, 3, 0.4); // => 3
 */
export function legacyNegativeBinomial(gen: Mt19937, cache: GaussCache, n: number, p: number): number {
  const Y = ((1 - p) / p) * legacyStandardGamma(gen, cache, n);
  return legacyPoisson(gen, Y);
}

/**
 * Fills out[i0 … i1) with legacyNegativeBinomial(gen, cache, n, p) draws, bit for bit and word for
 * word: the gamma as legacyStandardGamma (its branch and constants once a chunk), the Poisson as legacyPoisson, except that the product of
 * uniforms of `random_poisson_mult` (0 < λ < 10, the common case) reads its doubles straight from
 * the key with the position in a local, as fillBinomialBtpe does (a chunk per call of a small
 * function, optimised during the first request).
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache.
 * @param n - Successes, > 0.
 * @param p - Success probability in (0, 1].
 * @param out - Receives the draws.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * fillNegativeBinomial(mt19937Create(42), cache, 3, 0.4, out, 0, 1); // out[0] = 3
 */
export function fillNegativeBinomial(gen: Mt19937, cache: GaussCache, n: number, p: number, out: Float64Array, i0: number, i1: number): void {
  const odds = (1 - p) / p;
  // legacyStandardGamma(gen, cache, n) with its branch and constants worked out once a chunk (n is fixed):
  // the same arithmetic, so the same draws.
  const b = n - 1 / 3;
  const c = 1 / Math.sqrt(9 * b);
  const inv = 1 / n;
  for (let i = i0; i < i1; i++) {
    const gamma = n > 1 ? gammaMarsagliaTsang(gen, cache, b, c) : n === 1 ? legacyStandardExponential(gen) : gammaSmallShape(gen, n, inv);
    const lam = odds * gamma;
    if (lam >= 10) {
      out[i] = poissonPtrs(gen, lam);
      continue;
    }
    if (lam === 0) {
      out[i] = 0;
      continue;
    }
    // poissonMult(gen, accurateExp(−λ)), with nextDouble's arithmetic inline.
    const enlam = accurateExp(-lam);
    const tempered = gen.tempered;
    let pos = gen.pos;
    let X = 0;
    let prod = 1;
    for (;;) {
      if (pos <= MT19937_STATE_LENGTH - 2) {
        prod *= ((tempered[pos] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[pos + 1] as number) >>> 6) * TWO_POW_MINUS_53;
        pos += 2;
      } else {
        gen.pos = pos;
        prod *= nextDouble(gen);
        pos = gen.pos;
      }
      if (prod > enlam) X += 1;
      else break;
    }
    gen.pos = pos;
    out[i] = X;
  }
}
