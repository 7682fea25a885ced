import type { LikelihoodModel } from '../model.ts';
import { maximize } from '../newton.ts';
import type { LocationScaleData } from './location-scale.ts';
import { locationScaleData, robustSpread } from './location-scale.ts';
import type { LogisticBins } from './logistic-chebyshev.ts';
import { MOMENT_BINS, binnedMoments, twoPointSample } from './binned-moments.ts';
import { binnedQuantile, logisticBins, logisticChebyshevMaximum, logisticExcessCorrection, unitWeightSums, weightedSums } from './logistic-chebyshev.ts';

// logistic {location μ, scale s}: ln f = −ln s − |z| − 2 ln(1 + e^{−|z|}), z = (x − μ)/s.
// With t = tanh(z/2) and q = dt/dz = 2e^{−|z|}/(1 + e^{−|z|})²:
// ∂ℓ/∂μ = Σ t / s, ∂ℓ/∂s = (−n + Σ z t) / s, ∂²ℓ/∂μ² = −Σ q / s², ∂²ℓ/∂μ∂s = −Σ (t + z q) / s²,
// ∂²ℓ/∂s² = (n − Σ (2 z t + z² q)) / s².

/** The six sums of a pass (logistic-chebyshev.ts: unitWeightSums, weightedSums). */
const PASS_SUMS = new Float64Array(6);

/**
 * ℓ, and when asked the score and Hessian, in one pass with one exponential per value (the table
 * exponential of table-math.ts, within ~1e-15 relatively of Math.exp at a third of its cost):
 * e = e^{−|z|}, tanh(z/2) = ±(1 − e)/(1 + e), and Σ ln(1 + e) from running products where weights
 * are 1 (each adds ½ ulp, ~1.1e-16 absolute in the sum, as a per-value log1p would).
 */
function logisticPass(s: LocationScaleData, t: Float64Array, g: Float64Array | undefined, h: Float64Array | undefined): number {
  const mu = t[0] as number;
  const sc = t[1] as number;
  if (!(sc > 0) || !Number.isFinite(sc) || !Number.isFinite(mu)) return Number.NEGATIVE_INFINITY;
  const { values, counts } = s;
  // A large sample kept as it is (unit weights) or a frequency table; the same sums either way:
  // Σ|z| + 2 Σ ln(1 + e), Σ t, Σ z t, Σ q, Σ z q, Σ z² q (the Hessian's mixed sums are Σ t + Σ z q
  // and 2 Σ z t + Σ z² q).
  if (counts === undefined) unitWeightSums(values, mu, sc, PASS_SUMS);
  else weightedSums(values, counts, mu, sc, PASS_SUMS);
  const [acc, st, szt, sq, szq, sz2q] = PASS_SUMS as unknown as [number, number, number, number, number, number];
  const smix = st + szq;
  const scurv = 2 * szt + sz2q;
  if (g !== undefined && h !== undefined) {
    const s2 = sc * sc;
    g[0] = st / sc;
    g[1] = (-s.n + szt) / sc;
    h[0] = -sq / s2;
    h[1] = h[2] = -smix / s2;
    h[3] = (s.n - scurv) / s2;
  }
  return -s.n * Math.log(sc) - acc;
}

/**
 * The bins' two-point rules (binned-moments.ts) stand in for the values when the bins are at most
 * this wide in units of the scale. A rule's sums are then off by at most (h/s)⁴/16·max|g⁗|/24 ≈ 4e-10
 * a value for the score's terms (g = t, z t), a location or scale within ~1e-9·s of the values' own
 * maximum; values spread evenly in a bin leave 11× less (h⁴/180 against h⁴/16), and bins of opposite
 * sign cancel. ℓ gets the fourth-moment excess added, leaving terms of order (h/s)⁵. Measured on 1e5
 * logistic values at h/s = 0.029: estimates within 2e-11·s, ℓ within 3e-15 relatively.
 */
const MAX_BIN_WIDTH = 0.03;

/** A large sample's bins (logisticBins) as the model's data: its bins' means as weighted values. */
function binnedSample(s: LocationScaleData, bins: LogisticBins): LocationScaleData {
  const { values, counts } = bins;
  return {
    n: s.n,
    values,
    counts,
    min: values[0] as number,
    max: values[values.length - 1] as number,
    distinct: true,
    median: binnedQuantile(bins, 0.5),
    iqr: binnedQuantile(bins, 0.75) - binnedQuantile(bins, 0.25),
    halfCount: 0,
    halfValue: Number.NaN,
    restValue: Number.NaN,
  };
}

/** The MLE on a histogram's bins (a start within ~1e-5 of the full sample's), or undefined. */
function binnedMle(b: LocationScaleData): Float64Array | undefined {
  const result = maximize(logisticModel, b, Float64Array.of(Number.NaN, Number.NaN), [true, true]);
  return result.converged ? result.theta : undefined;
}

export const logisticModel: LikelihoodModel<LocationScaleData> = {
  family: 'logistic',
  kind: 'continuous',
  parameters: [
    { name: 'location', domain: 'real', transform: 'identity' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare: (fn, x, _theta, free) => locationScaleData(fn, 'logistic', x, free[1] === true),
  count: (s) => s.n,
  logLikelihood: (s, t) => logisticPass(s, t, undefined, undefined),
  derivatives(s, t, g, h) {
    logisticPass(s, t, g, h);
  },
  evaluate: (s, t, g, h) => logisticPass(s, t, g, h),
  maximize(s, _theta, free, start, warmStart) {
    // Large samples kept as they are, both parameters free: Chebyshev's method from the MLE on the
    // bins' means (or a given start), on the bins' two-point rules where the bins are narrow enough
    // (no pass over the values after the one that bins them), else on the values (one pass, two from
    // a given start). Anything else (or a start too far off) goes to the general engine, from the
    // subsample's MLE.
    // (Bins need a width above 2^-1064 or so, whose reciprocal is finite: no sample worth binning is narrower.)
    if (s.counts !== undefined || free[0] !== true || free[1] !== true || !(MOMENT_BINS / (s.max - s.min) < Number.POSITIVE_INFINITY)) {
      return undefined;
    }
    const moments = binnedMoments(s.values, s.min, s.max);
    const extent: LogisticBins = { values: moments.means, counts: moments.counts };
    const bins = logisticBins(s.values, s.min, s.max, extent);
    const from = start ?? binnedMle(binnedSample(s, bins)) ?? warmStart();
    if (from === undefined) return undefined;
    if (bins === extent && moments.width <= MAX_BIN_WIDTH * (from[1] as number)) {
      // Narrow bins: the values' sums from the bins' two-point rules, no pass over the values.
      // Its nodes are measured from the least value, and so is the location while it is fitted.
      const rule = twoPointSample(moments);
      const shifted = Float64Array.of((from[0] as number) - rule.origin, from[1] as number);
      const result = logisticChebyshevMaximum(rule.values, shifted, undefined, rule.weights);
      if (result !== undefined) {
        const [mu, sc] = result.theta as unknown as [number, number];
        const excess = logisticExcessCorrection(rule.binMeans, rule.excess, mu, sc);
        return { ...result, theta: Float64Array.of(mu + rule.origin, sc), logLikelihood: result.logLikelihood + excess };
      }
    }
    return logisticChebyshevMaximum(s.values, from, bins);
  },
  starts(s, theta, free) {
    const mu = free[0] === true ? s.median : (theta[0] as number);
    // The logistic's quartiles are μ ± s ln 3.
    const sc = free[1] === true ? robustSpread(s) / (2 * Math.log(3)) : (theta[1] as number);
    return [Float64Array.of(mu, sc)];
  },
  stepSize: (_s, t) => t[1] as number,
};
