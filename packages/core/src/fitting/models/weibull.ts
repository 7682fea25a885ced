import type { LikelihoodModel } from '../model.ts';
import { noMle } from '../model.ts';
import { checkedSample } from './location-scale.ts';
import type { WeibullProfileData } from './weibull-profile.ts';
import { weibullProfileMaximum } from './weibull-profile.ts';

// weibull {shape k, scale λ}: ℓ = n ln k − n k ln λ + (k − 1) Σ ln x − Σ (x/λ)^k.
// Worked on u = x / max(x) with m = λ / max(x) (so (x/λ)^k never overflows near the MLE, for data
// of any magnitude) and on the distinct values with their counts (ties cost nothing). With both
// parameters free the scale is profiled out (weibull-profile.ts); Newton in (k, λ) serves the rest.

interface WeibullStats extends WeibullProfileData {
  /** ln u of each value, Σ w ln u, and the mean and sd of ln u (made on first use: the profile fit needs none of them). */
  readonly logs: WeibullLogs;
}

interface WeibullLogs {
  readonly logU: Float64Array;
  readonly sumLogU: number;
  readonly meanLogU: number;
  readonly sdLog: number;
}

/** ln u = ln(x/max) of each value, with their sum, mean and sd (about the first value, then centred). */
function weibullLogs(values: Float64Array, counts: Float64Array | undefined, c: number, n: number): WeibullLogs {
  const k = values.length;
  const logU = new Float64Array(k);
  const shift = Math.log((values[0] as number) / c);
  LOG_SUMS.fill(0);
  // A chunk per call (see extremes in location-scale.ts: a helper called many times is compiled whole).
  for (let from = 0; from < k; from += LOG_CHUNK) logsOf(values, counts, c, shift, logU, from, Math.min(k, from + LOG_CHUNK));
  const sumLogU = LOG_SUMS[0] as number;
  const s1 = LOG_SUMS[1] as number;
  const s2 = LOG_SUMS[2] as number;
  const ss = Math.max(0, s2 - (s1 * s1) / n);
  return { logU, sumLogU, meanLogU: sumLogU / n, sdLog: Math.sqrt(ss / n) };
}

const LOG_CHUNK = 512;
/** Σ w ln u, Σ w d and Σ w d² (d = ln u − shift) of {@link weibullLogs}, added to by {@link logsOf}. */
const LOG_SUMS = new Float64Array(3);

function logsOf(values: Float64Array, counts: Float64Array | undefined, c: number, shift: number, logU: Float64Array, from: number, to: number): void {
  let sumLogU = LOG_SUMS[0] as number;
  let s1 = LOG_SUMS[1] as number;
  let s2 = LOG_SUMS[2] as number;
  for (let i = from; i < to; i++) {
    const l = Math.log((values[i] as number) / c);
    const w = counts === undefined ? 1 : (counts[i] as number);
    logU[i] = l;
    sumLogU += w * l;
    const d = l - shift;
    s1 += w * d;
    s2 += w * d * d;
  }
  LOG_SUMS[0] = sumLogU;
  LOG_SUMS[1] = s1;
  LOG_SUMS[2] = s2;
}

/** Values in the strided subsample that starts the profile fit of a large sample. */
const START_SAMPLE = 1000;

/**
 * The shape and the centre of the moments (in L = ln(x/max)) that start the profile fit. A small
 * sample (or a frequency table): the log-moment shape, centred at the mean of L. A large sample kept
 * as it is: the profile MLE of a strided subsample of 1000 values (itself from the log-moment start,
 * a few passes over the subsample), within ~1/√1000 of the full sample's — close enough that one pass
 * over all the values is the last — centred at the weighted mean of L under e^{kL}, which at the
 * profile root is 1/k + mean L (the subsample's). A `given` shape is used as it is, centred at the
 * mean of L.
 */
function profileStart(s: WeibullStats, given: number | undefined): { shape: number; centre: number } {
  if (s.counts !== undefined || s.n <= 2 * START_SAMPLE) return { shape: given ?? logMomentShape(s.logs.sdLog), centre: s.logs.meanLogU };
  const sub = new Float64Array(START_SAMPLE);
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < START_SAMPLE; i++) {
    const v = s.values[Math.floor((i * s.n) / START_SAMPLE)] as number;
    sub[i] = v;
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const logs = weibullLogs(sub, undefined, max, START_SAMPLE);
  const k0 = logMomentShape(logs.sdLog);
  // The subsample's L are ln(x/max of the subsample): its centres move by that max's logarithm.
  const shift = Math.log(max) - s.logC;
  if (given !== undefined) return { shape: given, centre: logs.meanLogU + shift };
  if (min < max) {
    const fit = weibullProfileMaximum({ n: START_SAMPLE, values: sub, counts: undefined, max, logC: Math.log(max), minLogU: Math.log(min / max) }, k0, logs.meanLogU);
    const k = fit.theta[0] as number;
    if (fit.converged && k > 0 && Number.isFinite(k)) return { shape: k, centre: 1 / k + logs.meanLogU + shift };
  }
  return { shape: k0, centre: logs.meanLogU + shift };
}

/** A0 = Σ w e^{kz}, A1 = Σ w e^{kz} z, A2 = Σ w e^{kz} z², z = ln u − ln m. */
function sums(s: WeibullStats, k: number, logM: number): [number, number, number] {
  let a0 = 0;
  let a1 = 0;
  let a2 = 0;
  const { counts } = s;
  const { logU } = s.logs;
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
  if (!(k > 0 && lambda > 0) || !Number.isFinite(k) || !Number.isFinite(lambda)) return Number.NEGATIVE_INFINITY;
  const logM = Math.log(lambda) - s.logC;
  const [a0, a1, a2] = sums(s, k, logM);
  const { n } = s;
  const { sumLogU } = s.logs;
  g[0] = n / k + (sumLogU - n * logM) - a1;
  g[1] = (k / lambda) * (a0 - n);
  h[0] = -n / (k * k) - a2;
  h[1] = h[2] = (-n + k * a1 + a0) / lambda;
  h[3] = (n * k - k * (k + 1) * a0) / (lambda * lambda);
  return n * Math.log(k) - n * k * logM + (k - 1) * sumLogU - n * s.logC - a0;
}

export const weibullModel: LikelihoodModel<WeibullStats> = {
  family: 'weibull',
  kind: 'continuous',
  parameters: [
    { name: 'shape', domain: 'positive', transform: 'log' },
    { name: 'scale', domain: 'positive', transform: 'log' },
  ],
  prepare(fn, x, _theta, free) {
    const table = checkedSample(fn, 'weibull', x, free[0] === true ? 2 : 1, true);
    const { n } = table;
    if (free[0] === true && table.min === table.max) noMle(fn, 'weibull', `every value equals ${table.min}, so the shape would be Infinity`);
    const { values, counts, min, max } = table;
    let logs: WeibullLogs | undefined;
    return {
      n,
      values,
      counts,
      max,
      logC: Math.log(max),
      minLogU: Math.log(min / max),
      get logs() {
        logs ??= weibullLogs(values, counts, max, n);
        return logs;
      },
    };
  },
  count: (s) => s.n,
  logLikelihood(s, t) {
    const k = t[0] as number;
    const lambda = t[1] as number;
    if (!(k > 0 && lambda > 0) || !Number.isFinite(k) || !Number.isFinite(lambda)) return Number.NEGATIVE_INFINITY;
    const logM = Math.log(lambda) - s.logC;
    const [a0] = sums(s, k, logM);
    return s.n * Math.log(k) - s.n * k * logM + (k - 1) * s.logs.sumLogU - s.n * s.logC - a0;
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
  maximize(s, _theta, free, start) {
    if (free[0] !== true || free[1] !== true) return undefined;
    const from = profileStart(s, start?.[0]);
    return weibullProfileMaximum(s, from.shape, from.centre);
  },
  starts(s, theta, free) {
    // Log-moment start: sd(ln x) = π / (k√6), E ln x = ln λ − γ/k.
    const k0 = free[0] === true ? logMomentShape(s.logs.sdLog) : (theta[0] as number);
    const lambda0 = Math.exp(s.logC + s.logs.meanLogU + 0.5772156649015329 / k0);
    return [Float64Array.of(k0, lambda0)];
  },
};

/** The log-moment shape: sd(ln x) = π / (k√6); 1 when the sd is 0 or lost to rounding. */
function logMomentShape(sdLog: number): number {
  const k = Math.PI / (Math.sqrt(6) * sdLog);
  return k > 0 && Number.isFinite(k) ? k : 1;
}
