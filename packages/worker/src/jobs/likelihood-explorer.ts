// What a likelihood is, point by point: each value's density under one candidate model, their product
// and sum of logs, the candidate's density curve, and the MLE to jump to. Every number from core.
import { fitDistribution, likelihoodTerms, linspace } from '@mle-lab/core';
import { withTransfer } from '../transfer.ts';

/** The models the explorer offers, by R's family name. */
export type ExplorerFamily = 'bernoulli' | 'poisson' | 'exponential' | 'normal';

export interface LikelihoodExplorerSpec {
  family: ExplorerFamily;
  /** The points (1 … 1000 finite numbers in the family's support). */
  data: readonly number[];
  /** The candidate's parameters in R's names: { prob }, { lambda }, { rate }, { mean, sd }. */
  params: Record<string, number>;
  /** The x-range of the density curve (a continuous family); default: the data's range. */
  range?: readonly [number, number];
}

export interface LikelihoodExplorerResult {
  family: ExplorerFamily;
  /** f(xᵢ; θ) for each point, and its log. */
  density: Float64Array;
  logDensity: Float64Array;
  /** ℓ(θ) = Σ log f(xᵢ; θ) and L(θ) = ∏ f(xᵢ; θ). */
  logLikelihood: number;
  likelihood: number;
  /** The candidate's density (or probabilities on the integers) over the plotted range. */
  curve: { x: Float64Array; density: Float64Array };
  /** The MLE and ℓ there; null (with the reason) when it does not exist for these data. */
  mle: { estimates: Record<string, number>; logLikelihood: number } | null;
  mleProblem: string;
}

const FAMILIES: readonly ExplorerFamily[] = ['bernoulli', 'poisson', 'exponential', 'normal'];

function checkSpec(spec: LikelihoodExplorerSpec): void {
  const fn = 'likelihoodExplorer';
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`${fn}: expected { family, data, params }, got ${String(spec)}`);
  if (!FAMILIES.includes(spec.family)) throw new RangeError(`${fn}: family must be one of ${FAMILIES.join(', ')}, got ${String(spec.family)}`);
  if (!Array.isArray(spec.data) || spec.data.length < 1 || spec.data.length > 1000) {
    throw new RangeError(`${fn}: data must be an array of 1 to 1,000 numbers, got ${Array.isArray(spec.data) ? `${spec.data.length} values` : String(spec.data)}`);
  }
}

export const likelihoodExplorerJobs = {
  /**
   * Each point's density under the candidate `params`, the product and the log-likelihood, the
   * candidate's curve (201 points; the integers for a discrete family) and the MLE (core's
   * `likelihoodTerms`, `fitDistribution`). Instant for the explorer's 5–30 points.
   */
  likelihoodExplorer(spec: LikelihoodExplorerSpec): LikelihoodExplorerResult {
    checkSpec(spec);
    const terms = likelihoodTerms(spec.data, spec.family, spec.params);
    const lo = spec.range?.[0] ?? Math.min(...spec.data);
    const hi = spec.range?.[1] ?? Math.max(...spec.data);
    const x =
      spec.family === 'bernoulli'
        ? Float64Array.of(0, 1)
        : spec.family === 'poisson'
          ? linspace(0, Math.max(0, Math.ceil(hi)), Math.max(0, Math.ceil(hi)) + 1)
          : linspace(lo, hi, 201);
    const curve = likelihoodTerms(x, spec.family, spec.params).density;
    let mle: LikelihoodExplorerResult['mle'] = null;
    let mleProblem = '';
    try {
      const fit = fitDistribution(spec.data, spec.family);
      mle = { estimates: { ...fit.estimates } as Record<string, number>, logLikelihood: fit.logLikelihood };
    } catch (error) {
      mleProblem = error instanceof Error ? error.message : String(error);
    }
    return withTransfer({
      family: spec.family,
      density: terms.density,
      logDensity: terms.logDensity,
      logLikelihood: terms.logLikelihood,
      likelihood: terms.likelihood,
      curve: { x, density: curve },
      mle,
      mleProblem,
    });
  },
};
