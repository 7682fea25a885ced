import type { FamilyName, FamilyParams } from '../families/family.ts';

// The shape of a maximum-likelihood fit (DESIGN.md, "Fitting and inference"). `fitDistribution`
// returns it; confidenceIntervals, likelihoodTests, goodnessOfFit and compareFits take it.

/** How the estimate was found. */
export type FitMethod = 'closed-form' | 'newton' | 'boundary';

export interface DistributionFit {
  readonly family: FamilyName;
  /** The free (estimated) parameters, in the family's order. */
  readonly parameters: readonly string[];
  /** Every parameter's value, fixed ones included. */
  readonly estimates: FamilyParams;
  /** Fixed parameters as given. */
  readonly fixed: FamilyParams;
  /** Standard error of each free parameter (NaN where the model is not regular; see `notes`). */
  readonly standardErrors: FamilyParams;
  /** Covariance of the free parameters (row-major, parameters.length²), from the observed information. */
  readonly covariance: Float64Array;
  readonly logLikelihood: number;
  readonly aic: number;
  readonly bic: number;
  readonly n: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly method: FitMethod;
  /** Why a standard error is NaN or the fit is not trustworthy, by parameter (or '' for the fit as a whole). */
  readonly notes: Readonly<Record<string, string>>;
}
