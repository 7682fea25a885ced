import type { FamilyName } from '../../src/families/family.ts';
import type { DistributionFit } from '../../src/fitting/fit-result.ts';

/** A DistributionFit at given estimates (e.g. R's), so plot data and GOF can be checked apart from fitting. */
export function fitAt(family: string, estimates: Record<string, number>, n: number): DistributionFit {
  return {
    family: family as FamilyName,
    parameters: Object.keys(estimates),
    estimates,
    fixed: {},
    standardErrors: {},
    covariance: new Float64Array(0),
    logLikelihood: Number.NaN,
    aic: Number.NaN,
    bic: Number.NaN,
    n,
    converged: true,
    iterations: 0,
    method: 'newton',
    notes: {},
  };
}
