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
// root is the MLE. From a large sample's start (its subsample's profile MLE, weibull.ts) or a small
// one's (the log-moment shape, a few per cent off) one pass usually suffices: a logarithm and an
// exponential per value, where Newton in (k, λ) needs one pass per iterate.

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
  m.fill(0);
  if (s.counts !== undefined) {
    blockedMoments(s.values, s.counts, s.max, k, centre, m, mathBlock);
    return;
  }
  // A large sample: the table logarithm and exponential (table-math.ts), 3–4 times as fast as
  // Math's; a subnormal value (NaN there) sends the pass to Math.log and Math.exp.
  blockedMoments(s.values, undefined, s.max, k, centre, m, tableBlock);
  if (!m.every(Number.isFinite)) {
    m.fill(0);
    blockedMoments(s.values, undefined, s.max, k, centre, m, mathBlock);
  }
}

// The pass runs over blocks of values in three loops — the logarithms into L_BUF, the exponentials
// into E_BUF, the moments from both — instead of one loop doing all three per value: in one loop
// each value's logarithm, exponential and powers form one long chain of dependent operations, and
// the processor overlaps too few values' chains (in V8 the blocked pass takes half the time).

/** Values per block: the two buffers stay in the L1 cache. */
const BLOCK = 512;
const L_BUF = new Float64Array(BLOCK);
const E_BUF = new Float64Array(BLOCK);

/**
 * Fills L_BUF[0…len) with L = ln(x/c) and E_BUF with w e^{kL} for x[from…from + len), returning
 * Σ w L over them.
 */
type BlockFill = (x: Float64Array, counts: Float64Array | undefined, c: number, k: number, from: number, len: number) => number;

function mathBlock(x: Float64Array, counts: Float64Array | undefined, c: number, k: number, from: number, len: number): number {
  let sl = 0;
  for (let i = 0; i < len; i++) {
    const w = counts === undefined ? 1 : (counts[from + i] as number);
    const l = Math.log((x[from + i] as number) / c);
    L_BUF[i] = l;
    E_BUF[i] = w * Math.exp(k * l);
    sl += w * l;
  }
  return sl;
}

/** (e − e_c)·ln 2 for the exponent field e_c of tableBlock's c (NaN from 2048 on: negative values, NaN there anyway). */
const EXPONENT_TERM = new Float64Array(4096).fill(Number.NaN);
let exponentTermFor = -1;

function tableBlock(x: Float64Array, _counts: Float64Array | undefined, c: number, k: number, from: number, len: number): number {
  // L = ln(x/c) = (e_x − e_c) ln 2 + ln m_x − ln m_c: exact integer exponents, so the largest value
  // gets L = 0 exactly and no L carries the rounding of a large ln x − ln c.
  const bits = new Uint32Array(x.buffer, x.byteOffset + 8 * from, 2 * len);
  const hiC = highWord(c);
  const expC = hiC >>> 20;
  const logMC = logMantissa(c, hiC);
  // (e − e_c)·ln 2 by exponent field e, the same products the loop would form, looked up instead of
  // converted and scaled per value (kept for the next block while c is the same).
  if (expC !== exponentTermFor) {
    for (let e = 0; e < 2048; e++) EXPONENT_TERM[e] = (e - expC) * Math.LN2;
    exponentTermFor = expC;
  }
  let sl = 0;
  for (let i = 0; i < len; i++) {
    // The high word of a little-endian double (every engine that runs this is little-endian).
    const hi = bits[2 * i + 1] as number;
    const l = (EXPONENT_TERM[hi >>> 20] as number) + (logMantissa(x[from + i] as number, hi) - logMC);
    L_BUF[i] = l;
    sl += l;
  }
  for (let i = 0; i < len; i++) E_BUF[i] = expNonPositive(k * (L_BUF[i] as number));
  return sl;
}

/** Adds the moments of every value to m, a block at a time (see the note above). */
function blockedMoments(x: Float64Array, counts: Float64Array | undefined, c: number, k: number, centre: number, m: Float64Array, fill: BlockFill): void {
  const n = x.length;
  for (let from = 0; from < n; from += BLOCK) {
    const len = Math.min(BLOCK, n - from);
    m[TOP + 1] = (m[TOP + 1] as number) + fill(x, counts, c, k, from, len);
    addMoments(len, centre, m);
  }
}

/**
 * Adds Σ E (L − K)^j, j = 0…12, over the first len entries of the buffers to m[0…12], in two loops
 * of 7 and 6 running sums (all 13 in one loop do not fit the processor's registers; in V8 the
 * moments then take a sixth less time, the whole pass ~6 % less). Powers by a shallow tree, not a chain.
 */
function addMoments(len: number, centre: number, m: Float64Array): void {
  let m0 = m[0] as number;
  let m1 = m[1] as number;
  let m2 = m[2] as number;
  let m3 = m[3] as number;
  let m4 = m[4] as number;
  let m5 = m[5] as number;
  let m6 = m[6] as number;
  for (let i = 0; i < len; i++) {
    const z = (L_BUF[i] as number) - centre;
    const e = E_BUF[i] as number;
    const z2 = z * z;
    const e1 = e * z;
    const e2 = e * z2;
    const e3 = e1 * z2;
    const e4 = e2 * z2;
    m0 += e;
    m1 += e1;
    m2 += e2;
    m3 += e3;
    m4 += e4;
    m5 += e3 * z2;
    m6 += e4 * z2;
  }
  m[0] = m0;
  m[1] = m1;
  m[2] = m2;
  m[3] = m3;
  m[4] = m4;
  m[5] = m5;
  m[6] = m6;
  let m7 = m[7] as number;
  let m8 = m[8] as number;
  let m9 = m[9] as number;
  let m10 = m[10] as number;
  let m11 = m[11] as number;
  let m12 = m[12] as number;
  for (let i = 0; i < len; i++) {
    const z = (L_BUF[i] as number) - centre;
    const e = E_BUF[i] as number;
    const z2 = z * z;
    const z4 = z2 * z2;
    const e4 = e * z4;
    const e7 = e4 * z * z2;
    const e8 = e4 * z4;
    const e9 = e7 * z2;
    const e10 = e8 * z2;
    m7 += e7;
    m8 += e8;
    m9 += e9;
    m10 += e10;
    m11 += e9 * z2;
    m12 += e10 * z2;
  }
  m[7] = m7;
  m[8] = m8;
  m[9] = m9;
  m[10] = m10;
  m[11] = m11;
  m[12] = m12;
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
  let hi = Number.POSITIVE_INFINITY;
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    moments(s, kc, centre, m);
    const sumLogU = m[TOP + 1] as number;
    const dev = sumLogU - n * centre;
    const spread = Math.max(centre - s.minLogU, -centre);
    // Newton on the Taylor model from δ = 0 (where it is exact), kept inside the bracket and where
    // the model's error is below 1 % of B₀.
    let d = 0;
    let step = 0;
    let exactStep = Number.NaN;
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
    if (!(next > lo && next < hi) || !Number.isFinite(next)) next = hi === Number.POSITIVE_INFINITY ? 4 * lo : lo === 0 ? hi / 4 : Math.sqrt(lo * hi);
    next = Math.min(8 * kc, Math.max(kc / 8, next));
    const mean = (m[1] as number) / (m[0] as number);
    centre += Number.isFinite(mean) ? mean : 0;
    kc = next;
  }
  return {
    theta: Float64Array.of(kc, Number.NaN),
    logLikelihood: Number.NaN,
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
