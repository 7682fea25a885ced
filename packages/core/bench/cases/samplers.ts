// Benchmark cases of numpy's legacy samplers (issue 11, "Speed"): 1e6 draws of each against
// np.random.RandomState's, target ≤ 1.5× numpy. The parameters are those of the golden tests.

import { createRandomState } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

const N = 1_000_000;

/** [label, camelCase call on a RandomState, numpy call]. */
const SAMPLERS: [string, (rs: ReturnType<typeof createRandomState>) => Float64Array, string][] = [
  ['standardExponential', (rs) => rs.standardExponential(N), 'standard_exponential(N)'],
  ['exponential(2.5)', (rs) => rs.exponential(2.5, N), 'exponential(2.5, N)'],
  ['standardGamma(0.3)', (rs) => rs.standardGamma(0.3, N), 'standard_gamma(0.3, N)'],
  ['gamma(3, 0.5)', (rs) => rs.gamma(3, 0.5, N), 'gamma(3, 0.5, N)'],
  ['beta(0.5, 0.5)', (rs) => rs.beta(0.5, 0.5, N), 'beta(0.5, 0.5, N)'],
  ['beta(2, 5)', (rs) => rs.beta(2, 5, N), 'beta(2, 5, N)'],
  ['lognormal(0, 1)', (rs) => rs.lognormal(0, 1, N), 'lognormal(0, 1, N)'],
  ['weibull(1.5)', (rs) => rs.weibull(1.5, N), 'weibull(1.5, N)'],
  ['standardCauchy', (rs) => rs.standardCauchy(N), 'standard_cauchy(N)'],
  ['laplace(1, 2)', (rs) => rs.laplace(1, 2, N), 'laplace(1, 2, N)'],
  ['logistic(-1, 0.5)', (rs) => rs.logistic(-1, 0.5, N), 'logistic(-1, 0.5, N)'],
  ['chisquare(3)', (rs) => rs.chisquare(3, N), 'chisquare(3, N)'],
  ['standardT(5)', (rs) => rs.standardT(5, N), 'standard_t(5, N)'],
  ['poisson(3)', (rs) => rs.poisson(3, N), 'poisson(3, N)'],
  ['poisson(25)', (rs) => rs.poisson(25, N), 'poisson(25, N)'],
  ['binomial(10, 0.3)', (rs) => rs.binomial(10, 0.3, N), 'binomial(10, 0.3, N)'],
  ['binomial(1000, 0.6)', (rs) => rs.binomial(1000, 0.6, N), 'binomial(1000, 0.6, N)'],
  ['geometric(0.1)', (rs) => rs.geometric(0.1, N), 'geometric(0.1, N)'],
  ['geometric(0.5)', (rs) => rs.geometric(0.5, N), 'geometric(0.5, N)'],
  ['negativeBinomial(3, 0.4)', (rs) => rs.negativeBinomial(3, 0.4, N), 'negative_binomial(3, 0.4, N)'],
];

export const cases: BenchCase[] = SAMPLERS.map(([label, core, reference]) => ({
  name: `legacy ${label} (1e6)`,
  referenceLib: 'numpy',
  target: 1.5,
  core: () => core(createRandomState(42)),
  reference: `N = 1_000_000\nnp.random.RandomState(42).${reference}`,
}));
