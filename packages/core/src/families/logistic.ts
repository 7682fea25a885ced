import { log1pExp } from '../internal/log-exp.ts';
import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyParams } from './family.ts';
import { locationScaleMethods, locationScaleParameters, standardize, validLocationScale } from './location-scale.ts';
import { checkSampleArguments, num } from './parameters.ts';

// The logistic family, R's dlogis(x, location, scale); scipy's logistic(loc, scale).

const PARAMETERS = locationScaleParameters('the location (mean and median)', 'the scale s > 0');

/** The logistic sigmoid 1/(1 + e^(−z)), without overflow for very negative z (scipy's expit). */
function expit(z: number): number {
  if (z < 0) {
    const e = Math.exp(z);
    return e / (1 + e);
  }
  return 1 / (1 + Math.exp(-z));
}

/** ln(p/(1 − p)), as log1p(2(p − ½)/(1 − p)) on (0.3, 0.65) where the ratio is near 1 (scipy's logit). */
function logit(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  if (p > 0.3 && p < 0.65) return Math.log1p((2 * (p - 0.5)) / (1 - p));
  return Math.log(p / (1 - p));
}

/** ln of the standard cdf, −ln(1 + e^(−z)) (log1pexp). */
function logCdf(z: number): number {
  return -log1pExp(-z);
}

function logPdf(z: number, scale: number): number {
  const y = -Math.abs(z);
  return y - 2 * Math.log1p(Math.exp(y)) - Math.log(scale);
}

/**
 * The logistic family `{ location, scale }`: R's `dlogis(x, location, scale)`, scipy's
 * `logistic(loc=location, scale=scale)`.
 *
 * With z = (x − location)/scale: logPdf = −|z| − 2·log1p(e^(−|z|)) − ln s; cdf 1/(1 + e^(−z)); sf
 * the same at −z; logCdf −ln(1 + e^(−z)) (log1pexp); ppf location + scale·logit(p); mean location;
 * variance s²π²/3. `sample` is `np.random.logistic(location, scale, size)`.
 *
 * @example
 * logisticFamily.cdf(1, { location: 0, scale: 1 }); // => 0.7310585786300049
 * logisticFamily.ppf(0.75, { location: 0, scale: 1 }); // => 1.0986122886681096
 */
export const logisticFamily: Family = {
  name: 'logistic',
  kind: 'continuous',
  parameters: PARAMETERS,
  ...locationScaleMethods({ cdf: expit, logCdf, ppf: logit }),
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(standardize(x, params), num(params.scale));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(standardize(x, params), num(params.scale)));
  },
  mean(params: FamilyParams): number {
    const location = num(params.location);
    return validLocationScale(location, num(params.scale)) ? location : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const scale = num(params.scale);
    return validLocationScale(num(params.location), scale) ? (scale * scale * Math.PI * Math.PI) / 3 : Number.NaN;
  },
  /** `np.random.logistic(location, scale, size)` (numpy's legacy loc + scale·ln(U/(1 − U))). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('logistic.sample', PARAMETERS, params, size);
    return rs.logistic(num(params.location), num(params.scale), size);
  },
};
