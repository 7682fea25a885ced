import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyParams } from './family.ts';
import { locationScaleMethods, locationScaleParameters, standardize } from './location-scale.ts';
import { checkSampleArguments, num } from './parameters.ts';

// The Cauchy family, R's dcauchy(x, location, scale); scipy's cauchy(loc, scale).

const PARAMETERS = locationScaleParameters('the location (median)', 'the scale γ > 0 (half the interquartile range)');

/** −ln(1 + z²), as −2 ln|z| − log1p(1/z²) where z² would overflow. */
function logKernel(z: number): number {
  const a = Math.abs(z);
  if (a > 1e8) return -2 * Math.log(a) - Math.log1p(1 / (a * a));
  return -Math.log1p(z * z);
}

/**
 * The standard cdf ½ + atan(z)/π, written as atan(−1/z)/π below −1 and 1 − atan(1/z)/π above 1 so
 * that the lower tail keeps its digits (scipy's ½ + atan(z)/π loses them: relative error ~ε·|z|).
 */
function cdf(z: number): number {
  if (z < -1) return Math.atan(-1 / z) / Math.PI;
  if (z > 1) return 1 - Math.atan(1 / z) / Math.PI;
  return 0.5 + Math.atan(z) / Math.PI;
}

/** ln of the standard cdf: from the smaller tail, log1p(−sf) above the median. */
function logCdf(z: number): number {
  return z > 0 ? Math.log1p(-cdf(-z)) : Math.log(cdf(z));
}

/** The standard quantile tan(π(p − ½)), as −1/tan(πp) and 1/tan(π(1 − p)) in the tails. */
function ppf(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p < 0.25) return -1 / Math.tan(Math.PI * p);
  if (p > 0.75) return 1 / Math.tan(Math.PI * (1 - p));
  return Math.tan(Math.PI * (p - 0.5));
}

/**
 * The Cauchy family `{ location, scale }`: R's `dcauchy(x, location, scale)`, scipy's
 * `cauchy(loc=location, scale=scale)`.
 *
 * With z = (x − location)/γ: logPdf = −ln(πγ) − log1p(z²); cdf ½ + atan(z)/π (tail-exact forms);
 * sf cdf(−z); ppf location + γ·tan(π(p − ½)); mean and variance do not exist (NaN, as scipy's).
 * `sample` is `location + scale * np.random.standard_cauchy(size)`.
 *
 * @example
 * cauchyFamily.cdf(1, { location: 0, scale: 1 }); // => 0.75
 * cauchyFamily.ppf(0.75, { location: 0, scale: 2 }); // => 1.9999999999999998
 */
export const cauchyFamily: Family = {
  name: 'cauchy',
  kind: 'continuous',
  parameters: PARAMETERS,
  ...locationScaleMethods({ cdf, logCdf, ppf }),
  logPdf(x: number, params: FamilyParams): number {
    return logKernel(standardize(x, params)) - Math.log(Math.PI * num(params.scale));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logKernel(standardize(x, params))) / (Math.PI * num(params.scale));
  },
  mean(): number {
    return Number.NaN;
  },
  variance(): number {
    return Number.NaN;
  },
  /** `location + scale * np.random.standard_cauchy(size)` (numpy's legacy ratio of two normals). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('cauchy.sample', PARAMETERS, params, size);
    const location = num(params.location);
    const scale = num(params.scale);
    const out = rs.standardCauchy(size);
    for (let i = 0; i < out.length; i++) out[i] = location + scale * (out[i] as number);
    return out;
  },
};
