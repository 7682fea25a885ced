// Wald, likelihood ratio and score on one (profile) log-likelihood curve: the curve and its quadratic
// approximation once per dataset, then the three tests and the slope at each null the reader tries.
// Every number comes from core (fitDistribution, profileLogLikelihood, likelihoodTests, linspace).
import { fitDistribution, likelihoodTests, linspace, profileLogLikelihood, type ChiSquareTest, type DistributionFit } from '@mle-lab/core';

/** A family's name as core's fitDistribution takes it (R's spelling). */
type FamilyName = Extract<Parameters<typeof fitDistribution>[1], string>;
import { withTransfer } from '../transfer.ts';

export interface TestsCurveSpec {
  family: FamilyName;
  /** The data (1 … 100,000 finite numbers in the family's support). */
  data: readonly number[];
  /** The tested parameter (R's name); the family's other free parameters are profiled out. */
  parameter: string;
  /** A null value to keep inside the plotted range. */
  include?: number;
  /** Points on the curve. Default 161. */
  points?: number;
}

export interface TestsCurve {
  parameter: string;
  /** The MLE of every parameter, ℓ there and the tested parameter's standard error. */
  estimates: Record<string, number>;
  logLikelihood: number;
  standardError: number;
  /** θ on the grid, the profile ℓ_p(θ) and the Wald quadratic ℓ̂ − W(θ)/2 (core's Wald statistic at each θ). */
  x: Float64Array;
  profile: Float64Array;
  quadratic: Float64Array;
}

export interface TestsAtNullSpec {
  family: FamilyName;
  data: readonly number[];
  parameter: string;
  /** The hypothesised value θ₀. */
  value: number;
}

export interface TestsAtNull {
  value: number;
  wald: ChiSquareTest;
  likelihoodRatio: ChiSquareTest;
  score: ChiSquareTest;
  /** ℓ_p(θ₀) and its slope there (the score U(θ₀), the others at their restricted MLE). */
  profileAtNull: number;
  slopeAtNull: number;
  /** The restricted MLE under H₀. */
  restricted: Record<string, number>;
}

/** Where each tested parameter lives (the grid stays strictly inside); any other parameter is real. */
const DOMAINS: Record<string, 'positive' | 'probability'> = { prob: 'probability', rate: 'positive', lambda: 'positive', sd: 'positive', shape: 'positive', scale: 'positive', sdlog: 'positive' };

function checkData(fn: string, data: unknown): void {
  if (!Array.isArray(data) || data.length < 1 || data.length > 100_000) {
    throw new RangeError(`${fn}: data must be an array of 1 to 100,000 numbers, got ${Array.isArray(data) ? `${data.length} values` : String(data)}`);
  }
}

/** The fit and the tested parameter's domain edges (a grid must stay strictly inside them). */
function fitFor(fn: string, spec: { family: FamilyName; data: readonly number[]; parameter: string }): DistributionFit {
  checkData(fn, spec.data);
  const fit = fitDistribution(spec.data, spec.family);
  if (!fit.parameters.includes(spec.parameter)) {
    throw new RangeError(`${fn}: parameter must be one of the ${spec.family} family's parameters (${fit.parameters.join(', ')}), got ${String(spec.parameter)}`);
  }
  return fit;
}

export const likelihoodTestsJobs = {
  /**
   * The profile log-likelihood of `parameter` and the Wald quadratic over θ̂ ± 4 SE (widened to hold
   * `include`, kept inside the parameter's domain).
   */
  testsCurve(spec: TestsCurveSpec): TestsCurve {
    const fn = 'testsCurve';
    const fit = fitFor(fn, spec);
    const estimate = fit.estimates[spec.parameter] as number;
    const se = fit.standardErrors[spec.parameter] as number;
    if (!(se > 0) || !Number.isFinite(se)) {
      throw new RangeError(`${fn}: the ${spec.parameter} estimate ${estimate} has no standard error here (${fit.notes[spec.parameter] ?? 'the model is not regular at this estimate'}), so the tests are not defined`);
    }
    const include = typeof spec.include === 'number' && Number.isFinite(spec.include) ? spec.include : estimate;
    let lo = Math.min(estimate - 4 * se, include - se);
    let hi = Math.max(estimate + 4 * se, include + se);
    const kind = DOMAINS[spec.parameter] ?? 'real';
    const edges = kind === 'real' ? undefined : kind === 'probability' ? [0, 1] : [0, Infinity];
    if (edges) {
      const margin = Math.min(estimate, se) * 1e-3;
      lo = Math.max(lo, (edges[0] as number) + margin);
      hi = Math.min(hi, (edges[1] as number) - (kind === 'probability' ? margin : 0));
    }
    const x = linspace(lo, hi, spec.points ?? 161);
    const profile = profileLogLikelihood(spec.data, fit, spec.parameter, x);
    const quadratic = x.map((v) => fit.logLikelihood - likelihoodTests(spec.data, fit, { [spec.parameter]: v }).wald.statistic / 2);
    return withTransfer({
      parameter: spec.parameter,
      estimates: { ...fit.estimates } as Record<string, number>,
      logLikelihood: fit.logLikelihood,
      standardError: se,
      x,
      profile: profile.logLikelihood,
      quadratic,
    });
  },

  /** Core's `likelihoodTests` of H₀: parameter = value, with ℓ_p and its slope at the null. */
  testsAtNull(spec: TestsAtNullSpec): TestsAtNull {
    const fn = 'testsAtNull';
    const fit = fitFor(fn, spec);
    const tests = likelihoodTests(spec.data, fit, { [spec.parameter]: spec.value });
    const at = profileLogLikelihood(spec.data, fit, spec.parameter, [spec.value]);
    return {
      value: spec.value,
      wald: tests.wald,
      likelihoodRatio: tests.likelihoodRatio,
      score: tests.score,
      profileAtNull: at.logLikelihood[0] as number,
      slopeAtNull: at.slope[0] as number,
      restricted: { ...tests.restricted } as Record<string, number>,
    };
  },
};
