import type { Maximum } from '../newton.ts';
import { expNonPositive } from '../table-math.ts';

// The logistic MLE on a large sample from a close start (a subsample's MLE), by Chebyshev's method:
// Newton's step corrected by the third derivatives, d = d₁ − ½ H⁻¹ T[d₁, d₁] with d₁ = −H⁻¹ g, which
// converges cubically. From a start a few per cent off, the first step leaves ~1e-5 and the
// second's error (~size³) is at rounding level, so that step is taken without another pass — two
// passes over the data (one exponential per value each), where Newton needs three.
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
/** Running products of 1 + e are flushed into their logarithm above this. */
const FLUSH = 1e200;

/** The solution of the symmetric system [[a, b], [b, c]] x = (r₀, r₁). */
function solve2(a: number, b: number, c: number, r0: number, r1: number): [number, number] {
  const det = a * c - b * b;
  return [(c * r0 - b * r1) / det, (a * r1 - b * r0) / det];
}

/** ℓ and the sums of one pass at (μ, s) over unit-weight values. */
function pass(x: Float64Array, mu: number, sc: number, out: Float64Array): void {
  const inv = 1 / sc;
  let acc = 0;
  let prod = 1;
  let logs = 0;
  let st = 0;
  let szt = 0;
  let sq = 0;
  let szq = 0;
  let sz2q = 0;
  let stq = 0;
  let sztq = 0;
  let sz2tq = 0;
  let sz3tq = 0;
  for (let i = 0; i < x.length; i++) {
    const z = ((x[i] as number) - mu) * inv;
    const a = Math.abs(z);
    // e^{−|z|} by the table exponential (table-math.ts): a third of Math.exp's time in V8.
    const e = expNonPositive(-a);
    const ope = 1 + e;
    acc += a;
    // Σ ln(1 + e) as ln of running products (1 + e ≤ 2; see log-sums.ts): a multiplication, not a log1p.
    prod *= ope;
    if (prod > FLUSH) {
      logs += Math.log(prod);
      prod = 1;
    }
    const r = 1 / ope;
    const t = (z >= 0 ? 1 - e : e - 1) * r;
    const q = 2 * e * r * r;
    const zq = z * q;
    const tq = t * q;
    const ztq = z * tq;
    const z2tq = z * ztq;
    st += t;
    szt += z * t;
    sq += q;
    szq += zq;
    sz2q += z * zq;
    stq += tq;
    sztq += ztq;
    sz2tq += z2tq;
    sz3tq += z * z2tq;
  }
  out.set([acc + 2 * (logs + Math.log(prod)), st, szt, sq, szq, sz2q, stq, sztq, sz2tq, sz3tq]);
}

/**
 * Maximises the logistic likelihood of unit-weight values over location and scale from a close
 * start; undefined when the start is not close enough for Chebyshev's method (or anything is off),
 * so the general engine runs instead.
 */
export function logisticChebyshevMaximum(x: Float64Array, start: Float64Array): Maximum | undefined {
  const n = x.length;
  let mu = start[0] as number;
  let sc = start[1] as number;
  if (!(sc > 0) || !Number.isFinite(sc) || !Number.isFinite(mu)) return undefined;
  const sums = new Float64Array(10);
  let previous = -Infinity;
  for (let p = 1; p <= MAX_PASSES; p++) {
    pass(x, mu, sc, sums);
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
