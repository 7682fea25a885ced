import type { Maximum } from '../newton.ts';
import { expNonPositive, highWord, logMantissa } from '../table-math.ts';

// The Weibull MLE with both parameters free, by Newton on the profile likelihood in the shape alone.
// With u = x / max(x), L = ln u ≤ 0 and B_j(k) = Σ w e^{kL} L^j, the scale maximises out in closed
// form, (λ/max)^k = B₀/n, leaving ℓ_p(k) = n ln k − n ln(B₀/n) + (k − 1) Σ w L − n ln max − n, whose
// derivative g(k) = n/k + Σ w L − n B₁/B₀ is strictly decreasing (g′ = −n/k² − n·Var_k(L), Var_k the
// variance of L under the weights e^{kL}): one root, bracketed as it is approached.
//
// One pass over the data at a centre k_c gathers the moments M_j = Σ w e^{k_c L} z^j, z = L − K
// (K the weighted mean of L at the previous centre, so the variance does not cancel), j = 0…12. Since
// e^{(k_c+δ)L} = e^{δK} e^{k_c L} Σ_i (δz)^i / i!, the sums at any nearby k follow from them without
// another pass, with the Lagrange remainder of order T bounded by |δ|^{T+1}/(T+1)! · e^{|δ|·max|z|} ·
// M₁₂ (z^{j+T+1} = z¹² for the orders used, an even moment, so Σ w e^{k_c L} |z|¹² itself). Newton
// runs on that Taylor model; where the bound shows the model exact to rounding at its root, that
// root is the MLE. From the log-moment start (a few per cent off) one pass usually suffices: a
// logarithm and an exponential per value, where Newton in (k, λ) needs one pass per iterate.

/** What the profile Newton needs of the prepared data. */
export interface WeibullProfileData {
  readonly n: number;
  /** The (distinct) values and their counts (undefined: each value once). */
  readonly values: Float64Array;
  readonly counts: Float64Array | undefined;
  /** max(x), its logarithm, and ln(min(x)/max(x)). */
  readonly max: number;
  readonly logC: number;
  readonly minLogU: number;
}

/** The highest moment gathered (even, so M_TOP = Σ w e^{kL} |z|^TOP bounds every remainder). */
const TOP = 12;
/** The Taylor orders used for B₀, B₁, B₂: each needs moments up to j + T = TOP − 1. */
const ORDER = [TOP - 1, TOP - 2, TOP - 3] as const;
/** i! for i = 0…TOP (exact in doubles). */
const FACT: readonly number[] = Array.from({ length: TOP + 1 }, (_, i) => i).map((i) => {
  let f = 1;
  for (let j = 2; j <= i; j++) f *= j;
  return f;
});
/** A root whose model error moves k by less than this (relatively) is taken as the MLE. */
const ROOT_TOL = 1e-14;
/** The Hessian's B₂ must be exact to this (relative), far below a standard error's own accuracy. */
const CURVATURE_TOL = 1e-10;
const MAX_PASSES = 100;

/**
 * M_j = Σ w e^{kL} (L − K)^j, j = 0…12, into m[0…12], and Σ w L into m[13]. L = ln(x/max) is taken
 * afresh in each pass: a stored array of it would cost a fresh 0.8 MB per fit on 1e5 values, whose
 * page faults cost more than the logarithms.
 */
function moments(s: WeibullProfileData, k: number, centre: number, m: Float64Array): void {
  if (s.counts !== undefined) {
    weightedMoments(s.values, s.counts, s.max, k, centre, m);
    return;
  }
  // A large sample: the table logarithm and exponential (table-math.ts), 3–4 times as fast as
  // Math's; a subnormal value (NaN there) sends the pass to Math.log and Math.exp.
  tableMoments(s.values, s.max, k, centre, m);
  if (!m.every(Number.isFinite)) unitMoments(s.values, s.max, k, centre, m);
}

// Two loops, not one with a test of the weights inside: V8 compiles that test into every iteration
// (it doubled the pass's time). Powers by a shallow tree (z², z⁴, e·z, e·z², …, e·z⁴·z⁴), not a chain: the loop is
// then bound by its logarithm and exponential.

function unitMoments(x: Float64Array, c: number, k: number, centre: number, m: Float64Array): void {
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let m5 = 0;
  let m6 = 0;
  let m7 = 0;
  let m8 = 0;
  let m9 = 0;
  let m10 = 0;
  let m11 = 0;
  let m12 = 0;
  let sl = 0;
  for (let i = 0; i < x.length; i++) {
    const l = Math.log((x[i] as number) / c);
    const z = l - centre;
    const e = Math.exp(k * l);
    const z2 = z * z;
    const z4 = z2 * z2;
    const e1 = e * z;
    const e2 = e * z2;
    const e3 = e1 * z2;
    const e4 = e * z4;
    const e5 = e1 * z4;
    const e6 = e2 * z4;
    const e7 = e3 * z4;
    const e8 = e4 * z4;
    sl += l;
    m0 += e;
    m1 += e1;
    m2 += e2;
    m3 += e3;
    m4 += e4;
    m5 += e5;
    m6 += e6;
    m7 += e7;
    m8 += e8;
    m9 += e5 * z4;
    m10 += e6 * z4;
    m11 += e7 * z4;
    m12 += e8 * z4;
  }
  m.set([m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, sl]);
}

function tableMoments(x: Float64Array, c: number, k: number, centre: number, m: Float64Array): void {
  // L = ln(x/c) = (e_x − e_c) ln 2 + ln m_x − ln m_c: exact integer exponents, so the largest value
  // gets L = 0 exactly and no L carries the rounding of a large ln x − ln c.
  const bits = new Uint32Array(x.buffer, x.byteOffset, 2 * x.length);
  const hiC = highWord(c);
  const expC = hiC >>> 20;
  const logMC = logMantissa(c, hiC);
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let m5 = 0;
  let m6 = 0;
  let m7 = 0;
  let m8 = 0;
  let m9 = 0;
  let m10 = 0;
  let m11 = 0;
  let m12 = 0;
  let sl = 0;
  for (let i = 0; i < x.length; i++) {
    const hi = bits[2 * i + 1] as number;
    const l = ((hi >>> 20) - expC) * Math.LN2 + (logMantissa(x[i] as number, hi) - logMC);
    const z = l - centre;
    const e = expNonPositive(k * l);
    const z2 = z * z;
    const z4 = z2 * z2;
    const e1 = e * z;
    const e2 = e * z2;
    const e3 = e1 * z2;
    const e4 = e * z4;
    const e5 = e1 * z4;
    const e6 = e2 * z4;
    const e7 = e3 * z4;
    const e8 = e4 * z4;
    sl += l;
    m0 += e;
    m1 += e1;
    m2 += e2;
    m3 += e3;
    m4 += e4;
    m5 += e5;
    m6 += e6;
    m7 += e7;
    m8 += e8;
    m9 += e5 * z4;
    m10 += e6 * z4;
    m11 += e7 * z4;
    m12 += e8 * z4;
  }
  m.set([m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, sl]);
}

function weightedMoments(x: Float64Array, counts: Float64Array, c: number, k: number, centre: number, m: Float64Array): void {
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let m5 = 0;
  let m6 = 0;
  let m7 = 0;
  let m8 = 0;
  let m9 = 0;
  let m10 = 0;
  let m11 = 0;
  let m12 = 0;
  let sl = 0;
  for (let i = 0; i < x.length; i++) {
    const w = counts[i] as number;
    const l = Math.log((x[i] as number) / c);
    const z = l - centre;
    const e = w * Math.exp(k * l);
    const z2 = z * z;
    const z4 = z2 * z2;
    const e1 = e * z;
    const e2 = e * z2;
    const e3 = e1 * z2;
    const e4 = e * z4;
    const e5 = e1 * z4;
    const e6 = e2 * z4;
    const e7 = e3 * z4;
    const e8 = e4 * z4;
    sl += w * l;
    m0 += e;
    m1 += e1;
    m2 += e2;
    m3 += e3;
    m4 += e4;
    m5 += e5;
    m6 += e6;
    m7 += e7;
    m8 += e8;
    m9 += e5 * z4;
    m10 += e6 * z4;
    m11 += e7 * z4;
    m12 += e8 * z4;
  }
  m.set([m0, m1, m2, m3, m4, m5, m6, m7, m8, m9, m10, m11, m12, sl]);
}

/** Σ_{i ≤ T} δ^i/i! M_{j+i} (B_j at k_c + δ, without the factor e^{δK}) and its error bound. */
function taylor(m: Float64Array, j: number, d: number, growth: number): [number, number] {
  const order = ORDER[j as 0 | 1 | 2];
  let sum = 0;
  let p = 1;
  for (let i = 0; i <= order; i++) {
    sum += (p / (FACT[i] as number)) * (m[j + i] as number);
    p *= d;
  }
  // |z|^{j+T+1} = z^TOP for every j here; p = δ^{T+1}.
  return [sum, (growth * Math.abs(p) * (m[TOP] as number)) / (FACT[order + 1] as number)];
}

/**
 * Maximises the Weibull likelihood over shape and scale from the shape `k0`, returning the natural
 * Hessian at the answer. Never throws; `converged: false` with a reason if the passes run out.
 */
export function weibullProfileMaximum(s: WeibullProfileData, k0: number, meanLogU: number): Maximum {
  const { n } = s;
  const m = new Float64Array(TOP + 2);
  let kc = k0 > 0 && Number.isFinite(k0) ? k0 : 1;
  let centre = Number.isFinite(meanLogU) ? meanLogU : 0;
  let lo = 0;
  let hi = Infinity;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    moments(s, kc, centre, m);
    const sumLogU = m[TOP + 1] as number;
    const dev = sumLogU - n * centre;
    const spread = Math.max(centre - s.minLogU, -centre);
    // Newton on the Taylor model from δ = 0 (where it is exact), kept inside the bracket and where
    // the model's error is below 1 % of B₀.
    let d = 0;
    let step = 0;
    let exactStep = NaN;
    let inside = true;
    let b: [number, number][] = [];
    for (let it = 0; it < 60; it++) {
      const growth = Math.exp(Math.abs(d) * spread);
      b = [taylor(m, 0, d, growth), taylor(m, 1, d, growth), taylor(m, 2, d, growth)];
      const [b0, e0] = b[0] as [number, number];
      const [b1] = b[1] as [number, number];
      const [b2] = b[2] as [number, number];
      if (!(b0 > 0) || e0 > 0.01 * b0) {
        inside = false;
        break;
      }
      const k = kc + d;
      const mean = b1 / b0;
      const g = n / k + dev - n * mean;
      const slope = -n / (k * k) - n * Math.max(0, b2 / b0 - mean * mean);
      if (it === 0) {
        // The exact value at the centre brackets the root.
        if (g > 0) lo = kc;
        else if (g < 0) hi = kc;
        exactStep = -g / slope;
      }
      step = -g / slope;
      if (!Number.isFinite(step)) {
        inside = false;
        break;
      }
      d += step;
      if (!(kc + d > lo && kc + d < hi)) {
        inside = false;
        break;
      }
      if (Math.abs(step) <= 1e-15 * (kc + d)) break;
    }
    if (inside) {
      const k = kc + d;
      const growth = Math.exp(Math.abs(d) * spread);
      b = [taylor(m, 0, d, growth), taylor(m, 1, d, growth), taylor(m, 2, d, growth)];
      const [b0, e0] = b[0] as [number, number];
      const [b1, e1] = b[1] as [number, number];
      const [b2, e2] = b[2] as [number, number];
      const mean = b1 / b0;
      const variance = b2 / b0 - mean * mean;
      const slope = n / (k * k) + n * variance;
      // |Δg| ≤ n (|ΔB₁| + |B₁/B₀| ΔB₀) / B₀, and Δk = |Δg| / |g′|.
      const rootError = (n * (e1 + Math.abs(mean) * e0)) / b0 / slope;
      // The variance b₂/b₀ − mean² cancels when the centre K is far from the weighted mean of L
      // (mean here is their difference): past 4 digits lost, one more pass centred there.
      const centred = mean * mean <= 1e4 * variance;
      if (rootError <= ROOT_TOL * k && e2 <= CURVATURE_TOL * b2 && variance > 0 && centred) {
        return profileAnswer(s, sumLogU, k, d * centre + Math.log(b0), centre + mean, variance, pass);
      }
      centre += Number.isFinite(mean) ? mean : 0;
      kc = k;
      continue;
    }
    // The model is not trusted that far: an exact Newton step, or a bisection when it leaves the bracket.
    let next = kc + exactStep;
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = hi === Infinity ? 4 * lo : lo === 0 ? hi / 4 : Math.sqrt(lo * hi);
    next = Math.min(8 * kc, Math.max(kc / 8, next));
    const mean = (m[1] as number) / (m[0] as number);
    centre += Number.isFinite(mean) ? mean : 0;
    kc = next;
  }
  return {
    theta: Float64Array.of(kc, NaN),
    logLikelihood: NaN,
    converged: false,
    iterations: MAX_PASSES,
    reason: `the shape's profile equation was not solved in ${MAX_PASSES} passes over the data`,
  };
}

/**
 * The estimates, ℓ and the natural Hessian at the profile root k, from ln B₀(k), the weighted mean
 * and variance of L under e^{kL}. With ln m = ln λ − ln max = (ln B₀ − ln n)/k and d = mean − ln m,
 * the sums of the full likelihood (weibull.ts) are A₀ = n, A₁ = n d, A₂ = n (variance + d²).
 */
function profileAnswer(s: WeibullProfileData, sumLogU: number, k: number, logB0: number, mean: number, variance: number, passes: number): Maximum {
  const { n } = s;
  const logM = (logB0 - Math.log(n)) / k;
  const lambda = Math.exp(s.logC + logM);
  const dl = mean - logM;
  const a1 = n * dl;
  const a2 = n * (variance + dl * dl);
  const hessian = Float64Array.of(-n / (k * k) - a2, (k * a1) / lambda, (k * a1) / lambda, (-n * k * k) / (lambda * lambda));
  const logLikelihood = n * Math.log(k) - n * (logB0 - Math.log(n)) + (k - 1) * sumLogU - n * s.logC - n;
  return { theta: Float64Array.of(k, lambda), logLikelihood, converged: true, iterations: passes, reason: '', hessian };
}
