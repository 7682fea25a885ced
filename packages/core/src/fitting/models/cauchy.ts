import type { LikelihoodModel } from '../model.ts';
import { noMle } from '../model.ts';
import { maximize } from '../newton.ts';
import { cauchyBins } from './cauchy-bins.ts';
import type { LocationScaleData } from './location-scale.ts';
import { countAt, locationScaleData, robustSpread, sampleQuantiles } from './location-scale.ts';

// cauchy {location μ, scale γ}: ln f = −ln π − ln γ − ln(1 + z²), z = (x − μ)/γ.
// With h = 2z/(1 + z²), h′ = 2(1 − z²)/(1 + z²)², r = z²/(1 + z²), r′ = 2z/(1 + z²)²:
// ∂ℓ/∂μ = Σ h / γ, ∂ℓ/∂γ = (−n + 2 Σ r) / γ, ∂²ℓ/∂μ² = −Σ h′ / γ², ∂²ℓ/∂μ∂γ = −Σ (h + z h′) / γ²,
// ∂²ℓ/∂γ² = (n − 2 Σ r − 2 Σ z r′) / γ².
// With both free the likelihood has one maximum (Copas 1975, Biometrika 62(3)) unless more than half
// the values coincide (then it grows without bound as γ → 0). When exactly half (m of 2m) equal x₀,
// pair each of them with one other value y: f(x₀) f(y) = γ² / (π² (γ² + a²)(γ² + b²)) with a = x₀ − μ,
// b = y − μ, which is ≤ 1/(π² (x₀ − y)²) since (γ² + a²)(γ² + b²) − γ² (a − b)² = (γ² + ab)² ≥ 0.
// So L ≤ Π 1/(π² (x₀ − yⱼ)²), the limit of L as μ → x₀ and γ → 0, with equality only where
// γ² = −ab for every pair at once: never when the other values differ (no maximum is attained),
// along a whole curve when they are one value (no unique maximum). With γ fixed it can have one local
// maximum near each cluster of points, so the location is started from every distinct value (or
// from 41 quantiles of a large sample) and the best maximum wins.

/** Factors 1 + z² above this get their own logarithm; products are flushed above FLUSH. */
const PRODUCT_MAX = 1e100;
const FLUSH = 1e200;

/**
 * ℓ, and when asked the score and Hessian, in one pass with no transcendental function per value:
 * Σ ln(1 + z²) is the logarithm of running products flushed before they overflow (each product
 * adds ½ ulp, ~1.1e-16 absolute in the sum, as a per-value log1p would).
 */
function cauchyPass(s: LocationScaleData, t: Float64Array, grad: Float64Array | undefined, hess: Float64Array | undefined): number {
  const mu = t[0] as number;
  const g = t[1] as number;
  if (!(g > 0) || !Number.isFinite(g) || !Number.isFinite(mu)) return Number.NEGATIVE_INFINITY;
  const inv = 1 / g;
  const { values, counts } = s;
  let acc = 0;
  // With ι = 1/(1 + z²): A = Σ ι, B = Σ ι², C = Σ z ι, D = Σ z ι². Since z² ι = 1 − ι and
  // 1 − z² = 2 − (1 + z²): Σ h = 2C, Σ r = n − A, Σ h′ = 4B − 2A, Σ (h + z h′) = 4D, Σ z r′ = 2(A − B).
  let sA = 0;
  let sB = 0;
  let sC = 0;
  let sD = 0;
  let prod = 1;
  if (counts === undefined) {
    // A large sample kept as it is (unit weights): the same sums without the weights.
    for (let i = 0; i < values.length; i++) {
      const z = ((values[i] as number) - mu) * inv;
      const d = 1 + z * z;
      if (d < PRODUCT_MAX) {
        prod *= d;
        if (prod > FLUSH) {
          acc += Math.log(prod);
          prod = 1;
        }
      } else acc += Math.log1p(z * z);
      const id = 1 / d;
      const id2 = id * id;
      sA += id;
      sB += id2;
      sC += z * id;
      sD += z * id2;
    }
  }
  for (let i = 0; counts !== undefined && i < values.length; i++) {
    const w = counts[i] as number;
    const z = ((values[i] as number) - mu) * inv;
    const z2 = z * z;
    const d = 1 + z2;
    if (w === 1 && d < PRODUCT_MAX) {
      // Σ ln(1 + z²) as ln of running products (see log-sums.ts): a multiplication, not a log1p.
      prod *= d;
      if (prod > FLUSH) {
        acc += Math.log(prod);
        prod = 1;
      }
    } else acc += w * Math.log1p(z2);
    const id = 1 / d;
    const wi = w * id;
    const wi2 = wi * id;
    sA += wi;
    sB += wi2;
    sC += z * wi;
    sD += z * wi2;
  }
  acc += Math.log(prod);
  if (grad !== undefined && hess !== undefined) {
    const g2 = g * g;
    grad[0] = (2 * sC) / g;
    grad[1] = (s.n - 2 * sA) / g;
    hess[0] = (2 * sA - 4 * sB) / g2;
    hess[1] = hess[2] = (-4 * sD) / g2;
    hess[3] = (4 * sB - 2 * sA - s.n) / g2;
  }
  return -s.n * (Math.log(Math.PI) + Math.log(g)) - acc;
}

/** The prepared data, with a large sample's histogram when both parameters are free. */
interface CauchyData extends LocationScaleData {
  bins?: LocationScaleData;
}

export const cauchyModel: LikelihoodModel<CauchyData> = {
  family: 'cauchy',
  kind: 'continuous',
  parameters: [
    { name: 'location', domain: 'real', transform: 'identity' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const d: CauchyData = locationScaleData(fn, 'cauchy', x, free[1] === true);
    const bothFree = free[1] === true && free[0] === true;
    // A large sample's histogram (the fit's start) also rules out a half tie when no bin holds half
    // the values (equal values share a bin), sparing the half-tie scan's two passes.
    const bins = bothFree && d.counts === undefined ? cauchyBins(d) : undefined;
    if (bins !== undefined) d.bins = bins;
    const mayTie = bins === undefined || 2 * Math.max(...(bins.counts as Float64Array)) >= d.n;
    if (bothFree && mayTie && d.halfCount > 0) {
      const { halfCount: count, halfValue: value, n } = d;
      if (2 * count > n) noMle(fn, 'cauchy', `${count} of the ${n} values are equal (more than half), so the likelihood grows without bound as the scale → 0`);
      // Exactly half (see the note at the top of this file): no maximum, or a whole curve of them.
      if (Number.isNaN(d.restValue)) {
        noMle(
          fn,
          'cauchy',
          `${count} of the ${n} values equal ${value} (exactly half), so the likelihood only approaches its supremum as the location → ${value} and the scale → 0, and attains it nowhere`,
        );
      }
      const [lo, hi] = value < d.restValue ? [value, d.restValue] : [d.restValue, value];
      throw new RangeError(
        `${fn}: the cauchy MLE is not unique for these data: ${lo} and ${hi} each make up exactly half the sample, so the likelihood is maximal all along the curve scale² = (location − ${lo})(${hi} − location)`,
      );
    }
    return d;
  },
  count: (s) => s.n,
  logLikelihood: (s, t) => cauchyPass(s, t, undefined, undefined),
  derivatives(s, t, g, h) {
    cauchyPass(s, t, g, h);
  },
  evaluate: (s, t, g, h) => cauchyPass(s, t, g, h),
  maximize(s, theta, free, start) {
    // A large sample kept as it is, both parameters free and no start given: Newton over all the
    // values from the MLE on its histogram (cauchy-bins.ts), one or two passes. Otherwise (or when
    // the binned fit fails) the general engine runs from the subsample's MLE.
    if (s.counts !== undefined || free[0] !== true || free[1] !== true || start !== undefined) return undefined;
    const bins = s.bins ?? cauchyBins(s);
    const binned = bins === undefined ? undefined : maximize(cauchyModel, bins, theta, free);
    if (binned?.converged !== true) return undefined;
    const result = maximize(cauchyModel, s, theta, free, { starts: [binned.theta], onlyGiven: true, trustLastStep: true });
    return result.converged ? result : undefined;
  },
  starts(s, theta, free) {
    const spread = robustSpread(s) / 2;
    const sc = free[1] === true ? spread : (theta[1] as number);
    if (free[0] !== true) {
      // Location fixed: the scale's equation has one root; the median absolute deviation starts it.
      const mu = theta[0] as number;
      let acc = 0;
      for (let i = 0; i < s.values.length; i++) acc += countAt(s.counts, i) * Math.abs((s.values[i] as number) - mu);
      return [Float64Array.of(mu, acc / s.n || spread)];
    }
    if (free[1] === true) {
      // One maximum in theory (Copas); a few points still get a start beside each value, cheaply.
      const starts = [Float64Array.of(s.median, spread)];
      if (s.distinct && s.values.length <= 12) for (const v of s.values) starts.push(Float64Array.of(v, spread));
      return starts;
    }
    const locations: number[] = [];
    if (s.distinct && s.values.length <= 100) locations.push(...s.values);
    else locations.push(...sampleQuantiles(s, Array.from({ length: 41 }, (_, i) => i / 40)));
    locations.push(s.median);
    return locations.map((mu) => Float64Array.of(mu, sc));
  },
  stepSize: (_s, t) => t[1] as number,
};
