// Gaussian mixtures by EM on a dataset kept in the worker: the picture behind the mixture lab (a
// histogram, a KDE and the single-normal MLE), EM one step at a time or run to convergence, and BIC
// for K = 1 … 4. Every number comes from core (fitGaussianMixture, emStep, gaussianMixturePdf).
import {
  emStep,
  fitGaussianMixture,
  gaussianMixturePdf,
  histogram,
  kdeGrid,
  normalMle,
  normalPdfArray,
  type GaussianMixtureInit,
  type HistogramBins,
  type KdeBandwidth,
} from '@mle-lab/core';
import { getDataset, type DatasetHandle } from '../datasets.ts';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

/** A mixture's parameters, K of each. */
export interface MixtureModel {
  weights: Float64Array;
  means: Float64Array;
  variances: Float64Array;
}

export interface MixtureOverviewOptions {
  /** Histogram bins. Default 'auto'. */
  bins?: HistogramBins;
  /** Points on the curves (seaborn's KDE support grid). Default 200. */
  gridSize?: number;
  /** KDE bandwidth rule or factor. Default 'scott'. */
  bandwidth?: KdeBandwidth;
  /** The mixture the data were drawn from, to draw its density. */
  truth?: GaussianMixtureInit;
}

/** The fixed part of the picture: data, KDE, the single-normal fit, the true density. */
export interface MixtureOverview {
  n: number;
  histogram: { edges: Float64Array; density: Float64Array };
  /** The grid every curve is drawn on: seaborn's KDE support (3 bandwidths past the data). */
  grid: Float64Array;
  kde: { density: Float64Array; bandwidth: number; factor: number };
  /** One normal fitted by maximum likelihood (K = 1), its density and BIC. */
  single: { mu: number; sigma: number; sigma2: number; logLikelihood: number; bic: number; pdf: Float64Array };
  /** The true mixture's density on the grid, when given. */
  truth: Float64Array | null;
}

/** One model along an EM run, with what the lab shows of it. */
export interface MixtureState {
  model: MixtureModel;
  /** Σ log p(xᵢ) under this model. */
  logLikelihood: number;
  /** −2ℓ + (3K − 1)·ln n. */
  bic: number;
  /** The mixture density on the overview's grid. */
  pdf: Float64Array;
}

export interface MixtureRun {
  /** ℓ after each iteration of this run (entry t: the model after t steps; entry 0 the starting model). */
  logLikelihood: Float64Array;
  /** Per-iteration models, (iterations + 1) × K row-major. */
  means: Float64Array;
  weights: Float64Array;
  variances: Float64Array;
  iterations: number;
  converged: boolean;
  final: MixtureState;
}

export interface MixtureBic {
  components: Float64Array;
  bic: Float64Array;
  logLikelihood: Float64Array;
  converged: boolean[];
}

function checkComponents(fn: string, value: unknown, max = 10): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
    throw new RangeError(`${fn}: components must be an integer from 1 to ${max}, got ${String(value)}`);
  }
  return value;
}

/** The state of one model: ℓ and BIC from core (a zero-iteration fit), the density on the grid. */
function stateOf(values: Float64Array, model: GaussianMixtureInit, grid: ArrayLike<number>): MixtureState {
  const fit = fitGaussianMixture(values, { components: model.weights.length, init: model, maxIterations: 0 });
  return {
    model: { weights: Float64Array.from(fit.weights), means: Float64Array.from(fit.means), variances: Float64Array.from(fit.variances) },
    logLikelihood: fit.logLikelihood,
    bic: fit.bic,
    pdf: gaussianMixturePdf(model, grid),
  };
}

export const mixtureJobs = {
  /** Histogram, KDE, the single-normal MLE and the true density of a dataset, all on one grid. */
  mixtureOverview(handle: DatasetHandle, options: MixtureOverviewOptions = {}): MixtureOverview {
    const { values } = getDataset('mixtureOverview', handle);
    const counts = histogram(values, { bins: options.bins ?? 'auto', density: true });
    const kde = kdeGrid(values, { gridSize: options.gridSize ?? 200, bandwidth: options.bandwidth ?? 'scott' });
    const mle = normalMle(values);
    const single = fitGaussianMixture(values, { components: 1, maxIterations: 0, init: { weights: [1], means: [mle.mu], variances: [mle.sigma2] } });
    return withTransfer({
      n: values.length,
      histogram: { edges: counts.edges, density: counts.counts },
      grid: kde.x,
      kde: { density: kde.density, bandwidth: kde.bandwidth, factor: kde.factor },
      single: { mu: mle.mu, sigma: mle.sigma, sigma2: mle.sigma2, logLikelihood: mle.logLikelihood, bic: single.bic, pdf: normalPdfArray(kde.x, mle.mu, mle.sigma) },
      truth: options.truth ? gaussianMixturePdf(options.truth, kde.x) : null,
    });
  },

  /** EM's starting model (k-means++ from `seed`, as scikit-learn) and its state. */
  mixtureInit(handle: DatasetHandle, options: { components: number; seed?: number; grid: ArrayLike<number> }): MixtureState {
    const fn = 'mixtureInit';
    const { values } = getDataset(fn, handle);
    const components = checkComponents(fn, options?.components);
    // Zero iterations: the k-means++ starting model, with its log-likelihood and BIC.
    const start = fitGaussianMixture(values, { components, maxIterations: 0, seed: options.seed ?? 0 });
    return withTransfer({
      model: { weights: start.weights, means: start.means, variances: start.variances },
      logLikelihood: start.logLikelihood,
      bic: start.bic,
      pdf: gaussianMixturePdf(start, options.grid),
    });
  },

  /** One EM iteration (E-step then M-step) from `model`, and the new model's state. */
  mixtureStep(handle: DatasetHandle, options: { model: GaussianMixtureInit; grid: ArrayLike<number> }): MixtureState {
    const { values } = getDataset('mixtureStep', handle);
    const { model } = emStep(values, options.model);
    return withTransfer(stateOf(values, model, options.grid));
  },

  /** EM from `model` until the mean log-likelihood changes by less than `tolerance` (or maxIterations). */
  mixtureRun(
    handle: DatasetHandle,
    options: { model: GaussianMixtureInit; grid: ArrayLike<number>; maxIterations?: number; tolerance?: number },
  ): MixtureRun {
    const { values } = getDataset('mixtureRun', handle);
    const fit = fitGaussianMixture(values, {
      components: options.model.weights.length,
      init: options.model,
      maxIterations: options.maxIterations ?? 500,
      tolerance: options.tolerance ?? 1e-10,
    });
    return withTransfer({
      logLikelihood: fit.history.logLikelihood,
      means: fit.history.means,
      weights: fit.history.weights,
      variances: fit.history.variances,
      iterations: fit.iterations,
      converged: fit.converged,
      final: {
        model: { weights: fit.weights, means: fit.means, variances: fit.variances },
        logLikelihood: fit.logLikelihood,
        bic: fit.bic,
        pdf: gaussianMixturePdf(fit, options.grid),
      },
    });
  },

  /** BIC of the EM fit for K = 1 … maxComponents (k-means++ starts from `seed`), with progress per K. */
  async mixtureBic(handle: DatasetHandle, options: { maxComponents?: number; seed?: number } = {}, job?: JobContext): Promise<MixtureBic> {
    const fn = 'mixtureBic';
    const { values } = getDataset(fn, handle);
    const max = checkComponents(fn, options.maxComponents ?? 4);
    const run = startJob(job, 'mixtureBic');
    try {
      const result: MixtureBic = {
        components: new Float64Array(max),
        bic: new Float64Array(max),
        logLikelihood: new Float64Array(max),
        converged: [],
      };
      for (let k = 1; k <= max; k++) {
        const fit = fitGaussianMixture(values, { components: k, seed: options.seed ?? 0, maxIterations: 500, tolerance: 1e-6 });
        result.components[k - 1] = k;
        result.bic[k - 1] = fit.bic;
        result.logLikelihood[k - 1] = fit.logLikelihood;
        result.converged.push(fit.converged);
        run.progress({ done: k, total: max }, true);
        await run.checkpoint();
      }
      return withTransfer(result);
    } finally {
      run.finish();
    }
  },
};
