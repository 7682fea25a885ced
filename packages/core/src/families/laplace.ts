import type { RandomState } from '../random/random-state.ts';
import type { Family, FamilyParams } from './family.ts';
import { locationScaleMethods, locationScaleParameters, standardize, validLocationScale } from './location-scale.ts';
import { checkSampleArguments, num } from './parameters.ts';

// The Laplace (double exponential) family; scipy's laplace(loc=location, scale=scale). R has no
// built-in Laplace; the names follow R's other location–scale families (extraDistr's dlaplace, mu/sigma).

const PARAMETERS = locationScaleParameters('the location (mean and median)', 'the scale b > 0');

/** The standard cdf: ½e^z below 0, 1 − ½e^(−z) above. */
function cdf(z: number): number {
  return z <= 0 ? 0.5 * Math.exp(z) : 1 - 0.5 * Math.exp(-z);
}

/** ln of the standard cdf: z − ln 2 below 0, log1p(−½e^(−z)) above. */
function logCdf(z: number): number {
  return z <= 0 ? z - Math.LN2 : Math.log1p(-0.5 * Math.exp(-z));
}

/** The standard quantile: ln(2p) up to ½, −ln(2(1 − p)) above (scipy's laplace._ppf). */
function ppf(p: number): number {
  if (!(p >= 0 && p <= 1)) return Number.NaN;
  return p <= 0.5 ? Math.log(2 * p) : -Math.log(2 - 2 * p);
}

/**
 * The Laplace family `{ location, scale }`: scipy's `laplace(loc=location, scale=scale)`, density
 * e^(−|x − location|/b)/(2b).
 *
 * With z = (x − location)/b: logPdf = −|z| − ln(2b); cdf ½e^z (z ≤ 0) or 1 − ½e^(−z); sf by symmetry;
 * logCdf z − ln 2 or log1p(−½e^(−z)); ppf location + b·ln(2p) (p ≤ ½) or location − b·ln(2 − 2p);
 * mean location; variance 2b². `sample` is `np.random.laplace(location, scale, size)`.
 *
 * @example
 * laplaceFamily.cdf(1, { location: 0, scale: 1 }); // => 0.8160602794142788
 * laplaceFamily.ppf(0.25, { location: 0, scale: 1 }); // => -0.6931471805599453
 */
export const laplaceFamily: Family = {
  name: 'laplace',
  kind: 'continuous',
  parameters: PARAMETERS,
  ...locationScaleMethods({ cdf, logCdf, ppf }),
  logPdf(x: number, params: FamilyParams): number {
    return -Math.abs(standardize(x, params)) - Math.log(2 * num(params.scale));
  },
  pdf(x: number, params: FamilyParams): number {
    return Math.exp(-Math.abs(standardize(x, params))) / (2 * num(params.scale));
  },
  mean(params: FamilyParams): number {
    const location = num(params.location);
    return validLocationScale(location, num(params.scale)) ? location : Number.NaN;
  },
  variance(params: FamilyParams): number {
    const scale = num(params.scale);
    return validLocationScale(num(params.location), scale) ? 2 * scale * scale : Number.NaN;
  },
  /** `np.random.laplace(location, scale, size)` (numpy's legacy inverse-cdf method). */
  sample(rs: RandomState, params: FamilyParams, size: number): Float64Array {
    checkSampleArguments('laplace.sample', PARAMETERS, params, size);
    return rs.laplace(num(params.location), num(params.scale), size);
  },
};
