import { describe, expect, it } from 'vitest';
import {
  makeBlobs,
  softmaxRegressionDecisionGrid,
  softmaxRegressionPredict,
  trainSoftmaxRegression,
} from '../../src/classification/softmax-regression.ts';
import data from '../fixtures/classification.json' with { type: 'json' };
import { expectAllClose, expectClose } from '../support/expect-close.ts';

const blobs = data.blobs;

describe('makeBlobs', () => {
  it('reproduces sklearn.datasets.make_blobs(shuffle=False, random_state=3)', () => {
    const b = makeBlobs({ seed: blobs.seed, centers: blobs.centers, n: blobs.n, spread: blobs.spread });
    expect(b.n).toBe(61);
    expect(b.classes).toBe(3);
    expect(b.dimension).toBe(2);
    expect(Array.from(b.labels)).toEqual(blobs.labels);
    // Normal draws match numpy's legacy polar method up to V8/libm log rounding (≈1 ulp).
    expectAllClose(b.points, blobs.points, { rel: 1e-14, abs: 1e-15 });
  });

  it('splits n as make_blobs does (the first classes get the remainder) and spread 0 puts points on the centers', () => {
    const b = makeBlobs({ seed: 0, centers: [[0, 0], [3, 3]], n: 5, spread: 0 });
    expect(Array.from(b.labels)).toEqual([0, 0, 0, 1, 1]);
    expect(Array.from(b.points)).toEqual([0, 0, 0, 0, 0, 0, 3, 3, 3, 3]);
  });

  it('throws on bad options', () => {
    expect(() => makeBlobs({ seed: -1, centers: [[0, 0]], n: 3 })).toThrow(/createRandomState/);
    expect(() => makeBlobs({ seed: 0, centers: [], n: 3 })).toThrow(/makeBlobs: centers is empty/);
    expect(() => makeBlobs({ seed: 0, centers: [[0, 0], [1]], n: 3 })).toThrow(/makeBlobs: every center must have 2 coordinates/);
    expect(() => makeBlobs({ seed: 0, centers: [[0, 0]], n: 0 })).toThrow(/makeBlobs: n must be an integer ≥ 1/);
    expect(() => makeBlobs({ seed: 0, centers: [[0, 0]], n: 3, spread: -1 })).toThrow(/makeBlobs: spread must be finite and ≥ 0/);
    expect(() => makeBlobs({ seed: 0, centers: [[0, Number.NaN]], n: 3 })).toThrow(/makeBlobs: centers\[0\]\[1\] is NaN/);
  });
});

describe('trainSoftmaxRegression against torch (nn.Linear + F.cross_entropy + SGD, full batch)', () => {
  for (const run of data.softmaxRegression.runs) {
    it(`lr ${run.learningRate}, ${run.iterations} steps, l2 ${run.l2}`, () => {
      const r = trainSoftmaxRegression({
        points: blobs.points,
        labels: blobs.labels,
        classes: 3,
        learningRate: run.learningRate,
        iterations: run.iterations,
        l2: run.l2,
        init: { weights: run.initWeights, bias: run.initBias },
      });
      // torch: losses[t] = F.cross_entropy(lin(X), y) after t SGD steps
      expectAllClose(r.history.meanCrossEntropy, run.meanCrossEntropy, { rel: 1e-12 });
      expectAllClose(r.history.accuracy, run.accuracy, { rel: 0 });
      expectAllClose(r.weights, run.weights, { rel: 1e-11, abs: 1e-14 });
      expectAllClose(r.bias, run.bias, { rel: 1e-11, abs: 1e-14 });
      // torch: log_softmax(lin(X))[range(n), y].sum()
      expectClose(r.logLikelihood, run.finalLogLikelihood, { rel: 1e-12 });
      // torch: softmax(lin([[0, 0], [1.5, -0.5]]))
      expectAllClose(softmaxRegressionPredict(r, run.probsAt), run.probs, { rel: 1e-11 });
      expect(r.iterations).toBe(run.iterations);
      expect(r.diverged).toBe(false);
    });
  }

  it('the mean cross-entropy and the log-likelihood are the same number: mean CE = −ℓ / n at every step', () => {
    const r = trainSoftmaxRegression({ points: blobs.points, labels: blobs.labels, learningRate: 0.3, iterations: 40 });
    for (let t = 0; t <= 40; t++) {
      expectClose(r.history.meanCrossEntropy[t] as number, -(r.history.logLikelihood[t] as number) / blobs.n, { rel: 1e-15 });
    }
    // and gradient descent lowers it at every step here (a small enough step on a convex loss)
    for (let t = 1; t <= 40; t++) expect(r.history.meanCrossEntropy[t] as number).toBeLessThan(r.history.meanCrossEntropy[t - 1] as number);
  });
});

describe('trainSoftmaxRegression: two steps derived by hand', () => {
  // Points x₁ = (1, 0) with label 0 and x₂ = (−1, 0) with label 1; W = 0, b = 0, η = 1.
  // Step 0: every p = ½, so mean CE = log 2. ∂J/∂z_i = (p_i − onehot(y_i)) / n:
  //   x₁: (−¼, ¼), x₂: (¼, −¼). ∂J/∂W_0 = −¼·(1, 0) + ¼·(−1, 0) = (−½, 0), ∂J/∂W_1 = (½, 0), ∂J/∂b = (0, 0).
  //   W ← W − ∂J/∂W = [[½, 0], [−½, 0]].
  // Step 1: logits x₁ → (½, −½), x₂ → (−½, ½): both points have p(label) = σ(1), so
  //   mean CE = log(1 + e^{−1}). ∂J/∂W_0 = −(1 − σ(1))/2·(1, 0) + (1 − σ(1))/2·(−1, 0) = (σ(1) − 1, 0).
  //   W ← [[½ + 1 − σ(1), 0], [−(½ + 1 − σ(1)), 0]] and then mean CE = log(1 + e^{−2(3/2 − σ(1))}).
  const sigma1 = 1 / (1 + Math.exp(-1));
  const r = trainSoftmaxRegression({ points: [[1, 0], [-1, 0]], labels: [0, 1], learningRate: 1, iterations: 2 });

  it('records log 2, log(1 + e^{−1}) and log(1 + e^{−2(3/2 − σ(1))})', () => {
    expectClose(r.history.meanCrossEntropy[0] as number, Math.LN2, { rel: 1e-15 });
    expectClose(r.history.meanCrossEntropy[1] as number, Math.log1p(Math.exp(-1)), { rel: 1e-15 });
    expectClose(r.history.meanCrossEntropy[2] as number, Math.log1p(Math.exp(-2 * (1.5 - sigma1))), { rel: 1e-15 });
    expectClose(r.history.logLikelihood[1] as number, -2 * Math.log1p(Math.exp(-1)), { rel: 1e-15 });
  });

  it('ends at W = [[3/2 − σ(1), 0], [−(3/2 − σ(1)), 0]], b = 0, accuracy 1', () => {
    expectAllClose(r.weights, [1.5 - sigma1, 0, -(1.5 - sigma1), 0], { rel: 1e-15 });
    expectAllClose(r.bias, [0, 0], { abs: 1e-17 });
    expect(r.accuracy).toBe(1);
    expect(r.history.accuracy[0]).toBe(0.5); // ties go to class 0, as torch.argmax
  });
});

describe('softmaxRegressionDecisionGrid', () => {
  it('labels each cell with the argmax class of softmaxRegressionPredict', () => {
    const r = trainSoftmaxRegression({ points: blobs.points, labels: blobs.labels, learningRate: 0.5, iterations: 30 });
    const g = softmaxRegressionDecisionGrid(r, { xRange: [-5, 5], yRange: [-3, 6], nx: 7, ny: 5 });
    expect(g.x.length).toBe(7);
    expect(g.y.length).toBe(5);
    expectClose(g.x[6] as number, 5);
    for (let b = 0; b < 5; b++) {
      for (let a = 0; a < 7; a++) {
        const p = softmaxRegressionPredict(r, [g.x[a] as number, g.y[b] as number]);
        const best = p.indexOf(Math.max(...p));
        expect(g.labels[b * 7 + a]).toBe(best);
        expectClose(g.confidence[b * 7 + a] as number, p[best] as number, { rel: 1e-15 });
      }
    }
  });

  it('throws for a model that is not 2-D or a bad range', () => {
    const model = { classes: 2, dimension: 1, weights: new Float64Array(2), bias: new Float64Array(2) };
    expect(() => softmaxRegressionDecisionGrid(model, { xRange: [0, 1], yRange: [0, 1] })).toThrow(/must be 2-D/);
    const model2 = { classes: 2, dimension: 2, weights: new Float64Array(4), bias: new Float64Array(2) };
    expect(() => softmaxRegressionDecisionGrid(model2, { xRange: [1, 0], yRange: [0, 1] })).toThrow(/xRange must be \[min, max\] with min < max/);
    expect(() => softmaxRegressionPredict(model2, [[1, 2, 3]])).toThrow(/expects 2 coordinates per point, got 3/);
  });
});

describe('trainSoftmaxRegression edge cases', () => {
  it('zero iterations reports the starting point: log C at W = 0', () => {
    const r = trainSoftmaxRegression({ points: [0, 0, 1, 1, 2, 2], labels: [0, 1, 2], learningRate: 1, iterations: 0 });
    expect(r.history.meanCrossEntropy.length).toBe(1);
    expectClose(r.meanCrossEntropy, Math.log(3));
  });

  it('one point is fitted ever better', () => {
    const r = trainSoftmaxRegression({ points: [[2, -1]], labels: [1], classes: 2, learningRate: 0.5, iterations: 20 });
    expect(r.meanCrossEntropy).toBeLessThan(0.05);
  });

  it('points offset by 1e9 keep the loss finite (log-sum-exp is stable) even when the logits explode', () => {
    const pts = Array.from(blobs.points, (v) => v + 1e9);
    const r = trainSoftmaxRegression({ points: pts, labels: blobs.labels, learningRate: 1e-3, iterations: 5 });
    expect(r.history.meanCrossEntropy.every(Number.isFinite)).toBe(true);
  });

  it('parameters that overflow are reported as diverged, never as a silent NaN (the gradient is bounded, so only an absurd step gets there)', () => {
    const r = trainSoftmaxRegression({ points: blobs.points, labels: blobs.labels, learningRate: 1e308, iterations: 10 });
    expect(r.diverged).toBe(true);
    expect(r.iterations).toBeLessThan(10);
    expect(r.history.meanCrossEntropy.length).toBe(r.iterations + 1);
  });

  it('throws on bad input', () => {
    const base = { points: [[0, 0], [1, 1]], labels: [0, 1], learningRate: 0.1, iterations: 5 };
    expect(() => trainSoftmaxRegression({ ...base, points: [] })).toThrow(/trainSoftmaxRegression: points is empty/);
    expect(() => trainSoftmaxRegression({ ...base, points: [[0, Number.NaN], [1, 1]] })).toThrow(/points\[0\]\[1\] is NaN/);
    expect(() => trainSoftmaxRegression({ ...base, points: [[0, 0], [1]] })).toThrow(/every point must have 2 coordinates/);
    expect(() => trainSoftmaxRegression({ ...base, points: [0, 0, 1] })).toThrow(/must hold 2 numbers per point/);
    expect(() => trainSoftmaxRegression({ ...base, labels: [0] })).toThrow(/labels must have one entry per point \(2\), got 1/);
    expect(() => trainSoftmaxRegression({ ...base, labels: [0, 1.5] })).toThrow(/labels\[1\] is 1.5/);
    expect(() => trainSoftmaxRegression({ ...base, labels: [0, 2], classes: 2 })).toThrow(/a label is 2, but classes is 2/);
    expect(() => trainSoftmaxRegression({ ...base, learningRate: 0 })).toThrow(/learningRate must be a finite number greater than 0/);
    expect(() => trainSoftmaxRegression({ ...base, l2: -1 })).toThrow(/l2 must be ≥ 0/);
    expect(() => trainSoftmaxRegression({ ...base, init: { weights: [1], bias: [0, 0] } })).toThrow(/init.weights must hold classes × dimension = 4/);
  });
});
