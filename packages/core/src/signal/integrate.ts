// Numerical integration by double-exponential (tanh-sinh family) quadrature, and the Gaussian
// integral ∫A·e^(−B(x−μ)²)dx = A·√(π/B) with its mean and variance, which the normal pdf is built on.
//
// Method (Takahasi & Mori 1974, "Double exponential formulas for numerical integration"; Mori 2005).
// Substitute x = φ(t) so that the integrand f(φ(t))·φ'(t) decays double-exponentially in t, then
// apply the trapezoid rule with step h, halving h each level (only the new odd nodes are evaluated):
//   [a, b]:   x = c + r·tanh(π/2·sinh t)               (tanh-sinh; c, r = midpoint, half-width)
//   [a, ∞):   x = a + s·exp(π/2·sinh t)                (exp-sinh)
//   (−∞, b]:  x = b − s·exp(π/2·sinh t)
//   (−∞, ∞):  x = c + s·sinh(π/2·sinh t)               (sinh-sinh)
// For analytic integrands the error falls like exp(−K/h): each halving of h roughly squares the
// relative error, so a dozen digits come within a few levels. Endpoint singularities (√x, log x at 0)
// are harmless: nodes approach the endpoints but never touch them (1 − tanh is computed directly).

import { checkFinite, checkInteger, checkOptions, checkPositive, checkRequiredOptions, describe } from '../internal/validate.ts';

/** Options of {@link integrate}. */
export interface IntegrateOptions {
  /**
   * Stop when two successive levels differ by at most tolerance·∫|f| (so integrals that vanish by
   * symmetry still converge). Default 1e-13.
   */
  tolerance?: number;
  /**
   * Most halvings of the step h (from h = 1/2), 1 … 20. Default 10 (h = 2⁻¹¹). Each level costs
   * about as many evaluations as all levels before it (level 10 ≈ 2.6e4, level 20 ≈ 2.7e7).
   */
  maxLevels?: number;
  /**
   * Budget of integrand evaluations, 1 … 1e8: no level is started that would take the total past
   * it (a level costs about as many evaluations as all before it). Default 1e6.
   */
  maxEvaluations?: number;
  /** For (−∞, ∞): where the integrand's mass sits (the substitution is centred there). Default 0. */
  center?: number;
  /** For infinite ranges: the width of the integrand's mass (e.g. a standard deviation). Default 1. */
  scale?: number;
}

/**
 * Why {@link integrate} stopped. Only 'converged' means the value can be trusted to the tolerance.
 * - 'converged': two successive levels agreed to tolerance·∫|f| and the integrand had decayed
 *   where the nodes end.
 * - 'max-levels': maxLevels was reached without that agreement (value is the last estimate).
 * - 'max-evaluations': the next level would have passed maxEvaluations (value is the last estimate).
 * - 'non-finite': the estimate became NaN or ±Infinity — f returned NaN or ±Infinity at a node,
 *   or the sum overflowed. The integral may diverge (1/x on (0, 1)) or have a singularity too
 *   strong for double precision (x^(−0.999) at 0).
 * - 'tails-not-decaying': the part of the integral beyond the outermost nodes is estimated above
 *   tolerance·∫|f| (|f|·distance where the nodes stop short of a finite endpoint, the last |w·f|
 *   where they leave the double range): the integral probably diverges (1/x on (1, ∞)), its
 *   endpoint singularity is too strong for doubles (x^(−0.99) at 0), or the mass lies beyond the
 *   nodes' reach (set center and scale).
 * - 'all-zero': f was 0 at every node of every level. Either the integral is 0, or the mass is
 *   narrow and lies between the nodes (a narrow peak far from `center`: set center and scale).
 */
export type IntegrateReason = 'converged' | 'max-levels' | 'max-evaluations' | 'non-finite' | 'tails-not-decaying' | 'all-zero';

/** Result of {@link integrate}. */
export interface IntegrateResult {
  /** The integral's estimate. */
  value: number;
  /** |difference between the last two levels|, an upper estimate of the error. */
  error: number;
  /** Number of integrand evaluations. */
  evaluations: number;
  /** Levels used (halvings of h). */
  levels: number;
  /** Whether the value can be trusted to the tolerance (reason 'converged'). */
  converged: boolean;
  /** Why the quadrature stopped; see {@link IntegrateReason}. */
  reason: IntegrateReason;
}

/** Options of {@link gaussianIntegral}. */
export interface GaussianIntegralOptions {
  /** Height A > 0 of A·e^(−B(x−μ)²). */
  A: number;
  /** Rate B > 0 of A·e^(−B(x−μ)²). */
  B: number;
  /** Center μ. Default 0. */
  mu?: number;
}

/** Numerical moments of A·e^(−B(x−μ)²) next to their closed forms. */
export interface GaussianIntegralResult {
  /** ∫ A·e^(−B(x−μ)²) dx, numerically. */
  area: number;
  /** A·√(π/B). */
  exactArea: number;
  /** ∫ x·f(x) dx / area, numerically. */
  mean: number;
  /** μ. */
  exactMean: number;
  /** ∫ (x − μ)²·f(x) dx / area, numerically. */
  variance: number;
  /** 1/(2B). */
  exactVariance: number;
  /** σ = √(1/(2B)): the standard deviation of the normal this curve is, once A = √(B/π). */
  sigma: number;
  /** |area − exactArea| and |variance − exactVariance|: the quadrature's errors. */
  areaError: number;
  varianceError: number;
  /** The A that makes f a density: √(B/π) (so that with B = 1/(2σ²), A = 1/√(2πσ²)). */
  normalizingA: number;
  /** Integrand evaluations for the three integrals. */
  evaluations: number;
}

type Range = 'finite' | 'right' | 'left' | 'both';

const HALF_PI = Math.PI / 2;

/**
 * Running sums of one level: Σ w·f, Σ |w·f|, the evaluations spent, the last node evaluated, and
 * for each side (0: t < 0, 1: t > 0) an estimate of the integral beyond its outermost node.
 */
interface LevelSum {
  sum: number;
  abs: number;
  evaluations: number;
  lastX: number;
  lastF: number;
  tails: [number, number];
  /** |t| of each side's outermost node: the remainder estimate belongs to it. */
  reach: [number, number];
}

// Beyond |t| = T_MAX every substitution's weight is below 1e-300 or its node is off the double range.
const T_MAX = 6.5;

/**
 * Adds node t's w·f(x) to `out`. Returns 'added', 'skipped' (x rounds to an endpoint but further
 * nodes move away from it), or why nodes further out along this side cannot contribute:
 * 'endpoint' (x reaches a finite endpoint) or 'range' (x or w leaves the double range, w underflows).
 */
function nodeContribution(
  f: (x: number) => number,
  kind: Range,
  a: number,
  b: number,
  center: number,
  scale: number,
  t: number,
  out: LevelSum,
): 'added' | 'skipped' | 'endpoint' | 'range' {
  const u = HALF_PI * Math.sinh(t);
  const du = HALF_PI * Math.cosh(t);
  let x: number;
  let w: number;
  if (kind === 'finite') {
    const r = (b - a) / 2;
    // 1 − tanh|u| = 2e^(−2|u|)/(1 + e^(−2|u|)), computed without cancellation.
    const q = Math.exp(-2 * Math.abs(u));
    const gap = r * ((2 * q) / (1 + q));
    x = u >= 0 ? b - gap : a + gap;
    if (gap === 0 || x === a || x === b) return 'endpoint';
    w = (r * du * 4 * q) / ((1 + q) * (1 + q));
  } else if (kind === 'both') {
    x = center + scale * Math.sinh(u);
    w = scale * du * Math.cosh(u);
  } else {
    const e = scale * Math.exp(u);
    x = kind === 'right' ? a + e : b - e;
    if (x === a || x === b) return u > 0 ? 'skipped' : 'endpoint';
    w = du * e;
  }
  if (!Number.isFinite(x) || !Number.isFinite(w)) return 'range';
  if (w === 0) return 'range';
  const fx = f(x);
  out.evaluations++;
  const term = w * fx;
  out.sum += term;
  out.abs += Math.abs(term);
  out.lastX = x;
  out.lastF = fx;
  return 'added';
}

// A node whose |w·f| is below this share of Σ|w·f| and no larger than the node before it is
// negligible; two in a row end the walk on that side (the tails of a double-exponential rule only
// shrink from there). This keeps f away from
// absurd x (x²·e^(−x) at x = 1e200 is Infinity·0 = NaN) without skipping any NaN that f returns.
const NEGLIGIBLE = 1e-20;

function levelSum(
  f: (x: number) => number,
  kind: Range,
  a: number,
  b: number,
  center: number,
  scale: number,
  h: number,
  odd: boolean,
  previousAbs: number,
): LevelSum {
  const out: LevelSum = { sum: 0, abs: 0, evaluations: 0, lastX: Number.NaN, lastF: Number.NaN, tails: [0, 0], reach: [0, 0] };
  const step = odd ? 2 : 1;
  if (!odd) nodeContribution(f, kind, a, b, center, scale, 0, out);
  for (const side of [1, -1]) {
    let negligible = 0;
    let lastTerm = 0;
    let lastX = Number.NaN;
    let lastF = 0;
    let lastT = 0;
    let end: 'decayed' | 'endpoint' | 'range' = 'range';
    for (let j = 1; j * h <= T_MAX; j += step) {
      const t = side * j * h;
      const before = out.abs;
      const status = nodeContribution(f, kind, a, b, center, scale, t, out);
      if (status === 'endpoint' || status === 'range') {
        end = status;
        break;
      }
      if (status === 'skipped') continue;
      const term = out.abs - before;
      const shrinking = term <= lastTerm;
      lastTerm = term;
      lastX = out.lastX;
      lastF = out.lastF;
      lastT = j * h;
      // Only a shrinking term counts: tiny terms that grow (1/√x far out on (1, ∞), the near flank
      // of a peak off-centre) are not a decayed tail.
      if (j * h > 1 && shrinking && term <= NEGLIGIBLE * (previousAbs + out.abs)) {
        negligible++;
        if (negligible >= 2) {
          end = 'decayed';
          break;
        }
      } else {
        negligible = 0;
      }
    }
    // What lies beyond the outermost node: nothing once the terms have decayed; about |f|·distance
    // when the nodes ran into a finite endpoint (f ~ distance^p gives distance·|f|/(p + 1)); the
    // last |w·f| when they ran out of the double range or past t = T_MAX still counting.
    let tail = 0;
    if (end === 'endpoint') {
      const endpoint = side > 0 ? b : a;
      tail = Number.isNaN(lastX) ? 0 : Math.abs(lastF) * Math.abs(endpoint - lastX);
    } else if (end === 'range') {
      tail = lastTerm;
    }
    out.tails[side > 0 ? 1 : 0] = tail;
    out.reach[side > 0 ? 1 : 0] = end === 'decayed' ? Number.POSITIVE_INFINITY : lastT;
  }
  return out;
}

/**
 * The definite integral of f from a to b, finite or infinite limits, by double-exponential quadrature.
 *
 * Uses tanh-sinh on [a, b], exp-sinh on half-lines and sinh-sinh on the whole line (see the file
 * header), refining the trapezoid step h = 2⁻¹ … 2⁻⁽ᵐᵃˣᴸᵉᵛᵉˡˢ⁺¹⁾ until two levels agree to
 * `tolerance`·∫|f|. f is never evaluated at a finite endpoint. On infinite ranges the integrand's
 * mass should sit within a few `scale`s of `center` (or of the finite endpoint).
 *
 * `converged` is true only when the value can be trusted: two successive levels agree, the
 * integrand has decayed where the nodes end, and f was not 0 at every node; otherwise `reason`
 * says what happened ({@link IntegrateReason}): a divergent integral (1/x on (0, 1) or (1, ∞))
 * ends 'non-finite' or 'tails-not-decaying', a narrow peak that every node missed ends
 * 'all-zero'. The work is bounded: at most maxLevels (≤ 20) levels and maxEvaluations (default
 * 1e6) evaluations of f, whichever comes first.
 * Ports the double-exponential rules of Takahasi & Mori (1974), as in Boost.Math `tanh_sinh`,
 * `exp_sinh`, `sinh_sinh`; compare `scipy.integrate.quad`.
 *
 * @param f - The integrand, called with points strictly inside (a, b).
 * @param a - Lower limit (may be −Infinity).
 * @param b - Upper limit (may be +Infinity); b < a gives minus the integral from b to a.
 * @param options - tolerance = 1e-13, maxLevels = 10 (1 … 20), maxEvaluations = 1e6 (1 … 1e8),
 *   center = 0 and scale = 1 for infinite ranges.
 * @returns The value, an error estimate, the number of evaluations, levels, whether it converged and why it stopped.
 * @throws {RangeError} If a or b is NaN, both are the same infinity, or an option is out of range.
 * @throws {TypeError} If f is not a function.
 * @example
 * integrate((x) => Math.exp(-x * x), -Infinity, Infinity).value; // => 1.7724538509055163 (√π to 1 ulp)
 */
export function integrate(f: (x: number) => number, a: number, b: number, options: IntegrateOptions = {}): IntegrateResult {
  const fn = 'integrate';
  checkOptions(fn, options);
  if (typeof f !== 'function') throw new TypeError(`${fn}: f must be a function of one number, got ${describe(f)}`);
  if (typeof a !== 'number' || Number.isNaN(a)) throw new RangeError(`${fn}: a must be a number or ±Infinity, got ${describe(a)}`);
  if (typeof b !== 'number' || Number.isNaN(b)) throw new RangeError(`${fn}: b must be a number or ±Infinity, got ${describe(b)}`);
  const tolerance = checkPositive(fn, 'tolerance', options.tolerance ?? 1e-13);
  const maxLevels = checkInteger(fn, 'maxLevels', options.maxLevels ?? 10, 1, 20);
  const maxEvaluations = checkInteger(fn, 'maxEvaluations', options.maxEvaluations ?? 1_000_000, 1, 100_000_000);
  const center = checkFinite(fn, 'center', options.center ?? 0);
  const scale = checkPositive(fn, 'scale', options.scale ?? 1);
  if (a === b) {
    if (!Number.isFinite(a)) throw new RangeError(`${fn}: a and b are both ${a}; the range is empty`);
    return { value: 0, error: 0, evaluations: 0, levels: 0, converged: true, reason: 'converged' };
  }
  if (a > b) {
    const flipped = integrate(f, b, a, options);
    return { ...flipped, value: -flipped.value };
  }
  const kind: Range = Number.isFinite(a) ? (Number.isFinite(b) ? 'finite' : 'right') : Number.isFinite(b) ? 'left' : 'both';

  let h = 0.5;
  const first = levelSum(f, kind, a, b, center, scale, h, false, 0);
  let sum = first.sum;
  let abs = first.abs;
  let evaluations = first.evaluations;
  let value = h * sum;
  let error = Number.POSITIVE_INFINITY;
  let levels = 0;
  let reason: IntegrateReason = 'max-levels';
  // Per side, the remainder estimate at the outermost node of all levels so far (a decayed walk
  // counts as reaching infinitely far, with nothing beyond).
  const tails: [number, number] = [first.tails[0], first.tails[1]];
  const reach: [number, number] = [first.reach[0], first.reach[1]];
  if (!Number.isFinite(value)) reason = 'non-finite';
  for (let level = 1; level <= maxLevels && reason !== 'non-finite'; level++) {
    // The odd nodes of the next level are about as many as all nodes so far.
    if (2 * evaluations > maxEvaluations) {
      reason = 'max-evaluations';
      break;
    }
    h /= 2;
    const next = levelSum(f, kind, a, b, center, scale, h, true, abs);
    sum += next.sum;
    abs += next.abs;
    evaluations += next.evaluations;
    for (const k of [0, 1] as const) {
      if (next.reach[k] >= reach[k]) {
        reach[k] = next.reach[k];
        tails[k] = next.tails[k];
      }
    }
    const previous = value;
    value = h * sum;
    error = Math.abs(value - previous);
    levels = level;
    if (!Number.isFinite(value)) {
      reason = 'non-finite';
      break;
    }
    // Level 1 can agree with level 0 by accident on coarse grids; trust agreement from level 2 on.
    // f = 0 at every node agrees with itself at any level and proves nothing: keep refining.
    if (level >= 2 && abs > 0 && error <= tolerance * h * abs) {
      reason = tails[0] + tails[1] > tolerance * h * abs ? 'tails-not-decaying' : 'converged';
      break;
    }
  }
  if (reason === 'max-levels' || reason === 'max-evaluations') {
    if (abs === 0) reason = 'all-zero';
    else if (tails[0] + tails[1] > tolerance * h * abs) reason = 'tails-not-decaying';
  }
  return { value, error, evaluations, levels, converged: reason === 'converged', reason };
}

/**
 * The area, mean and variance of the Gaussian function A·e^(−B(x−μ)²), by numerical integration over
 * the whole line, next to the closed forms that fix the normal pdf's constants.
 *
 * Closed forms: ∫A·e^(−B(x−μ)²)dx = A·√(π/B); mean μ; ∫(x−μ)²·A·e^(−B(x−μ)²)dx / area = 1/(2B). So
 * the density has A = √(B/π) and, with variance σ², B = 1/(2σ²) and A = 1/√(2πσ²). Integrated in
 * y = x − μ with sinh-sinh quadrature scaled to the width 1/√(2B); agreement is ~1e-15 relative.
 *
 * @param options - A > 0, B > 0 and μ (default 0).
 * @returns Numerical and exact area, mean and variance, the normalising A, and evaluations.
 * @throws {RangeError} If A or B is not a finite number > 0 or μ is not finite.
 * @example
 * const g = gaussianIntegral({ A: 2, B: 0.5 });
 * g.area; // => 5.013256549262002 (2·√(2π) to 1 ulp)
 * g.variance; // => 1
 */
export function gaussianIntegral(options: GaussianIntegralOptions): GaussianIntegralResult {
  const fn = 'gaussianIntegral';
  checkRequiredOptions(fn, options);
  const A = checkPositive(fn, 'A', options.A);
  const B = checkPositive(fn, 'B', options.B);
  const mu = checkFinite(fn, 'mu', options.mu ?? 0);
  const width = 1 / Math.sqrt(2 * B);
  const f = (y: number): number => A * Math.exp(-B * y * y);
  const opts = { scale: width };
  const area = integrate(f, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, opts);
  const first = integrate((y) => y * f(y), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, opts);
  const second = integrate((y) => y * y * f(y), Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY, opts);
  const exactArea = A * Math.sqrt(Math.PI / B);
  const variance = second.value / area.value;
  const exactVariance = 1 / (2 * B);
  return {
    area: area.value,
    exactArea,
    mean: mu + first.value / area.value,
    exactMean: mu,
    variance,
    exactVariance,
    sigma: Math.sqrt(exactVariance),
    areaError: Math.abs(area.value - exactArea),
    varianceError: Math.abs(variance - exactVariance),
    normalizingA: Math.sqrt(B / Math.PI),
    evaluations: area.evaluations + first.evaluations + second.evaluations,
  };
}
