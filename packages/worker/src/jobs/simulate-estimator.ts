// How sure, by repetition: m times "draw n from a family with the numpy-legacy seeded stream, fit by
// maximum likelihood, build Wald and profile intervals", with the estimates' histogram beside the
// asymptotic normal N(θ, (n·I(θ))⁻¹) and the running coverage of both intervals. Numbers from core.
import {
  asymptoticStandardErrors,
  confidenceIntervals,
  createRandomState,
  fitDistribution,
  getFamily,
  histogram,
  linspace,
  mean,
  normalPdfArray,
  normalVarianceEstimatorExpectations,
  quantile,
  std,
  variance,
} from '@mle-lab/core';
import { startJob, type JobContext } from '../job.ts';
import { inNestedWorker, nestedWorkersAvailable } from '../nested.ts';
import { withTransfer } from '../transfer.ts';

/** The families the sampling lab offers (those with a closed-form Fisher information in core). */
export type SimulationFamily = 'exponential' | 'poisson' | 'bernoulli' | 'normal' | 'gamma';

export interface SimulateEstimatorSpec {
  family: SimulationFamily;
  /** The true parameters in R's names, e.g. { rate: 1 } or { mean: 0, sd: 1 }. */
  params: Record<string, number>;
  /** The parameter whose estimator is studied. */
  parameter: string;
  /** Sample size of each repetition, 2 … 10,000. */
  n: number;
  /** Number of samples, 1 … 100,000 (and n·repetitions ≤ 10⁷). */
  repetitions: number;
  seed: number;
  /** Interval level in (0, 1). Default 0.95. */
  level?: number;
  /** How many intervals (the first ones) to return. Default 100. */
  keep?: number;
  /** Histogram bins. Default 50. */
  bins?: number;
}

/** The first repetitions' intervals (for drawing), each with whether it holds the truth. */
export interface KeptIntervals {
  estimate: Float64Array;
  waldLower: Float64Array;
  waldUpper: Float64Array;
  profileLower: Float64Array;
  profileUpper: Float64Array;
}

export interface SimulateEstimatorResult {
  family: SimulationFamily;
  parameter: string;
  n: number;
  repetitions: number;
  level: number;
  truth: number;
  /** Every repetition's estimate (NaN where the fit failed). */
  estimates: Float64Array;
  /** How many repetitions had no fit (e.g. a constant sample for the normal). */
  failed: number;
  /** The estimates' average and standard deviation (core mean/std over the fitted repetitions). */
  mean: number;
  std: number;
  /** The asymptotic standard error √[(n·I(θ))⁻¹]_jj. */
  asymptoticSe: number;
  histogram: { edges: Float64Array; density: Float64Array };
  /** N(θ, asymptoticSe²) on a grid across the histogram. */
  normal: { x: Float64Array; density: Float64Array };
  kept: KeptIntervals;
  /** Intervals that held the truth (a failed fit or an undefined interval counts as a miss). */
  covered: { wald: number; profile: number };
  /** Misses by side: the interval entirely below the truth, or entirely above it. */
  missedBelow: { wald: number; profile: number };
  missedAbove: { wald: number; profile: number };
  /** Running coverage after `at[k]` repetitions. */
  running: { at: Float64Array; wald: Float64Array; profile: Float64Array };
  /** The normal only: the MLE σ̂² (÷n) against its exact mean (n−1)σ²/n. */
  sigma2: { truth: number; expectedMle: number; meanMle: number } | null;
}

const FAMILIES: readonly SimulationFamily[] = ['exponential', 'poisson', 'bernoulli', 'normal', 'gamma'];
const MAX_DRAWS = 10_000_000;

function integer(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`simulateEstimator: ${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got ${String(value)}`);
  }
}

function checkSpec(spec: SimulateEstimatorSpec): number {
  const fn = 'simulateEstimator';
  if (typeof spec !== 'object' || spec === null) throw new TypeError(`${fn}: expected { family, params, parameter, n, repetitions, seed }, got ${String(spec)}`);
  if (!FAMILIES.includes(spec.family)) throw new RangeError(`${fn}: family must be one of ${FAMILIES.join(', ')}, got ${String(spec.family)}`);
  const names = getFamily(spec.family).parameters.map((p) => p.name);
  if (!names.includes(spec.parameter)) throw new RangeError(`${fn}: parameter must be one of the ${spec.family} family's parameters (${names.join(', ')}), got ${String(spec.parameter)}`);
  integer('n', spec.n, 2, 10_000);
  integer('repetitions', spec.repetitions, 1, 100_000);
  integer('keep', spec.keep ?? 100, 0, 1000);
  integer('bins', spec.bins ?? 50, 1, 1000);
  const level = spec.level ?? 0.95;
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new RangeError(`${fn}: level must be a number in (0, 1), got ${String(level)}`);
  if (spec.n * spec.repetitions > MAX_DRAWS) {
    throw new RangeError(`${fn}: n × repetitions must be at most ${MAX_DRAWS.toLocaleString('en-US')}, got ${(spec.n * spec.repetitions).toLocaleString('en-US')}`);
  }
  return level;
}

const holds = (lower: number, upper: number, truth: number) => lower <= truth && truth <= upper;

export const simulateEstimatorJobs = {
  /**
   * Repeats "draw n from the family (numpy's legacy sampler on one seeded RandomState, sample after
   * sample), fit, build Wald and profile intervals" `repetitions` times; reports progress in
   * repetitions and stops at once when cancelled (in a nested worker; in place, at the next checkpoint).
   */
  async simulateEstimator(spec: SimulateEstimatorSpec, job?: JobContext): Promise<SimulateEstimatorResult> {
    const level = checkSpec(spec);
    // In the page's worker the repetitions run in a nested worker that a cancel terminates (nested.ts):
    // one repetition at n = 10,000 (a draw, a fit, a profile interval) takes 20–60 ms, and the first
    // ones, before the JIT has compiled the fits, far longer.
    if (nestedWorkersAvailable()) {
      const fn = 'simulateEstimator';
      const outer = startJob(job, fn);
      try {
        return withTransfer(await inNestedWorker(fn, outer, (worker) => worker.client.simulateEstimator(spec, worker.control)));
      } finally {
        outer.finish();
      }
    }
    const { family, params, parameter, n, repetitions } = spec;
    const se = asymptoticStandardErrors(family, params, n)[parameter] as number;
    const truth = params[parameter] as number;
    const familyObject = getFamily(family);
    const keep = Math.min(spec.keep ?? 100, repetitions);
    const kept: KeptIntervals = {
      estimate: new Float64Array(keep),
      waldLower: new Float64Array(keep),
      waldUpper: new Float64Array(keep),
      profileLower: new Float64Array(keep),
      profileUpper: new Float64Array(keep),
    };
    const estimates = new Float64Array(repetitions);
    const variances = family === 'normal' ? new Float64Array(repetitions) : undefined;
    const step = Math.max(1, Math.ceil(repetitions / 500));
    const at: number[] = [];
    const runWald: number[] = [];
    const runProfile: number[] = [];
    let coveredWald = 0;
    let coveredProfile = 0;
    let failed = 0;
    const missedBelow = { wald: 0, profile: 0 };
    const missedAbove = { wald: 0, profile: 0 };
    const run = startJob(job, 'simulateEstimator');
    try {
      run.progress({ done: 0, total: repetitions }, true);
      const random = createRandomState(spec.seed);
      for (let r = 0; r < repetitions; r++) {
        const sample = familyObject.sample(random, params, n);
        if (variances) variances[r] = variance(sample);
        let estimate = NaN;
        let wald = { lower: NaN, upper: NaN };
        let profile = { lower: NaN, upper: NaN };
        try {
          const fit = fitDistribution(sample, family);
          estimate = fit.estimates[parameter] as number;
          wald = confidenceIntervals(sample, fit, { method: 'wald', level })[parameter] ?? wald;
          profile = confidenceIntervals(sample, fit, { method: 'profile', level })[parameter] ?? profile;
        } catch {
          failed++;
        }
        estimates[r] = estimate;
        if (holds(wald.lower, wald.upper, truth)) coveredWald++;
        if (holds(profile.lower, profile.upper, truth)) coveredProfile++;
        if (wald.upper < truth) missedBelow.wald++;
        if (wald.lower > truth) missedAbove.wald++;
        if (profile.upper < truth) missedBelow.profile++;
        if (profile.lower > truth) missedAbove.profile++;
        if (r < keep) {
          kept.estimate[r] = estimate;
          kept.waldLower[r] = wald.lower;
          kept.waldUpper[r] = wald.upper;
          kept.profileLower[r] = profile.lower;
          kept.profileUpper[r] = profile.upper;
        }
        if ((r + 1) % step === 0 || r === repetitions - 1) {
          at.push(r + 1);
          runWald.push(coveredWald / (r + 1));
          runProfile.push(coveredProfile / (r + 1));
        }
        if (run.due()) {
          run.progress({ done: r + 1, total: repetitions });
          await run.checkpoint();
        }
      }
      run.progress({ done: repetitions, total: repetitions }, true);
    } finally {
      run.finish();
    }
    const fitted = estimates.filter(Number.isFinite);
    const lo = fitted.length > 0 ? Math.min(quantile(fitted, 0.001), truth - 4 * se) : truth - 4 * se;
    const hi = fitted.length > 0 ? Math.max(quantile(fitted, 0.999), truth + 4 * se) : truth + 4 * se;
    const hist = fitted.length > 0 ? histogram(fitted, { bins: spec.bins ?? 50, range: [lo, hi], density: true }) : { edges: linspace(lo, hi, 2), counts: new Float64Array(1) };
    const grid = linspace(lo, hi, 201);
    const sigma2 =
      variances !== undefined
        ? {
            truth: normalVarianceEstimatorExpectations(params['sd'] as number, n).variance,
            expectedMle: normalVarianceEstimatorExpectations(params['sd'] as number, n).mle.mean,
            meanMle: mean(variances),
          }
        : null;
    return withTransfer({
      family,
      parameter,
      n,
      repetitions,
      level,
      truth,
      estimates,
      failed,
      mean: fitted.length > 0 ? mean(fitted) : NaN,
      std: fitted.length > 1 ? std(fitted) : NaN,
      asymptoticSe: se,
      histogram: { edges: hist.edges, density: hist.counts },
      normal: { x: grid, density: normalPdfArray(grid, truth, se) },
      kept,
      covered: { wald: coveredWald, profile: coveredProfile },
      missedBelow,
      missedAbove,
      running: { at: Float64Array.from(at), wald: Float64Array.from(runWald), profile: Float64Array.from(runProfile) },
      sigma2,
    });
  },
};
