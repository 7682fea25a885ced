import type { LikelihoodModel } from '../model.ts';
import { noMle, sortedQuantile } from '../model.ts';
import type { LocationScaleData } from './location-scale.ts';
import { locationScaleData, robustSpread } from './location-scale.ts';

// cauchy {location μ, scale γ}: ln f = −ln π − ln γ − ln(1 + z²), z = (x − μ)/γ.
// With h = 2z/(1 + z²), h′ = 2(1 − z²)/(1 + z²)², r = z²/(1 + z²), r′ = 2z/(1 + z²)²:
// ∂ℓ/∂μ = Σ h / γ, ∂ℓ/∂γ = (−n + 2 Σ r) / γ, ∂²ℓ/∂μ² = −Σ h′ / γ², ∂²ℓ/∂μ∂γ = −Σ (h + z h′) / γ²,
// ∂²ℓ/∂γ² = (n − 2 Σ r − 2 Σ z r′) / γ².
// With both free the likelihood has one maximum (Copas 1975, Biometrika 62(3)) unless more than half
// the values coincide (then it grows without bound as γ → 0). With γ fixed it can have one local
// maximum near each cluster of points, so the location is started from every distinct value (or
// from 41 quantiles of a large sample) and the best maximum wins.

export const cauchyModel: LikelihoodModel<LocationScaleData> = {
  family: 'cauchy',
  kind: 'continuous',
  parameters: [
    { name: 'location', domain: 'real', transform: 'identity' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const d = locationScaleData(fn, 'cauchy', x, free[1] === true);
    if (free[1] === true && free[0] === true && 2 * d.maxTies > d.n) {
      noMle(fn, 'cauchy', `${d.maxTies} of the ${d.n} values are equal (more than half), so the likelihood grows without bound as the scale → 0`);
    }
    return d;
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const mu = t[0] as number;
    const g = t[1] as number;
    if (!(g > 0) || !Number.isFinite(g) || !Number.isFinite(mu)) return -Infinity;
    let acc = 0;
    for (let i = 0; i < s.values.length; i++) {
      const z = ((s.values[i] as number) - mu) / g;
      acc += (s.counts[i] as number) * Math.log1p(z * z);
    }
    return -s.n * (Math.log(Math.PI) + Math.log(g)) - acc;
  },
  derivatives(s, t, grad, hess) {
    const mu = t[0] as number;
    const g = t[1] as number;
    let sh = 0;
    let sr = 0;
    let shp = 0;
    let smix = 0;
    let szr = 0;
    for (let i = 0; i < s.values.length; i++) {
      const w = s.counts[i] as number;
      const z = ((s.values[i] as number) - mu) / g;
      const d = 1 + z * z;
      const h = (2 * z) / d;
      const hp = (2 * (1 - z * z)) / (d * d);
      sh += w * h;
      sr += (w * z * z) / d;
      shp += w * hp;
      smix += w * (h + z * hp);
      szr += (w * 2 * z * z) / (d * d);
    }
    const g2 = g * g;
    grad[0] = sh / g;
    grad[1] = (-s.n + 2 * sr) / g;
    hess[0] = -shp / g2;
    hess[1] = hess[2] = -smix / g2;
    hess[3] = (s.n - 2 * sr - 2 * szr) / g2;
  },
  starts(s, theta, free) {
    const spread = robustSpread(s) / 2;
    const sc = free[1] === true ? spread : (theta[1] as number);
    if (free[0] !== true) {
      // Location fixed: the scale's equation has one root; the median absolute deviation starts it.
      const mu = theta[0] as number;
      const dev = Float64Array.from(s.sorted, (v) => Math.abs(v - mu));
      dev.sort();
      return [Float64Array.of(mu, sortedQuantile(dev, 0.5) || spread)];
    }
    if (free[1] === true) return [Float64Array.of(s.median, spread)];
    const locations: number[] = [];
    if (s.values.length <= 100) locations.push(...s.values);
    else for (let i = 0; i <= 40; i++) locations.push(sortedQuantile(s.sorted, i / 40));
    locations.push(s.median);
    return locations.map((mu) => Float64Array.of(mu, sc));
  },
  stepSize: (_s, t) => t[1] as number,
};
