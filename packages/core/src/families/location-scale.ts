import type { Family, FamilyParams, Support } from './family.ts';
import { NAN_SUPPORT, type ParameterSpec, num, positiveParameter, realParameter } from './parameters.ts';

// The shared part of the symmetric location–scale families on the real line (Cauchy, Laplace,
// logistic): parameters { location, scale }, z = (x − location)/scale, and the support, cdf, sf,
// their logs, ppf and isf built from the standard distribution's cdf, log cdf and quantile, with the
// upper tail taken by symmetry (sf(z) = cdf(−z)) so it keeps its digits.

const REAL_LINE: Support = Object.freeze({ lower: Number.NEGATIVE_INFINITY, upper: Number.POSITIVE_INFINITY });

/** The standard (location 0, scale 1) distribution of a symmetric location–scale family. */
export interface StandardSymmetric {
  /** P(Z ≤ z), accurate in the lower tail (the upper tail is cdf(−z)). */
  cdf(z: number): number;
  /** ln P(Z ≤ z), accurate in both tails. */
  logCdf(z: number): number;
  /** The quantile for p in [0, 1]; NaN otherwise. */
  ppf(p: number): number;
}

/** The parameter list [location, scale] with the family's own descriptions. */
export function locationScaleParameters(location: string, scale: string): readonly [ParameterSpec, ParameterSpec] {
  return [realParameter('location', location), positiveParameter('scale', scale)] as const;
}

/** A finite location and a finite scale > 0. */
export function validLocationScale(location: number, scale: number): boolean {
  return Number.isFinite(location) && scale > 0 && scale < Number.POSITIVE_INFINITY;
}

/** z = (x − location)/scale, or NaN for invalid parameters. */
export function standardize(x: number, params: FamilyParams): number {
  const location = num(params.location);
  const scale = num(params.scale);
  return validLocationScale(location, scale) ? (x - location) / scale : Number.NaN;
}

/**
 * support, cdf, sf, logCdf, logSf, ppf and isf of the family whose standard distribution is
 * `standard`: cdf(x) = F(z), sf(x) = F(−z), logCdf = ln F(z), logSf = ln F(−z),
 * ppf(p) = location + scale·F⁻¹(p), isf(q) = location − scale·F⁻¹(q); array kernels for the cdf and
 * ppf (Family.arrayKernels).
 */
export function locationScaleMethods(standard: StandardSymmetric): Pick<Family, 'support' | 'cdf' | 'sf' | 'logCdf' | 'logSf' | 'ppf' | 'isf' | 'arrayKernels'> {
  const { cdf, logCdf, ppf } = standard;
  return {
    // The cdf and ppf over arrays, location and scale read once (the same formulas as the methods).
    arrayKernels: {
      cdf(x: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
        const location = num(params.location);
        const scale = num(params.scale);
        for (let i = 0; i < out.length; i++) out[i] = cdf(((x[i] as number) - location) / scale);
        return out;
      },
      ppf(p: ArrayLike<number>, params: FamilyParams, out: Float64Array): Float64Array {
        const location = num(params.location);
        const scale = num(params.scale);
        for (let i = 0; i < out.length; i++) out[i] = location + scale * ppf(p[i] as number);
        return out;
      },
    },
    support(params: FamilyParams): Support {
      return validLocationScale(num(params.location), num(params.scale)) ? REAL_LINE : NAN_SUPPORT;
    },
    cdf(x: number, params: FamilyParams): number {
      return cdf(standardize(x, params));
    },
    sf(x: number, params: FamilyParams): number {
      return cdf(-standardize(x, params));
    },
    logCdf(x: number, params: FamilyParams): number {
      return logCdf(standardize(x, params));
    },
    logSf(x: number, params: FamilyParams): number {
      return logCdf(-standardize(x, params));
    },
    ppf(p: number, params: FamilyParams): number {
      const location = num(params.location);
      const scale = num(params.scale);
      return validLocationScale(location, scale) ? location + scale * ppf(p) : Number.NaN;
    },
    isf(q: number, params: FamilyParams): number {
      const location = num(params.location);
      const scale = num(params.scale);
      return validLocationScale(location, scale) ? location - scale * ppf(q) : Number.NaN;
    },
  };
}
