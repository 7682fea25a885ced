// The normal log-likelihood of a dataset kept in the worker: its one-parameter slices ℓ(μ) and
// ℓ(σ²) through the MLE, the score at any point, and the Fisher-information standard errors with
// Wald intervals. Every number comes from core; the sample's sufficient statistics are computed once
// per dataset, so each curve or score costs O(1) per point however large the sample.
import {
  normalLogLikelihoodSliceMu,
  normalLogLikelihoodSliceSigma2,
  normalLogLikelihoodSliceWindow,
  normalStandardErrors,
  normalSufficientStats,
  normalVarianceEstimatorExpectations,
  normalWaldInterval,
  type NormalSufficientStats,
} from '@mle-lab/core';
import { getDataset, type DatasetHandle } from '../datasets.ts';
import { withTransfer } from '../transfer.ts';

/** Which parameter a slice varies; the other is held at its MLE. */
export type LikelihoodParameter = 'mu' | 'sigma2';

export interface LikelihoodCurveOptions {
  /** Points on each slice. Default 201. */
  points?: number;
}

/** ℓ along one parameter, the other held at its MLE. */
export interface LikelihoodSlice {
  parameter: LikelihoodParameter;
  /** The value the other parameter is held at (σ̂² for ℓ(μ), μ̂ for ℓ(σ²)). */
  fixed: number;
  x: Float64Array;
  logLikelihood: Float64Array;
  /** Where the slice is largest (the MLE) and its value there. */
  maximiser: number;
  maximum: number;
  /** ℓ'' at the maximiser: negative, so the stationary point is a maximum. */
  secondDerivative: number;
}

export interface LikelihoodCurves {
  n: number;
  mle: { mu: number; sigma2: number; sigma: number; logLikelihood: number };
  mu: LikelihoodSlice;
  sigma2: LikelihoodSlice;
}

/** ℓ and its slope (the score) at one point of a slice. */
export interface ScoreAt {
  parameter: LikelihoodParameter;
  value: number;
  logLikelihood: number;
  score: number;
}

/** An estimate with its standard error (from the Fisher information) and Wald interval. */
export interface EstimateWithError {
  estimate: number;
  standardError: number;
  lower: number;
  upper: number;
}

export interface NormalFisherSummary {
  n: number;
  level: number;
  /** The normal quantile z with P(|Z| ≤ z) = level. */
  z: number;
  mu: EstimateWithError;
  sigma2: EstimateWithError;
  sigma: EstimateWithError;
  /** The parameters the data were drawn with, when the worker generated them. */
  truth: { mu: number; sigma2: number; sigma: number } | null;
}

const statsOf = new WeakMap<Float64Array, NormalSufficientStats>();

/** The dataset's sufficient statistics { n, mean, m2 }, computed once per dataset. */
function sufficientStats(fn: string, handle: DatasetHandle): NormalSufficientStats {
  const { values } = getDataset(fn, handle);
  let stats = statsOf.get(values);
  if (!stats) {
    stats = normalSufficientStats(values);
    statsOf.set(values, stats);
  }
  return stats;
}

/** Checks an integer option. */
function integerOption(fn: string, name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${fn}: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** A confidence level in (0, 1). */
function levelOption(fn: string, value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value < 1)) {
    throw new RangeError(`${fn}: level must be a number in (0, 1), got ${String(value)}`);
  }
  return value;
}

/** A slice's window: a wide Wald interval around the MLE (z ≈ 4 standard errors for level 0.99994). */
const WINDOW_LEVEL = 0.99994;
/** ℓ(σ²) is only defined for σ² > 0: for small n the window's left end stops at this fraction of σ̂². */
const SIGMA2_FLOOR = 0.05;

export const likelihoodJobs = {
  /**
   * The slices ℓ(μ; σ² = σ̂²) and ℓ(σ²; μ = μ̂) of a dataset's normal log-likelihood (constant
   * included), each over μ̂ ± 4·SE or σ̂² ± 4·SE (core's Wald interval), with the maximiser, the maximum
   * and the second derivative there (core's slice curvature).
   */
  likelihoodCurves(handle: DatasetHandle, options: LikelihoodCurveOptions = {}): LikelihoodCurves {
    const fn = 'likelihoodCurves';
    const points = integerOption(fn, 'points', options.points ?? 201, 3, 10_001);
    const stats = sufficientStats(fn, handle);
    const mle = normalStandardErrors(stats);
    const muWindow = normalLogLikelihoodSliceWindow(stats, 'mu', { level: WINDOW_LEVEL, n: points });
    const sigma2Window = normalLogLikelihoodSliceWindow(stats, 'sigma2', { level: WINDOW_LEVEL, sigma2Floor: SIGMA2_FLOOR, n: points });
    const muSlice = normalLogLikelihoodSliceMu(stats, muWindow, { sigma2: mle.sigma2 });
    const sigma2Slice = normalLogLikelihoodSliceSigma2(stats, sigma2Window, { mu: mle.mu });
    const muPeak = normalLogLikelihoodSliceMu(stats, [mle.mu], { sigma2: mle.sigma2 });
    const sigma2Peak = normalLogLikelihoodSliceSigma2(stats, [mle.sigma2], { mu: mle.mu });
    return withTransfer({
      n: stats.n,
      mle: { mu: mle.mu, sigma2: mle.sigma2, sigma: mle.sigma, logLikelihood: muPeak.logLikelihood[0] as number },
      mu: {
        parameter: 'mu',
        fixed: mle.sigma2,
        x: muSlice.grid,
        logLikelihood: muSlice.logLikelihood,
        maximiser: mle.mu,
        maximum: muPeak.logLikelihood[0] as number,
        secondDerivative: muPeak.curvature[0] as number,
      },
      sigma2: {
        parameter: 'sigma2',
        fixed: mle.mu,
        x: sigma2Slice.grid,
        logLikelihood: sigma2Slice.logLikelihood,
        maximiser: mle.sigma2,
        maximum: sigma2Peak.logLikelihood[0] as number,
        secondDerivative: sigma2Peak.curvature[0] as number,
      },
    } satisfies LikelihoodCurves);
  },

  /** ℓ and the score ∂ℓ/∂θ at `value` along one slice (the other parameter at its MLE). */
  likelihoodScore(handle: DatasetHandle, at: { parameter: LikelihoodParameter; value: number }): ScoreAt {
    const fn = 'likelihoodScore';
    const stats = sufficientStats(fn, handle);
    if (typeof at !== 'object' || at === null || (at.parameter !== 'mu' && at.parameter !== 'sigma2')) {
      throw new RangeError(`${fn}: parameter must be 'mu' or 'sigma2'`);
    }
    const { mu, sigma2 } = normalStandardErrors(stats);
    const slice =
      at.parameter === 'mu'
        ? normalLogLikelihoodSliceMu(stats, [at.value], { sigma2 })
        : normalLogLikelihoodSliceSigma2(stats, [at.value], { mu });
    return {
      parameter: at.parameter,
      value: at.value,
      logLikelihood: slice.logLikelihood[0] as number,
      score: slice.score[0] as number,
    };
  },

  /** μ̂, σ̂², σ̂ with standard errors from the Fisher information and Wald intervals at `level` (default 0.95). */
  normalFisher(handle: DatasetHandle, options: { level?: number } = {}): NormalFisherSummary {
    const fn = 'normalFisher';
    const level = levelOption(fn, options.level ?? 0.95);
    const stats = sufficientStats(fn, handle);
    const { origin } = getDataset(fn, handle);
    const interval = (parameter: 'mu' | 'sigma2' | 'sigma'): EstimateWithError => {
      const w = normalWaldInterval(stats, { parameter, level });
      return { estimate: w.estimate, standardError: w.standardError, lower: w.lower, upper: w.upper };
    };
    const mu = normalWaldInterval(stats, { parameter: 'mu', level });
    const truth =
      origin.kind === 'normal' && origin.mu !== undefined && origin.sigma !== undefined
        ? { mu: origin.mu, sigma: origin.sigma, sigma2: normalVarianceEstimatorExpectations(origin.sigma, stats.n).variance }
        : null;
    return {
      n: stats.n,
      level,
      z: mu.z,
      mu: interval('mu'),
      sigma2: interval('sigma2'),
      sigma: interval('sigma'),
      truth,
    };
  },
};
