import type { Maximum } from '../newton.ts';
import { expNonPositive } from '../table-math.ts';

// The logistic MLE on a large sample from a close start, by Chebyshev's method: Newton's step
// corrected by the third derivatives, d = d₁ − ½ H⁻¹ T[d₁, d₁] with d₁ = −H⁻¹ g, which converges
// cubically. The start is the MLE on the sample's histogram (1024 bins kept as their means and
// counts, ~1e-5 from the answer), so the first step's error (~size³) is at rounding level and it is
// taken without another pass: one pass over the data (one exponential per value) for ℓ, the score
// and the Hessian. The third derivatives only scale the correction and carry the Hessian along that
// last step (terms of size ~step²), so they come from the histogram's bins. From a start a few per
// cent off (a user's), the first step leaves ~1e-5 and the second is the last. Where the bins are
// narrow (logistic.ts), the pass is over the bins' two-point rules (binned-moments.ts) instead of
// the values: ~2000 weighted points in place of every value.
//
// In θ = (μ, σ = ln s) with z = (x − μ)/s, ℓ = −nσ + Σ φ(z), φ′ = −t, φ″ = −q, φ‴ = t q
// (t = tanh(z/2), q = (1 − t²)/2), and ∂z/∂μ = −1/s, ∂z/∂σ = −z:
//   ∂ℓ/∂μ = Σ t / s,  ∂ℓ/∂σ = −n + Σ z t,
//   ∂²ℓ/∂μ² = −Σ q / s²,  ∂²ℓ/∂μ∂σ = −Σ (t + z q) / s,  ∂²ℓ/∂σ² = −Σ (z t + z² q),
//   ∂³ℓ/∂μ³ = −Σ t q / s³,  ∂³ℓ/∂μ²∂σ = (2 Σ q − Σ z t q) / s²,
//   ∂³ℓ/∂μ∂σ² = (Σ t + 3 Σ z q − Σ z² t q) / s,  ∂³ℓ/∂σ³ = Σ z t + 3 Σ z² q − Σ z³ t q.

/**
 * A step this small (in units of s for μ, and in ln s) is the last when the error it leaves, of
 * order size × its Chebyshev correction (~size³), is below LAST_ERROR: about what Newton's last
 * step below 1e-6 leaves in newton.ts.
 */
const LAST_STEP = 1e-4;
const LAST_ERROR = 1e-13;
/** Chebyshev's correction is only trusted close to the maximum; beyond this the general engine runs. */
const CLOSE = 0.05;
const MAX_PASSES = 4;
/**
 * Values per block of a pass: their 1 + e^{−|z|} ≤ 2 are multiplied before their product's
 * logarithm is taken (2^512 < 1e308), and their exponentials kept in E_BUF (in the L1 cache).
 */
const BLOCK = 512;
const E_BUF = new Float64Array(BLOCK);
/** The block's z = (x − μ)/s, kept from the exponentials' loop for the sums' loop. */
const Z_BUF = new Float64Array(BLOCK);

/** The solution of the symmetric system [[a, b], [b, c]] x = (r₀, r₁). */
function solve2(a: number, b: number, c: number, r0: number, r1: number): [number, number] {
  const det = a * c - b * b;
  return [(c * r0 - b * r1) / det, (a * r1 - b * r0) / det];
}

/**
 * ℓ's sums of one pass at (μ, s) over unit-weight values, into out[0…5]: Σ|z| + 2 Σ ln(1 + e),
 * Σ t, Σ z t, Σ q, Σ z q, Σ z² q. Branch-free (the sign of z as a number, a product per block of
 * values), which in V8 is a third faster than a branch per value on unsorted data.
 */
export function unitWeightSums(x: Float64Array, mu: number, sc: number, out: Float64Array): void {
  const inv = 1 / sc;
  const n = x.length;
  let acc = 0;
  let logs = 0;
  let st = 0;
  let szt = 0;
  let sq = 0;
  let szq = 0;
  let sz2q = 0;
  for (let from = 0; from < n; from += BLOCK) {
    const len = Math.min(BLOCK, n - from);
    // e^{−|z|} by the table exponential (table-math.ts, a third of Math.exp's time in V8), in a loop
    // of its own: one loop doing everything per value is one long chain of dependent operations per
    // value, and the processor overlaps too few of them (this way the pass takes two thirds of the time).
    for (let i = 0; i < len; i++) {
      const z = ((x[from + i] as number) - mu) * inv;
      Z_BUF[i] = z;
      E_BUF[i] = expNonPositive(-Math.abs(z));
    }
    // Σ ln(1 + e) as ln of running products (1 + e ≤ 2; see log-sums.ts): a multiplication, not a log1p.
    let prod = 1;
    for (let i = 0; i < len; i++) {
      const z = Z_BUF[i] as number;
      const a = Math.abs(z);
      const e = E_BUF[i] as number;
      const ope = 1 + e;
      acc += a;
      prod *= ope;
      const r = 1 / ope;
      // tanh(|z|/2) = (1 − e)/(1 + e), given the sign of z.
      const tabs = (1 - e) * r;
      const t = (2 * Number(z >= 0) - 1) * tabs;
      const q = 2 * e * r * r;
      const zq = z * q;
      st += t;
      szt += a * tabs;
      sq += q;
      szq += zq;
      sz2q += z * zq;
    }
    logs += Math.log(prod);
  }
  out[0] = acc + 2 * logs;
  out[1] = st;
  out[2] = szt;
  out[3] = sq;
  out[4] = szq;
  out[5] = sz2q;
}

/** Running products of 1 + e (for unit weights) are flushed into their logarithm above this. */
const FLUSH = 1e200;

/**
 * unitWeightSums over weighted values, into out[0…5] (the same six sums, each term times its
 * weight): a frequency table's distinct values or a two-point binned sample. Σ ln(1 + e) is a log1p
 * per value, except for values of weight 1, whose 1 + e ≤ 2 are multiplied into running products
 * (see log-sums.ts): a multiplication, not a log1p.
 */
export function weightedSums(values: Float64Array, weights: Float64Array, mu: number, sc: number, out: Float64Array): void {
  const inv = 1 / sc;
  let acc = 0;
  let st = 0;
  let szt = 0;
  let sq = 0;
  let szq = 0;
  let sz2q = 0;
  let prod = 1;
  let logs = 0;
  for (let i = 0; i < values.length; i++) {
    const w = weights[i] as number;
    const z = ((values[i] as number) - mu) * inv;
    const a = Math.abs(z);
    const e = expNonPositive(-a);
    const ope = 1 + e;
    if (w === 1) {
      acc += a;
      prod *= ope;
      if (prod > FLUSH) {
        logs += Math.log(prod);
        prod = 1;
      }
    } else acc += w * (a + 2 * Math.log1p(e));
    const r = 1 / ope;
    const th = (z >= 0 ? 1 - e : e - 1) * r;
    const wq = w * 2 * e * r * r;
    const zq = z * wq;
    st += w * th;
    szt += w * z * th;
    sq += wq;
    szq += zq;
    sz2q += z * zq;
  }
  out[0] = acc + 2 * (logs + Math.log(prod));
  out[1] = st;
  out[2] = szt;
  out[3] = sq;
  out[4] = szq;
  out[5] = sz2q;
}

/**
 * The third-derivative sums Σ t q, Σ z t q, Σ z² t q, Σ z³ t q at (μ, s) over weighted values (unit
 * weights when `counts` is undefined). They only scale Chebyshev's correction and carry the
 * Hessian to the end of the last step, both of size ~step², so a binned sample's give them to
 * far more digits than are used (see {@link logisticBins}).
 */
function thirdSums(values: Float64Array, counts: Float64Array | undefined, mu: number, sc: number, out: Float64Array): void {
  const inv = 1 / sc;
  let stq = 0;
  let sztq = 0;
  let sz2tq = 0;
  let sz3tq = 0;
  for (let i = 0; i < values.length; i++) {
    const w = counts === undefined ? 1 : (counts[i] as number);
    const z = ((values[i] as number) - mu) * inv;
    const e = Math.exp(-Math.abs(z));
    const r = 1 / (1 + e);
    const t = (z >= 0 ? 1 - e : e - 1) * r;
    const wtq = w * t * 2 * e * r * r;
    stq += wtq;
    sztq += z * wtq;
    sz2tq += z * z * wtq;
    sz3tq += z * z * z * wtq;
  }
  out[6] = stq;
  out[7] = sztq;
  out[8] = sz2tq;
  out[9] = sz3tq;
}

/** A large sample summarised by a histogram: the non-empty bins' means and counts, in order. */
export interface LogisticBins {
  readonly values: Float64Array;
  readonly counts: Float64Array;
}

/** Interior bins of {@link logisticBins}; beyond them one bin on each side takes the tails. */
const BINS = 1024;

/** A histogram is re-cut around its quartiles when the interquartile range spans fewer bins than this. */
const BINS_PER_IQR = 64;
/**
 * How far beyond the quartiles (in IQRs, ~2.2 s) re-cut bins reach: 60 bins to the IQR, and the
 * values beyond (e^{−|z|} < 1e-8, ℓ's terms nearly linear in them) well kept as the tail bins' means.
 */
const REACH = 8;
/** Values whose quartiles place the re-cut bins. */
const SUBSAMPLE = 2048;

/**
 * x binned over [min, max] (its extent) in {@link BINS} equal bins, each kept as its values' mean
 * and count. Fitted on its bins the logistic's MLE moves by about h²/(12 s²) (h the bin width; the
 * first-order error cancels at the bins' means), ~1e-5 on a sample whose range is 15 s: close
 * enough that one Chebyshev step over the full data is the last. When outliers leave the bulk in
 * too few bins, it is binned again over the quartiles (of a strided subsample) ± 8 IQR, with a
 * bin for each tail beyond. `overExtent`, when given, is that first histogram already made (the
 * bins of binned-moments.ts); it is returned itself when no re-cut is needed.
 */
export function logisticBins(x: Float64Array, min: number, max: number, overExtent?: LogisticBins): LogisticBins {
  const bins = overExtent ?? histogram(x, min, max, min, max);
  if ((binnedQuantile(bins, 0.75) - binnedQuantile(bins, 0.25)) * BINS >= BINS_PER_IQR * (max - min)) return bins;
  // The bulk is in a few bins (its quartiles may share one): quartiles of a strided subsample.
  const m = Math.min(x.length, SUBSAMPLE);
  const sub = new Float64Array(m);
  for (let i = 0; i < m; i++) sub[i] = x[Math.floor((i * x.length) / m)] as number;
  sub.sort();
  const q1 = sub[m >> 2] as number;
  const iqr = (sub[(3 * m) >> 2] as number) - q1;
  if (!(iqr > 0)) return bins;
  return histogram(x, Math.max(min, q1 - REACH * iqr), Math.min(max, q1 + (REACH + 1) * iqr), min, max);
}

/** The p-quantile of binned data (the first bin mean whose cumulative count reaches p·n). */
export function binnedQuantile(b: LogisticBins, p: number): number {
  let n = 0;
  for (let i = 0; i < b.counts.length; i++) n += b.counts[i] as number;
  let cum = 0;
  for (let i = 0; i < b.values.length; i++) {
    cum += b.counts[i] as number;
    if (cum >= p * n) return b.values[i] as number;
  }
  return b.values[b.values.length - 1] as number;
}

/** x's non-empty bins over [lo, hi] (plus one bin below lo and one from hi); min and max are x's extremes. */
function histogram(x: Float64Array, lo: number, hi: number, min: number, max: number): LogisticBins {
  const sums = new Float64Array(BINS + 2);
  const counts = new Float64Array(BINS + 2);
  const scale = BINS / (hi - lo);
  if (lo === min && hi === max) {
    // Over the sample's own extent no clamping is needed: (v − lo)·scale + 1 is in [1, BINS + 1 + 2e-13].
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      const k = ((v - lo) * scale + 1) | 0;
      sums[k] = (sums[k] as number) + v;
      counts[k] = (counts[k] as number) + 1;
    }
  } else {
    for (let i = 0; i < x.length; i++) {
      const v = x[i] as number;
      // Clamped before truncation, so no integer overflow.
      const k = Math.max(0, Math.min(BINS + 1, (v - lo) * scale + 1)) | 0;
      sums[k] = (sums[k] as number) + v;
      counts[k] = (counts[k] as number) + 1;
    }
  }
  let m = 0;
  for (let k = 0; k < BINS + 2; k++) if ((counts[k] as number) > 0) m++;
  const values = new Float64Array(m);
  const kept = new Float64Array(m);
  let j = 0;
  for (let k = 0; k < BINS + 2; k++) {
    const c = counts[k] as number;
    if (c > 0) {
      values[j] = (sums[k] as number) / c;
      kept[j++] = c;
    }
  }
  return { values, counts: kept };
}

/**
 * Maximises the logistic likelihood of unit-weight values (or of `weights`, when given) over location
 * and scale from a close start; undefined when the start is not close enough for Chebyshev's method (or anything is off),
 * so the general engine runs instead.
 */
export function logisticChebyshevMaximum(x: Float64Array, start: Float64Array, bins?: LogisticBins, weights?: Float64Array): Maximum | undefined {
  let n = x.length;
  if (weights !== undefined) {
    n = 0;
    for (let i = 0; i < weights.length; i++) n += weights[i] as number;
  }
  let mu = start[0] as number;
  let sc = start[1] as number;
  if (!(sc > 0) || !Number.isFinite(sc) || !Number.isFinite(mu)) return undefined;
  const sums = new Float64Array(10);
  let previous = Number.NEGATIVE_INFINITY;
  for (let p = 1; p <= MAX_PASSES; p++) {
    if (weights === undefined) unitWeightSums(x, mu, sc, sums);
    else weightedSums(x, weights, mu, sc, sums);
    if (bins === undefined) thirdSums(x, weights, mu, sc, sums);
    else thirdSums(bins.values, bins.counts, mu, sc, sums);
    const [acc, st, szt, sq, szq, sz2q, stq, sztq, sz2tq, sz3tq] = sums as unknown as number[] as [
      number, number, number, number, number, number, number, number, number, number,
    ];
    const ll = -n * Math.log(sc) - acc;
    if (!Number.isFinite(ll) || ll < previous - 1e-12 * Math.abs(previous)) return undefined;
    previous = ll;
    // Derivatives in (v, σ) with v = μ/s_c, s_c this pass's scale (a fixed linear change of
    // coordinates, so both are of the same size): the s factors cancel from every expression below.
    const g0 = st;
    const g1 = -n + szt;
    const h00 = -sq;
    const h01 = -(st + szq);
    const h11 = -(szt + sz2q);
    const t000 = -stq;
    const t001 = 2 * sq - sztq;
    const t011 = st + 3 * szq - sz2tq;
    const t111 = szt + 3 * sz2q - sz3tq;
    if (!(h00 < 0 && h00 * h11 - h01 * h01 > 0)) return undefined;
    const d1 = solve2(h00, h01, h11, -g0, -g1);
    const [a, b] = d1;
    // T[d₁, d₁] and Chebyshev's correction.
    const c0 = t000 * a * a + 2 * t001 * a * b + t011 * b * b;
    const c1 = t001 * a * a + 2 * t011 * a * b + t111 * b * b;
    const corr = solve2(h00, h01, h11, -0.5 * c0, -0.5 * c1);
    const du = a + corr[0];
    const dsig = b + corr[1];
    const size = Math.max(Math.abs(du), Math.abs(dsig));
    if (!Number.isFinite(size) || size > CLOSE) return undefined;
    const correction = Math.max(Math.abs(corr[0]), Math.abs(corr[1]));
    if (size < LAST_STEP && correction * size < LAST_ERROR) {
      // ℓ and the Hessian carried to the end of the step by their Taylor terms (errors ~size³, ~size²).
      const gd = g0 * du + g1 * dsig;
      const dhd = h00 * du * du + 2 * h01 * du * dsig + h11 * dsig * dsig;
      const tddd = t000 * du ** 3 + 3 * t001 * du * du * dsig + 3 * t011 * du * dsig * dsig + t111 * dsig ** 3;
      const k00 = h00 + t000 * du + t001 * dsig;
      const k01 = h01 + t001 * du + t011 * dsig;
      const k11 = h11 + t011 * du + t111 * dsig;
      const muHat = mu + du * sc;
      const sHat = sc * Math.exp(dsig);
      // Natural Hessian in (μ, s) at the end: ∂/∂μ = (1/s_c) ∂/∂v (v = μ/s_c, s_c this pass's
      // scale), ∂/∂s = (1/ŝ) ∂/∂σ and ∂²ℓ/∂s² = (∂²ℓ/∂σ² − ∂ℓ/∂σ)/ŝ², where ∂ℓ/∂σ there is
      // g₁ + (H d)₁ (zero to the step's error).
      const g1End = g1 + h01 * du + h11 * dsig;
      const hms = k01 / (sc * sHat);
      const hessian = Float64Array.of(k00 / (sc * sc), hms, hms, (k11 - g1End) / (sHat * sHat));
      return {
        theta: Float64Array.of(muHat, sHat),
        logLikelihood: ll + gd + 0.5 * dhd + tddd / 6,
        converged: true,
        iterations: p,
        reason: '',
        hessian,
      };
    }
    mu += du * sc;
    sc *= Math.exp(dsig);
  }
  return undefined;
}

/**
 * What a two-point binned sample's ℓ lacks at (μ, s): Σ_b φ⁗(z_b)·excess_b/(24 s⁴) over the bins,
 * z_b = (mean_b − μ)/s, with φ⁗ = q(q − t²) the fourth derivative of a value's ln f in z (see
 * binned-moments.ts). What remains is of order the fifth moments times φ⁽⁵⁾/120.
 */
export function logisticExcessCorrection(binMeans: Float64Array, excess: Float64Array, mu: number, sc: number): number {
  const inv = 1 / sc;
  let sum = 0;
  for (let i = 0; i < binMeans.length; i++) {
    const ex = excess[i] as number;
    if (ex === 0) continue;
    const z = ((binMeans[i] as number) - mu) * inv;
    const e = Math.exp(-Math.abs(z));
    const r = 1 / (1 + e);
    const t = (1 - e) * r;
    const q = 2 * e * r * r;
    sum += q * (q - t * t) * ex;
  }
  const inv2 = inv * inv;
  return (sum * inv2 * inv2) / 24;
}
