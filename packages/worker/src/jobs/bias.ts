// The bias of the variance MLE: repeat "draw n values, estimate σ²" many times and keep both
// estimates of each sample — σ̂² (÷n, the MLE) and s² (÷(n−1)). Every number comes from core.
import { createRandomState, histogram, mean, normalMle, normalVarianceEstimatorExpectations, quantile, std, variance } from '@mle-lab/core';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

/** One bias experiment: `repetitions` samples of size `n` from N(0, σ²), seeded. */
export interface BiasSpec {
  seed: number;
  /** Sample size of each repetition, 2 … 10,000. */
  n: number;
  /** True standard deviation σ > 0. */
  sigma: number;
  /** Number of samples, 1 … 1,000,000 (and n·repetitions ≤ 10⁸). */
  repetitions: number;
  /** Histogram bins shared by both estimates. Default 60. */
  bins?: number;
}

/** The spread of one estimator over the repetitions. */
export interface EstimatorDistribution {
  /** The estimate of each repetition. */
  values: Float64Array;
  /** Their average (core `mean`). */
  mean: number;
  /** Their standard deviation (core `std`, ddof 0). */
  std: number;
  /** Counts on the shared `edges`. */
  counts: Float64Array;
}

export interface BiasResult {
  n: number;
  sigma: number;
  repetitions: number;
  /** The true variance σ². */
  sigma2: number;
  /** The theory's mean of the MLE σ̂²: (n−1)σ²/n. */
  expectedMle: number;
  /** Histogram edges shared by both estimates (up to the 99.5th percentile of all of them). */
  edges: Float64Array;
  /** σ̂² = Σ(x − x̄)²/n of each repetition (core `normalMle(x).sigma2`). */
  mle: EstimatorDistribution;
  /** s² = Σ(x − x̄)²/(n − 1) of each repetition (core `variance(x, { ddof: 1 })`). */
  unbiased: EstimatorDistribution;
}

const MAX_DRAWS = 100_000_000;

function integer(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`biasSimulation: ${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got ${String(value)}`);
  }
}

function checkSpec(spec: BiasSpec): void {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError(`biasSimulation: expected { seed, n, sigma, repetitions }, got ${String(spec)}`);
  }
  integer('n', spec.n, 2, 10_000);
  integer('repetitions', spec.repetitions, 1, 1_000_000);
  integer('bins', spec.bins ?? 60, 1, 1000);
  if (typeof spec.sigma !== 'number' || !(spec.sigma > 0) || !Number.isFinite(spec.sigma)) {
    throw new RangeError(`biasSimulation: sigma must be a finite number greater than 0, got ${String(spec.sigma)}`);
  }
  if (spec.n * spec.repetitions > MAX_DRAWS) {
    throw new RangeError(
      `biasSimulation: n × repetitions must be at most ${MAX_DRAWS.toLocaleString('en-US')}, got ${(spec.n * spec.repetitions).toLocaleString('en-US')}`,
    );
  }
}

export const biasJobs = {
  /**
   * Draws `repetitions` samples of size n from one seeded stream — numpy's
   * `np.random.RandomState(seed).normal(0, sigma, (repetitions, n))`, row by row — and returns σ̂²
   * and s² of each row with their averages and a shared histogram. Reports progress in repetitions
   * and stops at the next checkpoint when cancelled.
   */
  async biasSimulation(spec: BiasSpec, job?: JobContext): Promise<BiasResult> {
    checkSpec(spec);
    const { n, sigma, repetitions } = spec;
    const run = startJob(job, 'biasSimulation');
    try {
      const random = createRandomState(spec.seed);
      const mleValues = new Float64Array(repetitions);
      const unbiasedValues = new Float64Array(repetitions);
      for (let r = 0; r < repetitions; r++) {
        const sample = random.normal(0, sigma, n);
        mleValues[r] = normalMle(sample).sigma2;
        unbiasedValues[r] = variance(sample, { ddof: 1 });
        if (run.due()) {
          run.progress({ done: r + 1, total: repetitions });
          await run.checkpoint();
        }
      }
      run.progress({ done: repetitions, total: repetitions }, true);
      // One set of edges for both, so the two histograms can be compared bar by bar; the far right
      // tail (n = 2 gives a χ²₁ shape) would squash the picture, so the edges stop at the 99.5th percentile.
      const both = new Float64Array(2 * repetitions);
      both.set(mleValues);
      both.set(unbiasedValues, repetitions);
      const range: [number, number] = [quantile(both, 0), quantile(both, 0.995)];
      const { edges } = histogram(both, { bins: spec.bins ?? 60, range });
      const distribution = (values: Float64Array): EstimatorDistribution => ({
        values,
        mean: mean(values),
        std: std(values),
        counts: histogram(values, { bins: edges }).counts,
      });
      // The theory's σ² and E[σ̂²] = (n−1)σ²/n, stated for the chart (not estimated): core's closed forms.
      const theory = normalVarianceEstimatorExpectations(sigma, n);
      return withTransfer({
        n,
        sigma,
        repetitions,
        sigma2: theory.variance,
        expectedMle: theory.mle.mean,
        edges,
        mle: distribution(mleValues),
        unbiased: distribution(unbiasedValues),
      });
    } finally {
      run.finish();
    }
  },
};
