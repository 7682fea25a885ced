// Every number on the "Beyond the normal" page, computed by @mle-lab/core when the site is built.
// test/pages.test.ts checks them against scipy/mpmath (test/fixtures/pages.py).
import { createRandomState, fitDistribution, mean, quantile } from '@mle-lab/core';

/** np.random.seed(42); np.random.exponential(2, 50): waiting times with rate 0.5. */
export function waitingTimes(): Float64Array {
  return createRandomState(42).exponential(2, 50);
}

/** Rounded to 4 decimals, as a measured data set would be (numpy: np.round(x, 4)). */
function round4(x: Float64Array): Float64Array {
  return x.map((v) => Number(v.toFixed(4)));
}

/** np.round(np.random.RandomState(42).gamma(2.5, 2, 200), 4): shape 2.5, rate 0.5. */
export function gammaSample(): Float64Array {
  return round4(createRandomState(42).gamma(2.5, 2, 200));
}

/** np.round(3 * np.random.RandomState(42).weibull(1.5, 200), 4): shape 1.5, scale 3. */
export function weibullSample(): Float64Array {
  return round4(createRandomState(42).weibull(1.5, 200).map((v) => 3 * v));
}

/** The two samples as the fit lab's `data` attribute. */
export const gammaData: string = Array.from(gammaSample()).join(',');
export const weibullData: string = Array.from(weibullSample()).join(',');
export const uniformData: string = Array.from(uniformSample()).join(',');
/** The first eight waiting times, to two decimals, for the likelihood explorer. */
export const waitingData: string = Array.from(waitingTimes().subarray(0, 8), (v) => v.toFixed(2)).join(',');

/** Five points whose Cauchy likelihood in the location (scale 1) has three peaks. */
export const CAUCHY_POINTS = [-4.6, -3.9, 0.3, 4.1, 5.2] as const;

/** np.random.seed(42); np.random.uniform(0, 10, 20). */
export function uniformSample(): Float64Array {
  return createRandomState(42).uniform(0, 10, 20);
}

function exponential() {
  const x = waitingTimes();
  const fit = fitDistribution(x, 'exponential');
  return { n: x.length, mean: mean(x), rate: fit.estimates['rate'] as number, rateSe: fit.standardErrors['rate'] as number };
}

function gamma() {
  const fit = fitDistribution(gammaSample(), 'gamma');
  return {
    shape: fit.estimates['shape'] as number,
    rate: fit.estimates['rate'] as number,
    shapeSe: fit.standardErrors['shape'] as number,
    rateSe: fit.standardErrors['rate'] as number,
    logLikelihood: fit.logLikelihood,
  };
}

function weibull() {
  const fit = fitDistribution(weibullSample(), 'weibull');
  return {
    shape: fit.estimates['shape'] as number,
    scale: fit.estimates['scale'] as number,
    shapeSe: fit.standardErrors['shape'] as number,
    scaleSe: fit.standardErrors['scale'] as number,
    logLikelihood: fit.logLikelihood,
  };
}

function cauchy() {
  const x = CAUCHY_POINTS;
  const fixed = { scale: 1 };
  const global = fitDistribution(x, 'cauchy', { fixed });
  const free = fitDistribution(x, 'cauchy');
  // The running mean and median of standard Cauchy draws: the mean never settles.
  const draws = createRandomState(42).standardCauchy(100_000);
  const at = (n: number) => draws.subarray(0, n);
  return {
    globalPeak: global.estimates['location'] as number,
    globalLogLikelihood: global.logLikelihood,
    freeLocation: free.estimates['location'] as number,
    freeScale: free.estimates['scale'] as number,
    freeLogLikelihood: free.logLikelihood,
    mean100: mean(at(100)),
    mean10000: mean(at(10_000)),
    mean100000: mean(at(100_000)),
    median100: quantile(at(100), 0.5) as number,
    median10000: quantile(at(10_000), 0.5) as number,
    median100000: quantile(at(100_000), 0.5) as number,
  };
}

function uniform() {
  const x = uniformSample();
  const fit = fitDistribution(x, 'uniform');
  return {
    n: x.length,
    min: fit.estimates['min'] as number,
    max: fit.estimates['max'] as number,
    /** E[max of n uniforms on (0, θ)] = n/(n + 1)·θ with θ = 10. */
    expectedMax: (x.length / (x.length + 1)) * 10,
  };
}

export const beyondNormal = {
  exponential: exponential(),
  gamma: gamma(),
  weibull: weibull(),
  cauchy: cauchy(),
  uniform: uniform(),
};

/** The fit's own words on why the uniform's endpoints have no standard error (shown on the page). */
export const uniformNote: string = fitDistribution(uniformSample(), 'uniform').notes['max'] ?? '';
export const uniformSe: number = fitDistribution(uniformSample(), 'uniform').standardErrors['max'] as number;
