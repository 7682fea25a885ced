// Multinomial logistic (softmax) regression on points, trained by full-batch gradient descent on the
// mean cross-entropy — the same loop as torch's `nn.Linear` + `F.cross_entropy` + `optim.SGD`.
// Also the seeded blobs of `sklearn.datasets.make_blobs` that its demo trains on.

import { createRandomState } from '../random/random-state.ts';
import { checkArrayLike, checkFinite, checkFiniteData, checkInteger, checkPositive, checkRequiredOptions, describe } from '../internal/validate.ts';

/** Points as a flat row-major array `[x0, y0, x1, y1, …]` or as an array of points `[[x0, y0], …]`. */
export type PointsInput = ArrayLike<number> | ReadonlyArray<ArrayLike<number>>;

/** A softmax regression model: logits z = W·x + b. */
export interface SoftmaxRegressionModel {
  /** Number of classes C. */
  classes: number;
  /** Number of features d (2 for points in the plane). */
  dimension: number;
  /** W, C × d, row-major (row c holds class c's weights; torch `nn.Linear.weight`). */
  weights: Float64Array;
  /** b, length C (torch `nn.Linear.bias`). */
  bias: Float64Array;
}

/** Options of {@link trainSoftmaxRegression}. */
export interface SoftmaxRegressionOptions {
  /** The n training points (see {@link PointsInput}). */
  points: PointsInput;
  /** The n class labels, integers in [0, classes). */
  labels: ArrayLike<number>;
  /** Number of classes C ≥ 2. Default: the largest label + 1. */
  classes?: number;
  /** Gradient-descent step size η > 0. */
  learningRate: number;
  /** Number of full-batch updates T ≥ 0. */
  iterations: number;
  /** λ ≥ 0: adds (λ/2)·‖W‖² to the objective (not to the bias), torch SGD `weight_decay` on W. Default 0. */
  l2?: number;
  /** Features per point when `points` is flat. Default 2. */
  dimension?: number;
  /** Starting W (C × d, row-major) and b. Default zeros (every class equally likely). */
  init?: { weights: ArrayLike<number>; bias: ArrayLike<number> };
}

/** Per-step record of a training run; entry t is measured after t updates (entry 0 at the start). */
export interface SoftmaxRegressionHistory {
  /** Mean cross-entropy (1/n)·Σ −log p(y_i | x_i). */
  meanCrossEntropy: Float64Array;
  /** Log-likelihood ℓ = Σ log p(y_i | x_i) = −n · mean cross-entropy. */
  logLikelihood: Float64Array;
  /** Share of points whose most probable class is their label. */
  accuracy: Float64Array;
}

/** Result of {@link trainSoftmaxRegression}. */
export interface SoftmaxRegressionResult extends SoftmaxRegressionModel {
  /** Final mean cross-entropy (without the L2 term). */
  meanCrossEntropy: number;
  /** Final log-likelihood, equal to −n · meanCrossEntropy. */
  logLikelihood: number;
  /** Final objective: mean cross-entropy + (λ/2)·‖W‖². */
  objective: number;
  /** Final training accuracy. */
  accuracy: number;
  /** Number of updates made (T, fewer only if the run diverged). */
  iterations: number;
  /** True if the loss or a parameter became non-finite (step too large); the run stopped there. */
  diverged: boolean;
  /** Values after each update; length iterations + 1. */
  history: SoftmaxRegressionHistory;
}

/** Options of {@link softmaxRegressionDecisionGrid}. */
export interface DecisionGridOptions {
  /** [min, max] of the first coordinate. */
  xRange: readonly [number, number];
  /** [min, max] of the second coordinate. */
  yRange: readonly [number, number];
  /** Grid points along x. Default 100. */
  nx?: number;
  /** Grid points along y. Default 100. */
  ny?: number;
}

/** A grid of predicted classes for drawing decision regions. */
export interface DecisionGrid {
  /** The nx x-coordinates. */
  x: Float64Array;
  /** The ny y-coordinates. */
  y: Float64Array;
  /** Most probable class per cell, ny × nx row-major (row j is y[j]). */
  labels: Float64Array;
  /** Probability of that class per cell, same layout. */
  confidence: Float64Array;
}

/** Options of {@link makeBlobs}. */
export interface MakeBlobsOptions {
  /** Seed of the numpy-legacy stream, an integer in [0, 2**32 − 1]. */
  seed: number;
  /** One center per class, each with d coordinates. */
  centers: ReadonlyArray<ArrayLike<number>>;
  /** Total number of points, split as evenly as possible (the first classes get the remainder). */
  n: number;
  /** Standard deviation of each coordinate around its center, one number or one per center. Default 1. */
  spread?: number | ArrayLike<number>;
}

/** Labelled points from {@link makeBlobs}. */
export interface Blobs {
  /** n × d coordinates, row-major. */
  points: Float64Array;
  /** Class of each point (0…C−1, grouped by class, not shuffled). */
  labels: Float64Array;
  /** Number of points n. */
  n: number;
  /** Features per point d. */
  dimension: number;
  /** Number of classes C. */
  classes: number;
}

interface PointMatrix {
  data: Float64Array;
  n: number;
  d: number;
}

function toPointMatrix(fn: string, points: PointsInput, flatDimension: number): PointMatrix {
  const len = checkArrayLike(fn, 'points', points);
  if (len === 0) throw new RangeError(`${fn}: points is empty; at least one point is required`);
  const first = points[0];
  if (typeof first === 'number') {
    const flat = points as ArrayLike<number>;
    checkFiniteData(fn, flat, 'points');
    if (len % flatDimension !== 0) {
      throw new RangeError(`${fn}: a flat points array must hold ${flatDimension} numbers per point, got length ${len}`);
    }
    return { data: Float64Array.from(flat), n: len / flatDimension, d: flatDimension };
  }
  const rows = points as ReadonlyArray<ArrayLike<number>>;
  const d = checkArrayLike(fn, 'points[0]', first);
  if (d === 0) throw new RangeError(`${fn}: points[0] has no coordinates`);
  const data = new Float64Array(len * d);
  for (let i = 0; i < len; i++) {
    const row = rows[i] as ArrayLike<number>;
    if (checkArrayLike(fn, `points[${i}]`, row) !== d) {
      throw new RangeError(`${fn}: every point must have ${d} coordinates like points[0], points[${i}] has ${row.length}`);
    }
    checkFiniteData(fn, row, `points[${i}]`);
    for (let j = 0; j < d; j++) data[i * d + j] = row[j] as number;
  }
  return { data, n: len, d };
}

function checkModel(fn: string, model: SoftmaxRegressionModel): void {
  const c = checkInteger(fn, 'model.classes', model.classes, 1);
  const d = checkInteger(fn, 'model.dimension', model.dimension, 1);
  if (checkFiniteData(fn, model.weights, 'model.weights') !== c * d) {
    throw new RangeError(`${fn}: model.weights must hold classes × dimension = ${c * d} numbers, got ${model.weights.length}`);
  }
  if (checkFiniteData(fn, model.bias, 'model.bias') !== c) {
    throw new RangeError(`${fn}: model.bias must hold ${c} numbers (one per class), got ${model.bias.length}`);
  }
}

/** Per-point scratch of the forward pass, reused across points (no allocation in the loop). */
interface Forward {
  /** Logits z = W·x + b. */
  logits: Float64Array;
  /** softmax(z). */
  probs: Float64Array;
  /** Index of the largest logit (the first one on ties, as torch.argmax). */
  argmax: number;
  /** log Σ exp(z): log p(c | x) = z_c − logNormaliser. NaN once a logit is NaN or ±Infinity. */
  logNormaliser: number;
}

function createForward(c: number): Forward {
  return { logits: new Float64Array(c), probs: new Float64Array(c), argmax: 0, logNormaliser: 0 };
}

function forward(x: Float64Array, i: number, d: number, c: number, weights: Float64Array, bias: Float64Array, f: Forward): void {
  const { logits, probs } = f;
  let max = Number.NEGATIVE_INFINITY;
  let argmax = 0;
  for (let k = 0; k < c; k++) {
    let z = bias[k] as number;
    for (let j = 0; j < d; j++) z += (weights[k * d + j] as number) * (x[i * d + j] as number);
    logits[k] = z;
    if (z > max) {
      max = z;
      argmax = k;
    }
  }
  let s = 0;
  for (let k = 0; k < c; k++) {
    const e = Math.exp((logits[k] as number) - max);
    probs[k] = e;
    s += e;
  }
  for (let k = 0; k < c; k++) probs[k] = (probs[k] as number) / s;
  f.argmax = argmax;
  // A NaN logit never wins the max, so a diverged run shows up here as a NaN normaliser.
  f.logNormaliser = max === Number.NEGATIVE_INFINITY ? Number.NaN : max + Math.log(s);
}

/**
 * Trains a multinomial logistic (softmax) regression by full-batch gradient descent on the mean
 * cross-entropy, recording after every update the mean cross-entropy and the log-likelihood.
 *
 * Model: p(c | x) = softmax(W·x + b)_c. Objective J = (1/n)·Σ_i −log p(y_i | x_i) + (λ/2)·‖W‖².
 * Gradient: ∂J/∂W_c = (1/n)·Σ_i (p_ic − [y_i = c])·x_i + λ·W_c, ∂J/∂b_c = (1/n)·Σ_i (p_ic − [y_i = c]).
 * Update: W ← W − η·∂J/∂W, b ← b − η·∂J/∂b. The log-likelihood ℓ = Σ_i log p(y_i | x_i) is exactly
 * −n times the mean cross-entropy: minimising cross-entropy is maximising likelihood.
 * Ports torch's loop `loss = F.cross_entropy(lin(X), y); loss.backward(); SGD(lr, weight_decay on W).step()`.
 *
 * @param options - Points, labels, learningRate, iterations and optional classes, l2, dimension, init.
 * @returns Final W, b, loss, log-likelihood, accuracy and the per-step history.
 * @throws {RangeError} If points/labels are empty, non-finite or of different counts, a label is not a class index, or an option is out of range.
 * @throws {TypeError} If points or labels are not arrays of numbers.
 * @example
 * const r = trainSoftmaxRegression({ points: [[0, 0], [1, 1]], labels: [0, 1], learningRate: 1, iterations: 0 });
 * r.meanCrossEntropy; // => 0.6931471805599453 (log 2: both classes equally likely at W = 0)
 */
export function trainSoftmaxRegression(options: SoftmaxRegressionOptions): SoftmaxRegressionResult {
  const fn = 'trainSoftmaxRegression';
  checkRequiredOptions(fn, options);
  const flatDimension = checkInteger(fn, 'dimension', options.dimension ?? 2, 1);
  const { data: x, n, d } = toPointMatrix(fn, options.points, flatDimension);
  const labelCount = checkFiniteData(fn, options.labels, 'labels');
  if (labelCount !== n) throw new RangeError(`${fn}: labels must have one entry per point (${n}), got ${labelCount}`);
  let maxLabel = 0;
  for (let i = 0; i < n; i++) {
    const y = options.labels[i] as number;
    if (!Number.isInteger(y) || y < 0) throw new RangeError(`${fn}: labels[${i}] is ${y}; labels must be class indices 0, 1, 2, …`);
    if (y > maxLabel) maxLabel = y;
  }
  const c = checkInteger(fn, 'classes', options.classes ?? Math.max(maxLabel + 1, 2), 2);
  if (maxLabel >= c) throw new RangeError(`${fn}: a label is ${maxLabel}, but classes is ${c}; labels must be in [0, ${c - 1}]`);
  const lr = checkPositive(fn, 'learningRate', options.learningRate);
  const iterations = checkInteger(fn, 'iterations', options.iterations, 0);
  const l2 = checkFinite(fn, 'l2', options.l2 ?? 0);
  if (l2 < 0) throw new RangeError(`${fn}: l2 must be ≥ 0, got ${describe(l2)}`);

  const weights = new Float64Array(c * d);
  const bias = new Float64Array(c);
  if (options.init !== undefined) {
    if (checkFiniteData(fn, options.init.weights, 'init.weights') !== c * d) {
      throw new RangeError(`${fn}: init.weights must hold classes × dimension = ${c * d} numbers (row-major), got ${options.init.weights.length}`);
    }
    if (checkFiniteData(fn, options.init.bias, 'init.bias') !== c) {
      throw new RangeError(`${fn}: init.bias must hold ${c} numbers, got ${options.init.bias.length}`);
    }
    weights.set(options.init.weights);
    bias.set(options.init.bias);
  }
  const labels = Int32Array.from(options.labels);

  const f = createForward(c);
  const gradW = new Float64Array(c * d);
  const gradB = new Float64Array(c);
  const history: SoftmaxRegressionHistory = {
    meanCrossEntropy: new Float64Array(iterations + 1),
    logLikelihood: new Float64Array(iterations + 1),
    accuracy: new Float64Array(iterations + 1),
  };

  // One pass over the data: the log-likelihood and accuracy at the current parameters and, when
  // wanted, the gradient of the mean cross-entropy (before the L2 term).
  const evaluate = (withGradient: boolean): { logLik: number; correct: number } => {
    if (withGradient) {
      gradW.fill(0);
      gradB.fill(0);
    }
    let logLik = 0;
    let correct = 0;
    for (let i = 0; i < n; i++) {
      forward(x, i, d, c, weights, bias, f);
      const y = labels[i] as number;
      logLik += (f.logits[y] as number) - f.logNormaliser;
      if (f.argmax === y) correct++;
      if (!withGradient) continue;
      for (let k = 0; k < c; k++) {
        const g = ((f.probs[k] as number) - (k === y ? 1 : 0)) / n;
        gradB[k] = (gradB[k] as number) + g;
        for (let j = 0; j < d; j++) gradW[k * d + j] = (gradW[k * d + j] as number) + g * (x[i * d + j] as number);
      }
    }
    return { logLik, correct };
  };

  let done = 0;
  let diverged = false;
  for (let t = 0; t <= iterations; t++) {
    const { logLik, correct } = evaluate(t < iterations);
    history.logLikelihood[t] = logLik;
    history.meanCrossEntropy[t] = -logLik / n;
    history.accuracy[t] = correct / n;
    if (!Number.isFinite(logLik)) {
      diverged = true;
      break;
    }
    if (t === iterations) break;
    for (let k = 0; k < c * d; k++) weights[k] = (weights[k] as number) - lr * ((gradW[k] as number) + l2 * (weights[k] as number));
    for (let k = 0; k < c; k++) bias[k] = (bias[k] as number) - lr * (gradB[k] as number);
    done++;
  }
  const last = done;
  const meanCe = history.meanCrossEntropy[last] as number;
  let norm2 = 0;
  for (let k = 0; k < c * d; k++) norm2 += (weights[k] as number) ** 2;
  return {
    classes: c,
    dimension: d,
    weights,
    bias,
    meanCrossEntropy: meanCe,
    logLikelihood: history.logLikelihood[last] as number,
    objective: meanCe + (l2 / 2) * norm2,
    accuracy: history.accuracy[last] as number,
    iterations: done,
    diverged,
    history: diverged
      ? {
          meanCrossEntropy: history.meanCrossEntropy.slice(0, last + 1),
          logLikelihood: history.logLikelihood.slice(0, last + 1),
          accuracy: history.accuracy.slice(0, last + 1),
        }
      : history,
  };
}

/**
 * The class probabilities a softmax regression model gives each point.
 *
 * Formula: p(c | x_i) = softmax(W·x_i + b)_c, computed with the max-shift (stable for large logits).
 *
 * @param model - A model from {@link trainSoftmaxRegression} (or any W, b of matching shape).
 * @param points - The points, flat (model.dimension per point) or as an array of points.
 * @returns n × C probabilities, row-major (row i sums to 1).
 * @throws {RangeError} If the model's shapes do not match or a point is empty or non-finite.
 * @throws {TypeError} If points is not an array of numbers.
 * @example
 * softmaxRegressionPredict({ classes: 2, dimension: 1, weights: new Float64Array([0, 0]), bias: new Float64Array([0, 0]) }, [5]);
 * // => Float64Array [0.5, 0.5]
 */
export function softmaxRegressionPredict(model: SoftmaxRegressionModel, points: PointsInput): Float64Array {
  const fn = 'softmaxRegressionPredict';
  checkModel(fn, model);
  const { classes: c, dimension } = model;
  const { data, n, d } = toPointMatrix(fn, points, dimension);
  if (d !== dimension) throw new RangeError(`${fn}: the model expects ${dimension} coordinates per point, got ${d}`);
  const out = new Float64Array(n * c);
  const f = createForward(c);
  for (let i = 0; i < n; i++) {
    forward(data, i, d, c, model.weights, model.bias, f);
    out.set(f.probs, i * c);
  }
  return out;
}

/**
 * The most probable class of a 2-D softmax regression model on a regular grid, for decision regions.
 *
 * Grid: x_a = xMin + a·(xMax − xMin)/(nx − 1), y_b likewise; cell (b, a) holds argmax_c p(c | (x_a, y_b)).
 *
 * @param model - A model with dimension 2.
 * @param options - xRange, yRange, nx = 100, ny = 100.
 * @returns The axes, the class per cell and its probability (ny × nx, row-major).
 * @throws {RangeError} If the model is not 2-D, a range is not finite with min < max, or nx/ny < 2.
 * @example
 * const g = softmaxRegressionDecisionGrid(model, { xRange: [-5, 5], yRange: [-5, 5], nx: 3, ny: 3 });
 * g.labels.length; // => 9
 */
export function softmaxRegressionDecisionGrid(model: SoftmaxRegressionModel, options: DecisionGridOptions): DecisionGrid {
  const fn = 'softmaxRegressionDecisionGrid';
  checkRequiredOptions(fn, options);
  checkModel(fn, model);
  if (model.dimension !== 2) throw new RangeError(`${fn}: the model must be 2-D (dimension 2), got dimension ${model.dimension}`);
  const nx = checkInteger(fn, 'nx', options.nx ?? 100, 2);
  const ny = checkInteger(fn, 'ny', options.ny ?? 100, 2);
  const axis = (name: string, range: readonly [number, number], m: number): Float64Array => {
    const lo = checkFinite(fn, `${name}[0]`, range[0]);
    const hi = checkFinite(fn, `${name}[1]`, range[1]);
    if (!(lo < hi)) throw new RangeError(`${fn}: ${name} must be [min, max] with min < max, got [${lo}, ${hi}]`);
    const out = new Float64Array(m);
    for (let a = 0; a < m; a++) out[a] = lo + ((hi - lo) * a) / (m - 1);
    return out;
  };
  const gx = axis('xRange', options.xRange, nx);
  const gy = axis('yRange', options.yRange, ny);
  const c = model.classes;
  const labels = new Float64Array(nx * ny);
  const confidence = new Float64Array(nx * ny);
  const f = createForward(c);
  const point = new Float64Array(2);
  for (let b = 0; b < ny; b++) {
    for (let a = 0; a < nx; a++) {
      point[0] = gx[a] as number;
      point[1] = gy[b] as number;
      forward(point, 0, 2, c, model.weights, model.bias, f);
      labels[b * nx + a] = f.argmax;
      confidence[b * nx + a] = f.probs[f.argmax] as number;
    }
  }
  return { x: gx, y: gy, labels, confidence };
}

/**
 * Seeded Gaussian blobs: n labelled points scattered around the given centers.
 *
 * Point i of class k is center_k + spread_k·(Z_1, …, Z_d) with Z standard normal, drawn class by
 * class from numpy's legacy stream — bit for bit `sklearn.datasets.make_blobs(n_samples=n,
 * centers=centers, cluster_std=spread, shuffle=False, random_state=seed)`.
 *
 * @param options - seed, centers (one per class), n, spread = 1.
 * @returns Row-major points, labels, n, dimension and classes.
 * @throws {RangeError} If the seed or n is invalid, centers is empty or ragged, or a spread is negative.
 * @throws {TypeError} If centers or spread are not numbers / arrays of numbers.
 * @example
 * makeBlobs({ seed: 0, centers: [[0, 0], [3, 3]], n: 4 }).labels; // => Float64Array [0, 0, 1, 1]
 */
export function makeBlobs(options: MakeBlobsOptions): Blobs {
  const fn = 'makeBlobs';
  checkRequiredOptions(fn, options);
  const n = checkInteger(fn, 'n', options.n, 1);
  const k = checkArrayLike(fn, 'centers', options.centers);
  if (k === 0) throw new RangeError(`${fn}: centers is empty; give at least one center`);
  const first = options.centers[0] as ArrayLike<number>;
  const d = checkFiniteData(fn, first, 'centers[0]');
  for (let c = 1; c < k; c++) {
    if (checkFiniteData(fn, options.centers[c] as ArrayLike<number>, `centers[${c}]`) !== d) {
      throw new RangeError(`${fn}: every center must have ${d} coordinates like centers[0]`);
    }
  }
  const spread = options.spread ?? 1;
  const spreads = new Float64Array(k);
  if (typeof spread === 'number') {
    spreads.fill(spread);
  } else {
    if (checkFiniteData(fn, spread, 'spread') !== k) throw new RangeError(`${fn}: spread must be one number or one per center (${k}), got ${spread.length}`);
    spreads.set(spread);
  }
  for (let c = 0; c < k; c++) {
    const s = spreads[c] as number;
    if (!Number.isFinite(s) || s < 0) throw new RangeError(`${fn}: spread must be finite and ≥ 0, got ${describe(s)}`);
  }
  const rs = createRandomState(options.seed);
  const points = new Float64Array(n * d);
  const labels = new Float64Array(n);
  let start = 0;
  for (let c = 0; c < k; c++) {
    const count = Math.floor(n / k) + (c < n % k ? 1 : 0);
    const z = rs.standardNormal(count * d);
    const center = options.centers[c] as ArrayLike<number>;
    const s = spreads[c] as number;
    for (let i = 0; i < count; i++) {
      labels[start + i] = c;
      for (let j = 0; j < d; j++) points[(start + i) * d + j] = (center[j] as number) + s * (z[i * d + j] as number);
    }
    start += count;
  }
  return { points, labels, n, dimension: d, classes: k };
}
