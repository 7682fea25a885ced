import { log1pExp } from '../internal/log-exp.ts';
import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, checkSampleArguments, num, positiveParameter, realParameter } from './parameters.ts';

// The logistic family, R's dlogis(x, location, scale); scipy's logistic(loc, scale).

const PARAMETERS = [realParameter('location', 'the location (mean and median)'), positiveParameter('scale', 'the scale s > 0')] as const;
const REAL_LINE: Support = Object.freeze({ lower: -Infinity, upper: Infinity });

function valid(location: number, scale: number): boolean {
  return Number.isFinite(location) && scale > 0 && scale < Infinity;
}

function standardize(x: number, params: FamilyParams): number {
  const location = num(params.location);
  const scale = num(params.scale);
  return valid(location, scale) ? (x - location) / scale : NaN;
}

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
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p > 0.3 && p < 0.65) return Math.log1p((2 * (p - 0.5)) / (1 - p));
  return Math.log(p / (1 - p));
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
  support(params: FamilyParams): Support {
    return valid(num(params.location), num(params.scale)) ? REAL_LINE : NAN_SUPPORT;
  },
  logPdf(x: number, params: FamilyParams): number {
    return logPdf(standardize(x, params), num(params.scale));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(logPdf(standardize(x, params), num(params.scale)));
  },
  cdf(x: number, params: FamilyParams): number {
    return expit(standardize(x, params));
  },
  sf(x: number, params: FamilyParams): number {
    return expit(-standardize(x, params));
  },
  logCdf(x: number, params: FamilyParams): number {
    return -log1pExp(-standardize(x, params));
  },
  logSf(x: number, params: FamilyParams): number {
    return -log1pExp(standardize(x, params));
  },
  ppf(p: number, params: FamilyParams): number {
    const location = num(params.location);
    const scale = num(params.scale);
    return valid(location, scale) ? location + scale * logit(p) : NaN;
  },
  isf(q: number, params: FamilyParams): number {
    const location = num(params.location);
    const scale = num(params.scale);
    return valid(location, scale) ? location - scale * logit(q) : NaN;
  },
  mean(params: FamilyParams): number {
    const location = num(params.location);
    return valid(location, num(params.scale)) ? location : NaN;
  },
  variance(params: FamilyParams): number {
    const scale = num(params.scale);
    return valid(num(params.location), scale) ? (scale * scale * Math.PI * Math.PI) / 3 : NaN;
  },
  /** `np.random.logistic(location, scale, size)` (numpy's legacy loc + scale·ln(U/(1 − U))). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('logistic.sample', PARAMETERS, params, size);
    return rs.logistic(num(params.location), num(params.scale), size);
  },
};
