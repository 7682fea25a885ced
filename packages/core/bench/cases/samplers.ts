// Benchmark cases of numpy's legacy samplers (issue 11, "Speed"): 1e6 draws of each against
// np.random.RandomState's, target ≤ 1.5× numpy. The parameters are those of the golden tests;
// uniform and binomial(1, p) are what the uniform and Bernoulli families' `sample` call.
// Core fills one reused output array (the samplers' optional `out`): numpy's allocator hands back
// the 8 MB it freed on the previous run, while a fresh Float64Array is new, page-faulted memory
// every time (86–244 ms per 8 MB on the loaded 2-core VM where this was written, 0.0 ms for numpy's
// reused block), which would measure the allocator rather than the sampler.

import { createRandomState } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

const N = 1_000_000;
const out = new Float64Array(N);

/** [label, camelCase call on a RandomState, numpy call]. */
const SAMPLERS: [string, (rs: ReturnType<typeof createRandomState>) => Float64Array, string][] = [
  ['uniform(-1, 1)', (rs) => rs.uniform(-1, 1, N, out), 'uniform(-1, 1, N)'],
  ['normal(5, 2)', (rs) => rs.normal(5, 2, N, out), 'normal(5, 2, N)'],
  ['standardExponential', (rs) => rs.standardExponential(N, out), 'standard_exponential(N)'],
  ['exponential(2.5)', (rs) => rs.exponential(2.5, N, out), 'exponential(2.5, N)'],
  ['standardGamma(0.3)', (rs) => rs.standardGamma(0.3, N, out), 'standard_gamma(0.3, N)'],
  ['gamma(3, 0.5)', (rs) => rs.gamma(3, 0.5, N, out), 'gamma(3, 0.5, N)'],
  ['beta(0.5, 0.5)', (rs) => rs.beta(0.5, 0.5, N, out), 'beta(0.5, 0.5, N)'],
  ['beta(2, 5)', (rs) => rs.beta(2, 5, N, out), 'beta(2, 5, N)'],
  ['lognormal(0, 1)', (rs) => rs.lognormal(0, 1, N, out), 'lognormal(0, 1, N)'],
  ['weibull(1.5)', (rs) => rs.weibull(1.5, N, out), 'weibull(1.5, N)'],
  ['standardCauchy', (rs) => rs.standardCauchy(N, out), 'standard_cauchy(N)'],
  ['laplace(1, 2)', (rs) => rs.laplace(1, 2, N, out), 'laplace(1, 2, N)'],
  ['logistic(-1, 0.5)', (rs) => rs.logistic(-1, 0.5, N, out), 'logistic(-1, 0.5, N)'],
  ['chisquare(3)', (rs) => rs.chisquare(3, N, out), 'chisquare(3, N)'],
  ['standardT(5)', (rs) => rs.standardT(5, N, out), 'standard_t(5, N)'],
  ['poisson(3)', (rs) => rs.poisson(3, N, out), 'poisson(3, N)'],
  ['poisson(25)', (rs) => rs.poisson(25, N, out), 'poisson(25, N)'],
  ['binomial(10, 0.3)', (rs) => rs.binomial(10, 0.3, N, out), 'binomial(10, 0.3, N)'],
  ['binomial(1, 0.3)', (rs) => rs.binomial(1, 0.3, N, out), 'binomial(1, 0.3, N)'],
  ['binomial(1000, 0.6)', (rs) => rs.binomial(1000, 0.6, N, out), 'binomial(1000, 0.6, N)'],
  ['geometric(0.1)', (rs) => rs.geometric(0.1, N, out), 'geometric(0.1, N)'],
  ['geometric(0.5)', (rs) => rs.geometric(0.5, N, out), 'geometric(0.5, N)'],
  ['negativeBinomial(3, 0.4)', (rs) => rs.negativeBinomial(3, 0.4, N, out), 'negative_binomial(3, 0.4, N)'],
  // At other parameters, where the samplers take other paths: a large shape (Marsaglia–Tsang with few rejections),
  // a tiny one, two large beta shapes, PTRS at a large λ, BTPE at a large n, and the negative binomial whose
  // Poisson draws go through PTRS with a new λ at every draw.
  ['gamma(50, 1)', (rs) => rs.gamma(50, 1, N, out), 'gamma(50, 1, N)'],
  ['standardGamma(0.05)', (rs) => rs.standardGamma(0.05, N, out), 'standard_gamma(0.05, N)'],
  ['beta(30, 70)', (rs) => rs.beta(30, 70, N, out), 'beta(30, 70, N)'],
  ['poisson(1000)', (rs) => rs.poisson(1000, N, out), 'poisson(1000, N)'],
  ['binomial(100000, 0.4)', (rs) => rs.binomial(100000, 0.4, N, out), 'binomial(100000, 0.4, N)'],
  ['negativeBinomial(50, 0.2)', (rs) => rs.negativeBinomial(50, 0.2, N, out), 'negative_binomial(50, 0.2, N)'],
];

export const cases: BenchCase[] = SAMPLERS.map(([label, core, reference]) => ({
  name: `legacy ${label} (1e6)`,
  referenceLib: 'numpy',
  target: 1.5,
  core: () => core(createRandomState(42)),
  reference: `N = 1_000_000\nnp.random.RandomState(42).${reference}`,
}));
