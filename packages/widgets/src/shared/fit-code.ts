// The scipy and R (fitdistrplus) code that reproduces a table of fits by maximum likelihood: the same
// estimates, log-likelihoods, AIC/BIC and KS statistics (R's gofstat also gives CvM and AD).

/** scipy.stats' distribution and the fit call that gives R's parametrisation, by MLE Lab's family name. */
const SCIPY: Record<string, string> = {
  normal: 'stats.norm, dict()',
  lognormal: 'stats.lognorm, dict(floc=0)',
  exponential: 'stats.expon, dict(floc=0)',
  gamma: 'stats.gamma, dict(floc=0)',
  weibull: 'stats.weibull_min, dict(floc=0)',
  beta: 'stats.beta, dict(floc=0, fscale=1)',
  logistic: 'stats.logistic, dict()',
  laplace: 'stats.laplace, dict()',
  cauchy: 'stats.cauchy, dict()',
  uniform: 'stats.uniform, dict()',
};

/** Discrete families: scipy.stats.fit with bounds (scipy ≥ 1.9); geometric counts failures, so loc = −1. */
const SCIPY_DISCRETE: Record<string, string> = {
  poisson: "stats.poisson, {'mu': (0, x.max() + 1)}",
  geometric: "stats.geom, {'p': (0, 1), 'loc': (-1, -1)}",
  negativeBinomial: "stats.nbinom, {'n': (1e-3, 1e3), 'p': (0, 1)}",
  bernoulli: "stats.bernoulli, {'p': (0, 1)}",
};

/** fitdistrplus's distribution names (R's d/p/q functions); the Laplace has none in base R. */
const R_NAMES: Record<string, string> = {
  normal: 'norm',
  lognormal: 'lnorm',
  exponential: 'exp',
  gamma: 'gamma',
  weibull: 'weibull',
  beta: 'beta',
  logistic: 'logis',
  cauchy: 'cauchy',
  uniform: 'unif',
  poisson: 'pois',
  geometric: 'geom',
  negativeBinomial: 'nbinom',
  bernoulli: 'binom',
};

/**
 * Python (scipy) and R (fitdistrplus) that fit the same families to the same data.
 * @param families - MLE Lab family names, in the table's order.
 * @param n - The number of values (named in the comment when the data are read from a file).
 * @param data - The data as text when short enough to paste into the code; otherwise a file is read.
 * @example
 * fitCode(['gamma'], 3, '1 2 3').includes("fitdist(x, 'gamma')"); // => true
 */
export function fitCode(families: readonly string[], n: number, data?: string): string {
  const values = data?.split(/[\s,;，；]+/).filter((s) => s !== '' && Number.isFinite(Number(s)));
  const inline = values && values.length > 0 && values.length <= 2000 ? values.join(', ') : undefined;
  const continuous = families.filter((f) => f in SCIPY);
  const discrete = families.filter((f) => f in SCIPY_DISCRETE);
  const py = [
    '# Python: numpy + scipy',
    'import numpy as np',
    'from scipy import stats',
    inline ? `x = np.array([${inline}])` : `x = np.loadtxt('data.csv')  # the ${n} values, one per line`,
    'for name, (dist, fixed) in {',
    ...continuous.map((f) => `    '${f}': (${SCIPY[f]}),`),
    '}.items():',
    '    params = dist.fit(x, **fixed)',
    '    ll = dist.logpdf(x, *params).sum()',
    '    k = len(params) - len(fixed)',
    "    print(name, params, ll, 2 * k - 2 * ll, k * np.log(len(x)) - 2 * ll, stats.kstest(x, dist.cdf, args=params).statistic)",
  ];
  if (discrete.length > 0) {
    py.push(
      'for name, (dist, bounds) in {',
      ...discrete.map((f) => `    '${f}': (${SCIPY_DISCRETE[f]}),`),
      '}.items():',
      '    res = stats.fit(dist, x, bounds)',
      '    print(name, res.params, -res.nllf())',
    );
  }
  const rNames = families.filter((f) => f in R_NAMES);
  const r = [
    '',
    '# R: fitdistrplus',
    'library(fitdistrplus)',
    inline ? `x <- c(${inline})` : `x <- scan('data.csv')`,
    `fits <- list(${rNames.map((f) => (f === 'bernoulli' ? `${f} = fitdist(x, 'binom', fix.arg = list(size = 1), start = list(prob = 0.5))` : `${f} = fitdist(x, '${R_NAMES[f]}')`)).join(',\n             ')})`,
    'sapply(fits, function(f) c(f$estimate, se = f$sd, loglik = f$loglik, aic = f$aic, bic = f$bic))',
    'gofstat(fits)  # KS, CvM, AD',
    'lapply(fits, confint)  # Wald intervals; the table gives profile-likelihood intervals, which differ for small n',
  ];
  if (families.includes('laplace')) r.push("# laplace: fitdistrplus has no dlaplace; see e.g. extraDistr's dlaplace");
  return [...py, ...r].join('\n');
}
