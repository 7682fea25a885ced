// Benchmark cases of the distribution families (issue 11): each family's cdf and ppf on a 1e5-point
// grid against scipy.stats' vectorised calls (target ≤ 1×). Grids: x from the 0.1 % to the 99.9 %
// quantile, p from 0.0005 to 0.9995, built inside both sides.

import { familyCdfArray, familyPpfArray, getFamily, linspace } from '../../src/index.ts';
import type { FamilyName, FamilyParams } from '../../src/index.ts';
import type { BenchCase } from './types.ts';

const N = 100_000;

/** family, parameters, the scipy frozen distribution with the same parameters */
const FAMILIES: [FamilyName, FamilyParams, string][] = [
  ['normal', { mean: 0, sd: 1 }, 'scipy.stats.norm(0, 1)'],
  ['lognormal', { meanlog: 0, sdlog: 1 }, 'scipy.stats.lognorm(1, scale=1)'],
  ['exponential', { rate: 1 }, 'scipy.stats.expon(scale=1)'],
  ['gamma', { shape: 2.5, rate: 1 }, 'scipy.stats.gamma(2.5, scale=1)'],
  ['weibull', { shape: 1.5, scale: 1 }, 'scipy.stats.weibull_min(1.5, scale=1)'],
  ['beta', { shape1: 2, shape2: 3 }, 'scipy.stats.beta(2, 3)'],
  ['logistic', { location: 0, scale: 1 }, 'scipy.stats.logistic(0, 1)'],
  ['laplace', { location: 0, scale: 1 }, 'scipy.stats.laplace(0, 1)'],
  ['cauchy', { location: 0, scale: 1 }, 'scipy.stats.cauchy(0, 1)'],
  ['uniform', { min: 0, max: 1 }, 'scipy.stats.uniform(0, 1)'],
  ['poisson', { lambda: 10 }, 'scipy.stats.poisson(10)'],
  ['geometric', { prob: 0.3 }, 'scipy.stats.geom(0.3, loc=-1)'],
  ['negativeBinomial', { size: 5, mu: 10 }, 'scipy.stats.nbinom(5, 5 / 15)'],
  ['binomial', { size: 50, prob: 0.3 }, 'scipy.stats.binom(50, 0.3)'],
  ['bernoulli', { prob: 0.3 }, 'scipy.stats.bernoulli(0.3)'],
];

/**
 * The same grids at other parameters, where the special functions take other paths. Gamma: Temme's expansion
 * (shapes 50 and 1e5), the finite sum and direct prefix of an integer shape (15), the series and fraction with
 * Γ(a) (15.3), the uncontracted fraction below 1 (0.3). Beta: the binomial sum of integer shapes (30, 70 and
 * 12, 19), the continued fraction with Stirling's prefix (30.5, 70.3), the asymptotic expansion (200, 300), the
 * power series (0.4, 0.7), the closed forms (1, 40 and ½, ½). Their names carry the parameters.
 */
const OTHER_PARAMETERS: [FamilyName, FamilyParams, string, string][] = [
  ['gamma', { shape: 50, rate: 2 }, 'scipy.stats.gamma(50, scale=0.5)', '(50, 2)'],
  ['gamma', { shape: 0.3, rate: 1 }, 'scipy.stats.gamma(0.3, scale=1)', '(0.3, 1)'],
  ['gamma', { shape: 15, rate: 1 }, 'scipy.stats.gamma(15, scale=1)', '(15, 1)'],
  ['gamma', { shape: 15.3, rate: 1 }, 'scipy.stats.gamma(15.3, scale=1)', '(15.3, 1)'],
  ['gamma', { shape: 1e5, rate: 1 }, 'scipy.stats.gamma(1e5, scale=1)', '(1e5, 1)'],
  ['beta', { shape1: 30, shape2: 70 }, 'scipy.stats.beta(30, 70)', '(30, 70)'],
  ['beta', { shape1: 12, shape2: 19 }, 'scipy.stats.beta(12, 19)', '(12, 19)'],
  ['beta', { shape1: 30.5, shape2: 70.3 }, 'scipy.stats.beta(30.5, 70.3)', '(30.5, 70.3)'],
  ['beta', { shape1: 200, shape2: 300 }, 'scipy.stats.beta(200, 300)', '(200, 300)'],
  ['beta', { shape1: 0.4, shape2: 0.7 }, 'scipy.stats.beta(0.4, 0.7)', '(0.4, 0.7)'],
  ['beta', { shape1: 1, shape2: 40 }, 'scipy.stats.beta(1, 40)', '(1, 40)'],
  ['beta', { shape1: 0.5, shape2: 0.5 }, 'scipy.stats.beta(0.5, 0.5)', '(0.5, 0.5)'],
];

function gridCases(name: FamilyName, params: FamilyParams, dist: string, label: string): BenchCase[] {
  const family = getFamily(name);
  return [
    {
      name: `${name}${label} cdf (1e5)`,
      referenceLib: 'scipy',
      target: 1,
      core: () => familyCdfArray(family, linspace(family.ppf(0.001, params), family.ppf(0.999, params), N), params),
      reference: `d = ${dist}\nd.cdf(np.linspace(d.ppf(0.001), d.ppf(0.999), ${N}))`,
    },
    {
      name: `${name}${label} ppf (1e5)`,
      referenceLib: 'scipy',
      target: 1,
      core: () => familyPpfArray(family, linspace(0.0005, 0.9995, N), params),
      reference: `d = ${dist}\nd.ppf(np.linspace(0.0005, 0.9995, ${N}))`,
    },
  ];
}

export const cases: BenchCase[] = [
  ...FAMILIES.flatMap(([name, params, dist]) => gridCases(name, params, dist, '')),
  ...OTHER_PARAMETERS.flatMap(([name, params, dist, label]) => gridCases(name, params, dist, ` ${label}`)),
];
