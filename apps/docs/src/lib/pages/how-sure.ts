// Every number on the "How sure are we?" page, computed by @mle-lab/core when the site is built.
// test/pages.test.ts checks them against scipy/mpmath (test/fixtures/pages.py).
import { confidenceIntervals, createRandomState, fitDistribution, likelihoodTests, mean, normalPpf, quantile } from '@mle-lab/core';

/** np.random.seed(42); np.random.exponential(1 / 0.8, 10): ten waiting times, true rate 0.8. */
export function smallSample(): Float64Array {
  return createRandomState(42).exponential(1 / 0.8, 10);
}

/** The small sample as a widget's `data` attribute (full precision, so the widget refits the same numbers). */
export const smallData: string = Array.from(smallSample()).join(',');

function curvature() {
  const x = smallSample();
  const fit = fitDistribution(x, 'exponential');
  const wald = confidenceIntervals(x, fit, { method: 'wald' })['rate'];
  const profile = confidenceIntervals(x, fit)['rate'];
  const tests = likelihoodTests(x, fit, { rate: 1.5 });
  return {
    rate: fit.estimates['rate'] as number,
    se: fit.standardErrors['rate'] as number,
    logLikelihood: fit.logLikelihood,
    waldLower: wald?.lower as number,
    waldUpper: wald?.upper as number,
    profileLower: profile?.lower as number,
    profileUpper: profile?.upper as number,
    waldStatistic: tests.wald.statistic,
    waldP: tests.wald.pValue,
    lrStatistic: tests.likelihoodRatio.statistic,
    lrP: tests.likelihoodRatio.pValue,
    scoreStatistic: tests.score.statistic,
    scoreP: tests.score.pValue,
  };
}

/**
 * Coverage by repetition: 20 000 samples of n = 10 from an exponential with rate 1, drawn one after
 * another from np.random.seed(42); how often each 95 % interval misses the true rate below or above,
 * and the Wald interval built for the mean 1/rate instead (x̄ ± z·x̄/√n, the same fit reparametrised).
 */
function coverage() {
  const rs = createRandomState(42);
  const repetitions = 20_000;
  const z = normalPpf(0.975);
  let waldBelow = 0;
  let waldAbove = 0;
  let profileBelow = 0;
  let profileAbove = 0;
  let meanWaldMiss = 0;
  for (let r = 0; r < repetitions; r++) {
    const x = rs.exponential(1, 10);
    const fit = fitDistribution(x, 'exponential');
    const w = confidenceIntervals(x, fit, { method: 'wald' })['rate'] as { lower: number; upper: number };
    const p = confidenceIntervals(x, fit)['rate'] as { lower: number; upper: number };
    if (w.upper < 1) waldBelow++;
    if (w.lower > 1) waldAbove++;
    if (p.upper < 1) profileBelow++;
    if (p.lower > 1) profileAbove++;
    const xbar = mean(x);
    if (Math.abs(xbar - 1) > (z * xbar) / Math.sqrt(x.length)) meanWaldMiss++;
  }
  return {
    repetitions,
    wald: 1 - (waldBelow + waldAbove) / repetitions,
    waldBelow: waldBelow / repetitions,
    waldAbove: waldAbove / repetitions,
    profile: 1 - (profileBelow + profileAbove) / repetitions,
    profileBelow: profileBelow / repetitions,
    profileAbove: profileAbove / repetitions,
    meanWald: 1 - meanWaldMiss / repetitions,
  };
}

/**
 * A parametric bootstrap of the rate on the small sample: 2000 samples of 10 from the fitted model
 * (np.random.seed(7)), refitted; the 2.5 % and 97.5 % quantiles of the estimates.
 */
function bootstrap() {
  const x = smallSample();
  const rate = fitDistribution(x, 'exponential').estimates['rate'] as number;
  const rs = createRandomState(7);
  const estimates = new Float64Array(2000);
  for (let b = 0; b < estimates.length; b++) {
    estimates[b] = fitDistribution(rs.exponential(1 / rate, x.length), 'exponential').estimates['rate'] as number;
  }
  const [lower, upper] = quantile(estimates, [0.025, 0.975]) as Float64Array;
  return { replicates: estimates.length, lower: lower as number, upper: upper as number };
}

export const howSure = { curvature: curvature(), coverage: coverage(), bootstrap: bootstrap() };
