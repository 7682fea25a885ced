// One-dimensional Gaussian mixtures fitted by expectation–maximisation, with scikit-learn's
// GaussianMixture semantics (reg_covar, the 10·eps guard on component counts, the stopping rule on
// the mean log-likelihood) and log-space responsibilities.
//
// Method (Dempster, Laird & Rubin 1977; Bishop, PRML §9.2). For a model θ = (w_k, μ_k, σ²_k):
//   E-step: a_ik = log w_k − ½·log(2π σ²_k) − (x_i − μ_k)² / (2σ²_k),
//           log p(x_i) = logsumexp_k a_ik,  r_ik = exp(a_ik − log p(x_i)).
//   M-step: N_k = Σ_i r_ik + 10·eps,  μ'_k = Σ_i r_ik x_i / N_k,
//           σ'²_k = Σ_i r_ik (x_i − μ'_k)² / N_k + regCovar,  w'_k = N_k / Σ_j N_j.
// Both steps are fused into one pass over the data that keeps only 3 running sums per component,
// taken around the old mean (Σ r·d, Σ r·d² with d = x − μ_k), so the pass allocates nothing and the
// variance never suffers the cancellation of Σ r x² − N μ².

import { LN_2PI } from '../internal/constants.ts';
import { checkArrayLike, checkFinite, checkFiniteData, checkInteger, checkNonNegativeData, checkOptions, describe, toFloat64 } from '../internal/validate.ts';
import { createRandomState } from '../random/random-state.ts';

/** A one-dimensional Gaussian mixture: density Σ_k w_k·N(x; μ_k, σ²_k). */
export interface GaussianMixtureModel {
  /** Mixing weights w_k ≥ 0, summing to 1. */
  weights: Float64Array;
  /** Component means μ_k. */
  means: Float64Array;
  /** Component variances σ²_k > 0. */
  variances: Float64Array;
}

/** A starting model given by the caller (like sklearn's weights_init, means_init, 1/precisions_init). */
export interface GaussianMixtureInit {
  /** Weights ≥ 0 summing to 1 (within 1e-8). */
  weights: ArrayLike<number>;
  /** Means, finite. */
  means: ArrayLike<number>;
  /** Variances > 0 (used as given: no regCovar is added to the initial model, as sklearn). */
  variances: ArrayLike<number>;
}

/** Options of {@link fitGaussianMixture}. */
export interface GaussianMixtureOptions {
  /** Number of components K ≥ 1 (at most the number of samples). */
  components: number;
  /** Starting model; default k-means++ seeding and Lloyd's k-means from `seed`. */
  init?: GaussianMixtureInit;
  /** Most EM iterations. Default 100 (sklearn max_iter). */
  maxIterations?: number;
  /** Stop when the mean log-likelihood per sample changes by less than this. Default 1e-3 (sklearn tol). */
  tolerance?: number;
  /** Seed of the k-means++ initialisation (numpy-legacy stream). Default 0. */
  seed?: number;
  /** Added to every variance after each M-step, keeping components from collapsing. Default 1e-6 (sklearn reg_covar). */
  regCovar?: number;
}

/** Options of {@link emStep}. */
export interface EmStepOptions {
  /** Added to every variance after the M-step. Default 1e-6. */
  regCovar?: number;
}

/** Result of one EM step. */
export interface EmStepResult {
  /** The model after the E-step and M-step. */
  model: GaussianMixtureModel;
  /** Σ_i log p(x_i) under the model passed in (computed in the E-step). */
  logLikelihood: number;
}

/**
 * Models and log-likelihoods along the run: row t (t = 0 … iterations) is the model after t EM
 * iterations (row 0 is the initial model). Parameter arrays are (iterations + 1) × K, row-major.
 */
export interface GaussianMixtureHistory {
  /** Σ_i log p(x_i) of each row's model; never decreases (EM's monotonicity) up to rounding and regCovar. */
  logLikelihood: Float64Array;
  /** Weights per row. */
  weights: Float64Array;
  /** Means per row. */
  means: Float64Array;
  /** Variances per row. */
  variances: Float64Array;
}

/** Result of {@link fitGaussianMixture}. */
export interface GaussianMixtureFit extends GaussianMixtureModel {
  /** Number of samples n. */
  n: number;
  /** Σ_i log p(x_i) of the final model. */
  logLikelihood: number;
  /** logLikelihood / n (sklearn `score(X)`). */
  meanLogLikelihood: number;
  /** Mean log-likelihood of the model before the last M-step (sklearn `lower_bound_`). */
  lowerBound: number;
  /** EM iterations run (sklearn `n_iter_`). */
  iterations: number;
  /** Whether the mean log-likelihood changed by less than `tolerance` (sklearn `converged_`). */
  converged: boolean;
  /** Bayesian information criterion −2ℓ + (3K − 1)·ln n (sklearn `bic(X)`). */
  bic: number;
  /** Akaike information criterion −2ℓ + 2(3K − 1) (sklearn `aic(X)`). */
  aic: number;
  /** The starting model. */
  initial: GaussianMixtureModel;
  /** Per-iteration models and log-likelihoods. */
  history: GaussianMixtureHistory;
}

// sklearn adds 10·np.finfo(float).eps to every component's responsibility total.
const COUNT_GUARD = 10 * Number.EPSILON;

/** Scratch of the fused EM pass, allocated once per fit (size K, never n). */
interface Workspace {
  k: number;
  logConst: Float64Array;
  halfPrecision: Float64Array;
  a: Float64Array;
  count: Float64Array;
  sum1: Float64Array;
  sum2: Float64Array;
  blockCount: Float64Array;
  blockSum1: Float64Array;
  blockSum2: Float64Array;
  /** Samples per block: partial sums are flushed, and Π s (each s in [1, K]) logged, once per block. */
  block: number;
}

function createWorkspace(k: number): Workspace {
  const make = (): Float64Array => new Float64Array(k);
  // Π s over a block stays below K^block ≤ e^600, far from overflow.
  const block = Math.max(1, Math.min(512, Math.floor(600 / Math.log(Math.max(k, 2)))));
  return {
    k,
    logConst: make(),
    halfPrecision: make(),
    a: make(),
    count: make(),
    sum1: make(),
    sum2: make(),
    blockCount: make(),
    blockSum1: make(),
    blockSum2: make(),
    block,
  };
}

/**
 * One fused pass: the log-likelihood of `model` on x and, when `out` is given, the M-step's model
 * written into `out` (which may be `model` itself). Returns Σ log p(x_i).
 */
function emPass(x: Float64Array, model: GaussianMixtureModel, regCovar: number, out: GaussianMixtureModel | null, ws: Workspace): number {
  if (ws.k === 2) return emPassTwo(x, model, regCovar, out, ws);
  const { k, logConst, halfPrecision, a, count, sum1, sum2, blockCount, blockSum1, blockSum2, block } = ws;
  const { weights, means, variances } = model;
  for (let j = 0; j < k; j++) {
    const v = variances[j] as number;
    logConst[j] = Math.log(weights[j] as number) - 0.5 * (LN_2PI + Math.log(v));
    halfPrecision[j] = 0.5 / v;
  }
  count.fill(0);
  sum1.fill(0);
  sum2.fill(0);
  const n = x.length;
  const withM = out !== null;
  let logLik = 0;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    let blockMax = 0;
    let blockProduct = 1;
    if (withM) {
      blockCount.fill(0);
      blockSum1.fill(0);
      blockSum2.fill(0);
    }
    for (let i = start; i < end; i++) {
      const xi = x[i] as number;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < k; j++) {
        const d = xi - (means[j] as number);
        const aj = (logConst[j] as number) - d * d * (halfPrecision[j] as number);
        a[j] = aj;
        if (aj > max) max = aj;
      }
      let s = 0;
      for (let j = 0; j < k; j++) {
        const e = Math.exp((a[j] as number) - max);
        a[j] = e;
        s += e;
      }
      blockMax += max;
      blockProduct *= s;
      if (!withM) continue;
      const inv = 1 / s;
      for (let j = 0; j < k; j++) {
        const r = (a[j] as number) * inv;
        const d = xi - (means[j] as number);
        const rd = r * d;
        blockCount[j] = (blockCount[j] as number) + r;
        blockSum1[j] = (blockSum1[j] as number) + rd;
        blockSum2[j] = (blockSum2[j] as number) + rd * d;
      }
    }
    logLik += blockMax + Math.log(blockProduct);
    if (withM) {
      for (let j = 0; j < k; j++) {
        count[j] = (count[j] as number) + (blockCount[j] as number);
        sum1[j] = (sum1[j] as number) + (blockSum1[j] as number);
        sum2[j] = (sum2[j] as number) + (blockSum2[j] as number);
      }
    }
  }
  if (out !== null) mStep(model, regCovar, out, ws);
  return logLik;
}

/** The M-step from the sums of a pass (shared by both kernels); `out` may be `model`. */
function mStep(model: GaussianMixtureModel, regCovar: number, out: GaussianMixtureModel, ws: Workspace): void {
  const { k, count, sum1, sum2 } = ws;
  const means = model.means;
  let total = 0;
  for (let j = 0; j < k; j++) total += (count[j] as number) + COUNT_GUARD;
  for (let j = 0; j < k; j++) {
    const raw = count[j] as number;
    const nk = raw + COUNT_GUARD;
    const s1 = sum1[j] as number;
    const shift = s1 / nk;
    // Σ r (x − μ')² = Σ r d² − 2·shift·Σ r d + shift²·Σ r, with d = x − μ_old and μ' = μ_old + shift.
    const centred = (sum2[j] as number) - 2 * shift * s1 + shift * shift * raw;
    out.means[j] = (means[j] as number) + shift;
    out.variances[j] = Math.max(centred, 0) / nk + regCovar;
    out.weights[j] = nk / total;
  }
}

/**
 * emPass for two components with every per-sample quantity in a local (the common case and the
 * benchmark): the same formulas, about twice as fast as the general loop. With a = (a₀, a₁) and
 * m = max a, the larger term's exponential is exactly 1, so one exp per sample is enough.
 */
function emPassTwo(x: Float64Array, model: GaussianMixtureModel, regCovar: number, out: GaussianMixtureModel | null, ws: Workspace): number {
  const { weights, means, variances } = model;
  const v0 = variances[0] as number;
  const v1 = variances[1] as number;
  const c0 = Math.log(weights[0] as number) - 0.5 * (LN_2PI + Math.log(v0));
  const c1 = Math.log(weights[1] as number) - 0.5 * (LN_2PI + Math.log(v1));
  const h0 = 0.5 / v0;
  const h1 = 0.5 / v1;
  const m0 = means[0] as number;
  const m1 = means[1] as number;
  const n = x.length;
  const block = ws.block;
  let n0 = 0;
  let s10 = 0;
  let s20 = 0;
  let n1 = 0;
  let s11 = 0;
  let s21 = 0;
  let logLik = 0;
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    let bn0 = 0;
    let bs10 = 0;
    let bs20 = 0;
    let bn1 = 0;
    let bs11 = 0;
    let bs21 = 0;
    let blockMax = 0;
    let blockProduct = 1;
    for (let i = start; i < end; i++) {
      const xi = x[i] as number;
      const d0 = xi - m0;
      const d1 = xi - m1;
      const a0 = c0 - d0 * d0 * h0;
      const a1 = c1 - d1 * d1 * h1;
      let r0: number;
      let r1: number;
      let s: number;
      if (a0 >= a1) {
        const e = Math.exp(a1 - a0);
        s = 1 + e;
        r0 = 1 / s;
        r1 = e / s;
        blockMax += a0;
      } else {
        const e = Math.exp(a0 - a1);
        s = 1 + e;
        r0 = e / s;
        r1 = 1 / s;
        blockMax += a1;
      }
      blockProduct *= s;
      const rd0 = r0 * d0;
      const rd1 = r1 * d1;
      bn0 += r0;
      bs10 += rd0;
      bs20 += rd0 * d0;
      bn1 += r1;
      bs11 += rd1;
      bs21 += rd1 * d1;
    }
    logLik += blockMax + Math.log(blockProduct);
    n0 += bn0;
    s10 += bs10;
    s20 += bs20;
    n1 += bn1;
    s11 += bs11;
    s21 += bs21;
  }
  if (out !== null) {
    ws.count[0] = n0;
    ws.count[1] = n1;
    ws.sum1[0] = s10;
    ws.sum1[1] = s11;
    ws.sum2[0] = s20;
    ws.sum2[1] = s21;
    mStep(model, regCovar, out, ws);
  }
  return logLik;
}

function copyModel(m: GaussianMixtureModel): GaussianMixtureModel {
  return { weights: m.weights.slice(), means: m.means.slice(), variances: m.variances.slice() };
}

function checkModel(fn: string, name: string, model: GaussianMixtureInit, k?: number): GaussianMixtureModel {
  if (model === null || typeof model !== 'object') throw new TypeError(`${fn}: ${name} must be an object { weights, means, variances }, got ${describe(model)}`);
  const kw = checkNonNegativeData(fn, model.weights, `${name}.weights`, 1);
  const expected = k ?? kw;
  if (kw !== expected) throw new RangeError(`${fn}: ${name}.weights must have one entry per component (${expected}), got ${kw}`);
  if (checkFiniteData(fn, model.means, `${name}.means`) !== expected) {
    throw new RangeError(`${fn}: ${name}.means must have one entry per component (${expected}), got ${model.means.length}`);
  }
  if (checkFiniteData(fn, model.variances, `${name}.variances`) !== expected) {
    throw new RangeError(`${fn}: ${name}.variances must have one entry per component (${expected}), got ${model.variances.length}`);
  }
  let total = 0;
  for (let j = 0; j < expected; j++) {
    total += model.weights[j] as number;
    const v = model.variances[j] as number;
    if (!(v > 0)) throw new RangeError(`${fn}: ${name}.variances[${j}] is ${v}; variances must be greater than 0`);
  }
  if (Math.abs(total - 1) > 1e-8) throw new RangeError(`${fn}: ${name}.weights must sum to 1, they sum to ${total}`);
  return { weights: Float64Array.from(model.weights), means: Float64Array.from(model.means), variances: Float64Array.from(model.variances) };
}

function checkRegCovar(fn: string, value: unknown): number {
  const reg = checkFinite(fn, 'regCovar', value);
  if (reg < 0) throw new RangeError(`${fn}: regCovar must be ≥ 0, got ${reg}`);
  return reg;
}

function checkVariances(fn: string, model: GaussianMixtureModel, iteration: number): void {
  for (let j = 0; j < model.variances.length; j++) {
    const v = model.variances[j] as number;
    if (!(v > 0) || !Number.isFinite(v)) {
      throw new RangeError(
        `${fn}: component ${j} collapsed to variance ${v} at iteration ${iteration}; use regCovar > 0 (default 1e-6) or fewer components`,
      );
    }
  }
}

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007: first center uniform, then each next center with
 * probability ∝ squared distance to the nearest chosen one) followed by Lloyd's k-means, then the
 * mixture that the hard k-means labels imply — sklearn's init_params='kmeans' path, with plain D²
 * sampling instead of sklearn's greedy trials (so the starting point differs from sklearn's).
 */
function kmeansInit(x: Float64Array, k: number, seed: number, regCovar: number): GaussianMixtureModel {
  const n = x.length;
  const rs = createRandomState(seed);
  const centers = new Float64Array(k);
  const d2 = new Float64Array(n);
  centers[0] = x[Math.min(n - 1, Math.floor(rs.randomSample() * n))] as number;
  for (let i = 0; i < n; i++) d2[i] = ((x[i] as number) - (centers[0] as number)) ** 2;
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i] as number;
    let pick = n - 1;
    if (total > 0) {
      const target = rs.randomSample() * total;
      let acc = 0;
      for (let i = 0; i < n; i++) {
        acc += d2[i] as number;
        if (acc > target) {
          pick = i;
          break;
        }
      }
    } else {
      // Fewer distinct values than components: any point will do (the extra component stays empty).
      pick = Math.min(n - 1, Math.floor(rs.randomSample() * n));
    }
    const chosen = x[pick] as number;
    centers[c] = chosen;
    for (let i = 0; i < n; i++) {
      const d = ((x[i] as number) - chosen) ** 2;
      if (d < (d2[i] as number)) d2[i] = d;
    }
  }
  // Lloyd iterations until the centers stop moving (assignments are then stable).
  const count = new Float64Array(k);
  const sum = new Float64Array(k);
  const nearest = (xi: number): number => {
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let c = 0; c < k; c++) {
      const d = Math.abs(xi - (centers[c] as number));
      if (d < bestD) {
        bestD = d;
        best = c;
      }
    }
    return best;
  };
  for (let iter = 0; iter < 300; iter++) {
    count.fill(0);
    sum.fill(0);
    for (let i = 0; i < n; i++) {
      const c = nearest(x[i] as number);
      count[c] = (count[c] as number) + 1;
      sum[c] = (sum[c] as number) + (x[i] as number);
    }
    let moved = false;
    for (let c = 0; c < k; c++) {
      if ((count[c] as number) === 0) continue;
      const next = (sum[c] as number) / (count[c] as number);
      if (next !== centers[c]) moved = true;
      centers[c] = next;
    }
    if (!moved) break;
  }
  // The mixture of the hard labels: sklearn's _estimate_gaussian_parameters with one-hot resp.
  const sq = new Float64Array(k);
  count.fill(0);
  for (let i = 0; i < n; i++) {
    const c = nearest(x[i] as number);
    count[c] = (count[c] as number) + 1;
    sq[c] = (sq[c] as number) + ((x[i] as number) - (centers[c] as number)) ** 2;
  }
  const model: GaussianMixtureModel = { weights: new Float64Array(k), means: centers, variances: new Float64Array(k) };
  let total = 0;
  for (let c = 0; c < k; c++) total += (count[c] as number) + COUNT_GUARD;
  for (let c = 0; c < k; c++) {
    const nk = (count[c] as number) + COUNT_GUARD;
    model.weights[c] = nk / total;
    model.variances[c] = (sq[c] as number) / nk + regCovar;
  }
  return model;
}

/** A copy of `a` with room for `rows` rows of `per` values. */
function grow(a: Float64Array, per: number, rows: number): Float64Array {
  const bigger = new Float64Array(rows * per);
  bigger.set(a);
  return bigger;
}

function informationCriteria(logLik: number, n: number, k: number): { bic: number; aic: number } {
  const parameters = 3 * k - 1;
  return { bic: -2 * logLik + parameters * Math.log(n), aic: -2 * logLik + 2 * parameters };
}

/**
 * Fits a one-dimensional Gaussian mixture by expectation–maximisation, as scikit-learn's GaussianMixture.
 *
 * Each iteration computes the responsibilities in log space (log-sum-exp over components) and the
 * M-step update of every weight, mean and variance (see the file header for the formulas), with
 * regCovar added to the variances. The run stops after iteration t when the mean log-likelihood of
 * the model entering it differs from the previous one by less than `tolerance`, exactly sklearn's
 * rule on `lower_bound_`; the returned model is the one after that last M-step. With the same
 * starting model, sklearn `GaussianMixture(weights_init, means_init, precisions_init=1/variances)`
 * reaches the same optimum. Cost: one pass over the data per iteration, no allocation in the loop.
 * Ports `sklearn.mixture.GaussianMixture` (1-D; Dempster, Laird & Rubin 1977).
 *
 * @param x - The samples (finite, at least max(2, components)).
 * @param options - components; init, maxIterations = 100, tolerance = 1e-3, seed = 0, regCovar = 1e-6.
 * @returns The model, its log-likelihood (total and per sample), iterations, convergence, BIC, AIC and history.
 * @throws {RangeError} If x is too short or non-finite, an option is out of range, the init is invalid, or a component collapses with regCovar = 0.
 * @throws {TypeError} If x is not an array of numbers.
 * @example
 * const fit = fitGaussianMixture([-2.1, -1.9, -2, 2, 2.2, 1.8], {
 *   components: 2, init: { weights: [0.5, 0.5], means: [-1, 1], variances: [1, 1] },
 * });
 * Array.from(fit.means, (m) => +m.toFixed(4)); // => [-2, 2]
 */
export function fitGaussianMixture(x: ArrayLike<number>, options: GaussianMixtureOptions): GaussianMixtureFit {
  const fn = 'fitGaussianMixture';
  if (options === null || typeof options !== 'object') throw new TypeError(`${fn}: options must be an object with at least { components }, got ${describe(options)}`);
  const n = checkFiniteData(fn, x, 'x', 2);
  const k = checkInteger(fn, 'components', options.components, 1);
  if (k > n) throw new RangeError(`${fn}: components (${k}) must not exceed the number of samples (${n})`);
  const maxIterations = checkInteger(fn, 'maxIterations', options.maxIterations ?? 100, 0);
  const tolerance = checkFinite(fn, 'tolerance', options.tolerance ?? 1e-3);
  if (tolerance < 0) throw new RangeError(`${fn}: tolerance must be ≥ 0, got ${tolerance}`);
  const regCovar = checkRegCovar(fn, options.regCovar ?? 1e-6);
  const seed = checkInteger(fn, 'seed', options.seed ?? 0, 0, 4294967295);
  const data = toFloat64(x);
  const initial = options.init !== undefined ? checkModel(fn, 'init', options.init, k) : kmeansInit(data, k, seed, regCovar);

  const ws = createWorkspace(k);
  const model = copyModel(initial);
  // History rows grow by doubling, so a large maxIterations costs nothing unless it is used.
  let capacity = Math.min(maxIterations + 1, 128);
  const history: GaussianMixtureHistory = {
    logLikelihood: new Float64Array(capacity),
    weights: new Float64Array(capacity * k),
    means: new Float64Array(capacity * k),
    variances: new Float64Array(capacity * k),
  };
  const record = (t: number): void => {
    if (t >= capacity) {
      capacity = Math.min(maxIterations + 1, capacity * 2);
      history.logLikelihood = grow(history.logLikelihood, 1, capacity);
      history.weights = grow(history.weights, k, capacity);
      history.means = grow(history.means, k, capacity);
      history.variances = grow(history.variances, k, capacity);
    }
    history.weights.set(model.weights, t * k);
    history.means.set(model.means, t * k);
    history.variances.set(model.variances, t * k);
  };
  record(0);
  let previous = Number.NEGATIVE_INFINITY;
  let lowerBound = Number.NEGATIVE_INFINITY;
  let iterations = 0;
  let converged = false;
  for (let t = 1; t <= maxIterations; t++) {
    const logLik = emPass(data, model, regCovar, model, ws);
    history.logLikelihood[t - 1] = logLik;
    checkVariances(fn, model, t);
    record(t);
    iterations = t;
    lowerBound = logLik / n;
    const change = lowerBound - previous;
    previous = lowerBound;
    if (Math.abs(change) < tolerance) {
      converged = true;
      break;
    }
  }
  const logLikelihood = emPass(data, model, regCovar, null, ws);
  history.logLikelihood[iterations] = logLikelihood;
  const trim = (a: Float64Array, per: number): Float64Array => (iterations + 1 === capacity ? a : a.slice(0, (iterations + 1) * per));
  return {
    weights: model.weights,
    means: model.means,
    variances: model.variances,
    n,
    logLikelihood,
    meanLogLikelihood: logLikelihood / n,
    lowerBound: maxIterations === 0 ? logLikelihood / n : lowerBound,
    iterations,
    converged,
    ...informationCriteria(logLikelihood, n, k),
    initial,
    history: {
      logLikelihood: trim(history.logLikelihood, 1),
      weights: trim(history.weights, k),
      means: trim(history.means, k),
      variances: trim(history.variances, k),
    },
  };
}

/**
 * One EM iteration on a Gaussian mixture, for stepping through the algorithm by hand.
 *
 * The E-step computes the responsibilities r_ik of `model` (and its log-likelihood); the M-step
 * returns w'_k = N_k/n, μ'_k = Σ r_ik x_i / N_k, σ'²_k = Σ r_ik (x_i − μ'_k)² / N_k + regCovar.
 * `fitGaussianMixture` is this step repeated. EM guarantees ℓ(model') ≥ ℓ(model) (up to regCovar).
 * Ports one iteration of `sklearn.mixture.GaussianMixture.fit` (`_e_step` then `_m_step`).
 *
 * @param x - The samples (finite, at least 1).
 * @param model - The current weights (summing to 1), means and variances (> 0).
 * @param options - regCovar = 1e-6.
 * @returns The updated model and the log-likelihood Σ log p(x_i) of the model passed in.
 * @throws {RangeError} If x is empty or non-finite, the model is invalid, or a variance collapses to 0.
 * @throws {TypeError} If x is not an array of numbers or the model not an object.
 * @example
 * const { model } = emStep([-2, -1, 1, 2], { weights: [0.5, 0.5], means: [-1, 1], variances: [1, 1] });
 * Array.from(model.means, (m) => +m.toFixed(4)); // => [-1.3448, 1.3448]
 */
export function emStep(x: ArrayLike<number>, model: GaussianMixtureInit, options: EmStepOptions = {}): EmStepResult {
  const fn = 'emStep';
  checkOptions(fn, options);
  checkFiniteData(fn, x, 'x');
  const current = checkModel(fn, 'model', model);
  const regCovar = checkRegCovar(fn, options.regCovar ?? 1e-6);
  const k = current.weights.length;
  const next: GaussianMixtureModel = { weights: new Float64Array(k), means: new Float64Array(k), variances: new Float64Array(k) };
  const logLikelihood = emPass(toFloat64(x), current, regCovar, next, createWorkspace(k));
  checkVariances(fn, next, 1);
  return { model: next, logLikelihood };
}

/**
 * The density of a one-dimensional Gaussian mixture at each point.
 *
 * Formula: p(x) = Σ_k w_k · exp(−(x − μ_k)² / (2σ²_k)) / √(2π σ²_k).
 * Ports `np.exp(GaussianMixture.score_samples(x))`.
 *
 * @param model - Weights (summing to 1), means and variances (> 0).
 * @param xs - Points (NaN gives NaN, ±Infinity gives 0).
 * @returns The densities.
 * @throws {RangeError} If the model is invalid.
 * @throws {TypeError} If xs is not an array of numbers.
 * @example
 * gaussianMixturePdf({ weights: [1], means: [0], variances: [1] }, [0]); // => Float64Array [0.3989422804014327]
 */
export function gaussianMixturePdf(model: GaussianMixtureInit, xs: ArrayLike<number>): Float64Array {
  const fn = 'gaussianMixturePdf';
  const m = checkModel(fn, 'model', model);
  const n = checkArrayLike(fn, 'xs', xs);
  const k = m.weights.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    let p = 0;
    for (let j = 0; j < k; j++) {
      const v = m.variances[j] as number;
      const d = xi - (m.means[j] as number);
      p += ((m.weights[j] as number) * Math.exp((-0.5 * d * d) / v)) / Math.sqrt(2 * Math.PI * v);
    }
    out[i] = p;
  }
  return out;
}

/**
 * The responsibilities (posterior component probabilities) of each point under a mixture, in log space.
 *
 * Formula: r_ik = exp(a_ik − logsumexp_j a_ij) with a_ik = log w_k + log N(x_i; μ_k, σ²_k).
 * Ports `GaussianMixture.predict_proba`.
 *
 * @param model - Weights (summing to 1), means and variances (> 0).
 * @param xs - Finite points.
 * @returns n × K responsibilities, row-major (rows sum to 1).
 * @throws {RangeError} If the model is invalid or a point is not finite.
 * @throws {TypeError} If xs is not an array of numbers.
 * @example
 * gaussianMixtureResponsibilities({ weights: [0.5, 0.5], means: [-1, 1], variances: [1, 1] }, [0]);
 * // => Float64Array [0.5, 0.5]
 */
export function gaussianMixtureResponsibilities(model: GaussianMixtureInit, xs: ArrayLike<number>): Float64Array {
  const fn = 'gaussianMixtureResponsibilities';
  const m = checkModel(fn, 'model', model);
  const n = checkFiniteData(fn, xs, 'xs');
  const k = m.weights.length;
  const out = new Float64Array(n * k);
  const a = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    const xi = xs[i] as number;
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < k; j++) {
      const v = m.variances[j] as number;
      const d = xi - (m.means[j] as number);
      const aj = Math.log(m.weights[j] as number) - 0.5 * (LN_2PI + Math.log(v)) - (d * d) / (2 * v);
      a[j] = aj;
      if (aj > max) max = aj;
    }
    let s = 0;
    for (let j = 0; j < k; j++) s += Math.exp((a[j] as number) - max);
    for (let j = 0; j < k; j++) out[i * k + j] = Math.exp((a[j] as number) - max) / s;
  }
  return out;
}
