// Every number on the "From a coin to counts" page, computed by @mle-lab/core when the site is built.
// test/pages.test.ts checks them against scipy (test/fixtures/pages.py).
import { createRandomState, fitDistribution, logBeta, mean, variance } from '@mle-lab/core';

/** Ten tosses of a coin, 1 = heads: seven heads. */
export const COIN = [1, 1, 0, 1, 1, 1, 0, 1, 0, 1] as const;

/**
 * Deaths by horse kick in 10 Prussian army corps over 20 years (1875–1894), 200 corps-years:
 * 109 with none, 65 with one, 22 with two, 3 with three, 1 with four. Bortkiewicz, "Das Gesetz der
 * kleinen Zahlen" (1898); public domain.
 */
export const HORSE_KICKS: readonly number[] = [
  ...Array<number>(109).fill(0),
  ...Array<number>(65).fill(1),
  ...Array<number>(22).fill(2),
  ...Array<number>(3).fill(3),
  ...Array<number>(1).fill(4),
];

/** np.random.seed(42); np.random.negative_binomial(2, 0.4, 200): mean 3, variance 7.5. */
export function overdispersedCounts(): Float64Array {
  return createRandomState(42).negativeBinomial(2, 0.4, 200);
}

function coin() {
  const fit = fitDistribution(COIN, 'bernoulli');
  const k = COIN.filter((v) => v === 1).length;
  const n = COIN.length;
  const logL = (p: number) => k * Math.log(p) + (n - k) * Math.log(1 - p);
  return {
    n,
    k,
    pHat: fit.estimates['prob'] as number,
    se: fit.standardErrors['prob'] as number,
    logLikelihood: fit.logLikelihood,
    likelihoodAtMle: Math.exp(fit.logLikelihood),
    likelihoodAtHalf: Math.exp(logL(0.5)),
    /** The standard error after twenty tosses with fourteen heads (the same p̂). */
    se20: fitDistribution([...COIN, ...COIN], 'bernoulli').standardErrors['prob'] as number,
    /** ∫₀¹ L(p) dp = B(k + 1, n − k + 1): the likelihood does not integrate to 1 over p. */
    likelihoodIntegral: Math.exp(logBeta(k + 1, n - k + 1)),
  };
}

function horseKicks() {
  const fit = fitDistribution(HORSE_KICKS, 'poisson');
  return {
    n: HORSE_KICKS.length,
    mean: mean(HORSE_KICKS),
    variance: variance(HORSE_KICKS, { ddof: 1 }),
    lambdaHat: fit.estimates['lambda'] as number,
    se: fit.standardErrors['lambda'] as number,
    logLikelihood: fit.logLikelihood,
  };
}

function overdispersed() {
  const x = overdispersedCounts();
  const poisson = fitDistribution(x, 'poisson');
  const nb = fitDistribution(x, 'negativeBinomial');
  return {
    mean: mean(x),
    variance: variance(x, { ddof: 1 }),
    poissonLogLikelihood: poisson.logLikelihood,
    poissonAic: poisson.aic,
    nbSize: nb.estimates['size'] as number,
    nbMu: nb.estimates['mu'] as number,
    nbSizeSe: nb.standardErrors['size'] as number,
    nbLogLikelihood: nb.logLikelihood,
    nbAic: nb.aic,
  };
}

/** The overdispersed counts as the fit lab's `data` attribute. */
export const overdispersedData: string = Array.from(overdispersedCounts()).join(',');

export const coinToCounts = { coin: coin(), horseKicks: horseKicks(), overdispersed: overdispersed() };
