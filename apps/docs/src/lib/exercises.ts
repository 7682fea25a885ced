// The answers to every page's predict-then-check exercises, computed by @mle-lab/core when the site is
// built (never typed in). Pages import `answers` and show `fmt(answers.<page>.<name>)`; the test
// test/exercises.test.ts checks each against numpy/scipy (fixture test/fixtures/exercises.py).
import {
  boxplotStats,
  createRandomState,
  crossEntropy,
  gaussianKde,
  integrate,
  mean,
  normalCdf,
  normalIntervalProbability,
  normalMle,
  normalPdf,
  normalPpf,
  normalVarianceEstimatorExpectations,
  std,
} from '@mle-lab/core';

/** The course's sample: np.random.seed(42); np.random.normal(5, 2, n). */
function courseSample(n: number): Float64Array {
  return createRandomState(42).normal(5, 2, n);
}

function dataAnswers() {
  const x1000 = courseSample(1000);
  const x100 = courseSample(100);
  const box = boxplotStats(x1000);
  return {
    /** Scott bandwidth (factor × sample std) for n = 1000 and n = 100, seed 42. */
    bandwidth1000: gaussianKde(x1000).bandwidth,
    bandwidth100: gaussianKde(x100).bandwidth,
    /** Points drawn as outliers by the 1.5·IQR rule, n = 1000. */
    outliers: box.outliers.length,
    /** The share of a normal beyond the 1.5·IQR whiskers: Q3 + 1.5·IQR = 4·Φ⁻¹(0.75), both sides. */
    outlierShare: 2 * (1 - normalCdf(4 * normalPpf(0.75))),
  };
}

function closedFormAnswers() {
  const fit = normalMle(courseSample(10000));
  const bias = normalVarianceEstimatorExpectations(2, 5);
  return {
    /** ℓ''(μ̂) = −n/σ̂² for n = 10000, seed 42. */
    curvature10000: -fit.n / fit.sigma2,
    /** SE(μ̂) = σ̂/√n for n = 10000. */
    se10000: fit.sigma / Math.sqrt(fit.n),
    /** E[σ̂²] for σ = 2, n = 5: (n − 1)/n · σ². */
    expectedSigma2n5: bias.mle.mean,
  };
}

function densityAnswers() {
  return {
    /** The N(0, 0.1²) density at its peak. */
    peakSigma01: normalPdf(0, 0, 0.1),
    /** P(−1 < Z < 1) and P(−2 < Z < 2). */
    within1: normalIntervalProbability(-1, 1),
    within2: normalIntervalProbability(-2, 2),
  };
}

function gradientDescentAnswers() {
  const f1000 = normalMle(courseSample(1000));
  const f4000 = normalMle(courseSample(4000));
  return {
    /** The largest stable μ learning rate, 2σ̂²/n, for n = 1000 and n = 4000. */
    threshold1000: (2 * f1000.sigma2) / f1000.n,
    threshold4000: (2 * f4000.sigma2) / f4000.n,
  };
}

function beyondAnswers() {
  // x ~ N(1.5, 1), f = x², the score-function estimator of d/dμ E[f] with and without a baseline.
  const s = createRandomState(42).normal(1.5, 1, 100_000);
  const plain = new Float64Array(s.length);
  const fs = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) fs[i] = (s[i] as number) ** 2;
  const fbar = mean(fs);
  const based = new Float64Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const score = (s[i] as number) - 1.5;
    plain[i] = (fs[i] as number) * score;
    based[i] = ((fs[i] as number) - fbar) * score;
  }
  return {
    /** 3·log(n)/2: how much ℓ must rise for BIC to take one more 1-D component at n = 1000. */
    bicRise: (3 * Math.log(1000)) / 2,
    reinforceMean: mean(plain),
    reinforceBaselineMean: mean(based),
    reinforceSe: std(plain) / Math.sqrt(s.length),
    reinforceBaselineSe: std(based) / Math.sqrt(s.length),
  };
}

function normalPdfAnswers() {
  return {
    /** ∫ exp(−2x²) dx over the real line: √(π/2). */
    gaussianIntegralB2: integrate((x) => Math.exp(-2 * x * x), -Infinity, Infinity).value,
    /** The normalising constant A = √(B/π) for B = 2. */
    normaliserB2: Math.sqrt(2 / Math.PI),
  };
}

function crossEntropyAnswers() {
  return {
    /** CE of logits [3, 1, 0.2] with class 0, and of the same logits shifted by 10. */
    base: crossEntropy([3, 1, 0.2], 0),
    shifted: crossEntropy([13, 11, 10.2], 0),
    /** With label smoothing 0.1. */
    smoothed: crossEntropy([3, 1, 0.2], 0, { labelSmoothing: 0.1 }),
    /** Class 2, the least likely. */
    wrong: crossEntropy([3, 1, 0.2], 2),
  };
}

/** Every exercise answer, by page. */
export const answers = {
  data: dataAnswers(),
  closedForm: closedFormAnswers(),
  density: densityAnswers(),
  gradientDescent: gradientDescentAnswers(),
  beyond: beyondAnswers(),
  normalPdf: normalPdfAnswers(),
  crossEntropy: crossEntropyAnswers(),
};

/** A number for the page: `digits` significant digits, no float noise, a real minus sign. */
export function fmt(x: number, digits = 4): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return String(x).replace('-', '−');
  return Number(x.toPrecision(digits)).toString().replace('-', '−');
}
