import type { LikelihoodModel } from '../model.ts';
import { checkValues, noMle, outsideSupport } from '../model.ts';
import { countAt, weightedSample } from './location-scale.ts';

// weibull {shape k, scale λ}: ℓ = n ln k − n k ln λ + (k − 1) Σ ln x − Σ (x/λ)^k.
// Worked on u = x / max(x) with m = λ / max(x) (so (x/λ)^k never overflows near the MLE, for data
// of any magnitude) and on the distinct values with their counts (ties cost nothing).

interface WeibullStats {
  readonly n: number;
  /** ln u of each distinct value, and its count. */
  readonly logU: Float64Array;
  readonly counts: Float64Array | undefined;
  /** Σ ln u and ln max(x). */
  readonly sumLogU: number;
  readonly logC: number;
  readonly sdLog: number;
  readonly meanLogU: number;
}

/** A0 = Σ w e^{kz}, A1 = Σ w e^{kz} z, A2 = Σ w e^{kz} z², z = ln u − ln m. */
function sums(s: WeibullStats, k: number, logM: number): [number, number, number] {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  const { logU, counts } = s;
  if (counts === undefined) {
    // A large sample kept as it is (unit weights): the same sums without the weights.
    for (let i = 0; i < logU.length; i++) {
      const z = (logU[i] as number) - logM;
      const e = Math.exp(k * z);
      a0 += e;
      a1 += e * z;
      a2 += e * z * z;
    }
    return [a0, a1, a2];
  }
  for (let i = 0; i < logU.length; i++) {
    const z = (logU[i] as number) - logM;
    const e = (counts[i] as number) * Math.exp(k * z);
    a0 += e;
    a1 += e * z;
    a2 += e * z * z;
  }
  return [a0, a1, a2];
}

/** ℓ with its score and Hessian from one pass of the three sums. */
function weibullPass(s: WeibullStats, t: Float64Array, g: Float64Array, h: Float64Array): number {
  const k = t[0] as number;
  const lambda = t[1] as number;
  if (!(k > 0 && lambda > 0) || !Number.isFinite(k) || !Number.isFinite(lambda)) return -Infinity;
  const logM = Math.log(lambda) - s.logC;
  const [a0, a1, a2] = sums(s, k, logM);
  const { n } = s;
  g[0] = n / k + (s.sumLogU - n * logM) - a1;
  g[1] = (k / lambda) * (a0 - n);
  h[0] = -n / (k * k) - a2;
  h[1] = h[2] = (-n + k * a1 + a0) / lambda;
  h[3] = (n * k - k * (k + 1) * a0) / (lambda * lambda);
  return n * Math.log(k) - n * k * logM + (k - 1) * s.sumLogU - n * s.logC - a0;
}

export const weibullModel: LikelihoodModel<WeibullStats> = {
  family: 'weibull',
  kind: 'continuous',
  parameters: [
    { name: 'shape', domain: 'positive', transform: 'log' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const n = checkValues(fn, x, free[0] === true ? 2 : 1, 'weibull');
    for (let i = 0; i < n; i++) {
      const v = x[i] as number;
      if (!(v > 0)) outsideSupport(fn, 'weibull', v, i, 'only values > 0');
    }
    const table = weightedSample(x, n);
    const k = table.values.length;
    if (free[0] === true && table.min === table.max) noMle(fn, 'weibull', `every value equals ${table.min}, so the shape would be Infinity`);
    const c = table.max;
    const logU = new Float64Array(k);
    let sumLogU = 0;
    for (let i = 0; i < k; i++) {
      logU[i] = Math.log((table.values[i] as number) / c);
      sumLogU += countAt(table.counts, i) * (logU[i] as number);
    }
    const meanLogU = sumLogU / n;
    let ss = 0;
    for (let i = 0; i < k; i++) ss += countAt(table.counts, i) * ((logU[i] as number) - meanLogU) ** 2;
    return { n, logU, counts: table.counts, sumLogU, logC: Math.log(c), sdLog: Math.sqrt(ss / n), meanLogU };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const k = t[0] as number;
    const lambda = t[1] as number;
    if (!(k > 0 && lambda > 0) || !Number.isFinite(k) || !Number.isFinite(lambda)) return -Infinity;
    const logM = Math.log(lambda) - s.logC;
    const [a0] = sums(s, k, logM);
    return s.n * Math.log(k) - s.n * k * logM + (k - 1) * s.sumLogU - s.n * s.logC - a0;
  },
  derivatives(s, t, g, h) {
    weibullPass(s, t, g, h);
  },
  evaluate: (s, t, g, h) => weibullPass(s, t, g, h),
  closedForm(s, theta, free) {
    if (free[0] === true) return undefined;
    // Shape fixed: λ̂^k = Σ x^k / n.
    const k = theta[0] as number;
    const [a0] = sums(s, k, 0);
    theta[1] = Math.exp(s.logC + Math.log(a0 / s.n) / k);
    return { method: 'closed-form' };
  },
  starts(s, theta, free) {
    // Log-moment start: sd(ln x) = π / (k√6), E ln x = ln λ − γ/k.
    const k0 = free[0] === true ? Math.PI / (Math.sqrt(6) * s.sdLog) : (theta[0] as number);
    const lambda0 = Math.exp(s.logC + s.meanLogU + 0.5772156649015329 / k0);
    return [Float64Array.of(k0, lambda0)];
  },
};
