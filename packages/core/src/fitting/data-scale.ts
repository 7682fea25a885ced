import type { FamilyName, FamilyParams } from '../families/family.ts';
import type { DistributionFit } from './fit-result.ts';

// Data of extreme magnitude (values near 1e-200 or 1e200) are fitted as the same data multiplied by
// a power of two c that brings the largest |value| into [1, 2): for the families below, the fit of
// c·x is the fit of x with each parameter mapped exactly (a location or scale times c, a rate divided
// by c, a shape unchanged), the log-likelihood shifted by −n·ln c, and the standard errors and the
// covariance mapped by the same factors. Multiplying by a power of two is exact, so nothing is lost,
// while the sums, squares and reciprocals that the fits form (Σx², 1/σ², the Hessian) stay far from
// overflow and underflow. Without it a sample near 1e-200 was called constant ("σ̂ would be 0"), and
// the gamma, logistic and Cauchy fits near 1e±200 did not converge or had no standard errors.

/** How each parameter changes when the data are multiplied by c: times c, divided by c, or unchanged. */
type Change = 'times' | 'over' | 'same';

/** The families whose fits are equivariant under x → c·x, with each parameter's change (family order). */
const CHANGES: Partial<Record<FamilyName, Readonly<Record<string, Change>>>> = {
  normal: { mean: 'times', sd: 'times' },
  exponential: { rate: 'over' },
  gamma: { shape: 'same', rate: 'over' },
  weibull: { shape: 'same', scale: 'times' },
  logistic: { location: 'times', scale: 'times' },
  laplace: { location: 'times', scale: 'times' },
  cauchy: { location: 'times', scale: 'times' },
  uniform: { min: 'times', max: 'times' },
};

/** Below 2^-60 or from 2^60 on, the largest |value| makes the data "extreme". */
const SMALL = 2 ** -60;
const LARGE = 2 ** 60;
/** The smallest positive normal double: a value scaled below it would lose digits. */
const MIN_NORMAL = 2 ** -1022;

/**
 * The power of two c to multiply the data by before fitting `family`, or 1 when the data are not of
 * extreme magnitude, the family is not equivariant, or some value would become subnormal (a range of
 * magnitudes wider than 2^1000: no single scale serves it). Values that are not finite numbers give 1
 * (the fit's own checks then name them).
 */
export function extremeDataScale(family: string, x: ArrayLike<number>): number {
  if (!Object.hasOwn(CHANGES, family)) return 1;
  let max = 0;
  let minNonZero = Number.POSITIVE_INFINITY;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i] as number);
    if (!(a < Number.POSITIVE_INFINITY)) return 1;
    if (a > max) max = a;
    if (a > 0 && a < minNonZero) minNonZero = a;
  }
  if (max === 0 || (max >= SMALL && max < LARGE)) return 1;
  // 2^-e with e = ⌊log₂ max⌋; Math.log2 may be off by one next to a power of two, which only moves
  // the scaled maximum into [0.5, 4): any power of two near it serves.
  const e = Math.floor(Math.log2(max));
  const c = 2 ** -e;
  if (!(c < Number.POSITIVE_INFINITY) || c === 0 || minNonZero * c < MIN_NORMAL) return 1;
  return c;
}

/** c·x, exactly (c is a power of two and no value becomes subnormal). */
export function scaleData(x: ArrayLike<number>, c: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = (x[i] as number) * c;
  return out;
}

function factor(family: FamilyName, name: string, c: number): number {
  const change = CHANGES[family]?.[name];
  return change === 'times' ? c : change === 'over' ? 1 / c : 1;
}

/**
 * The parameters of the family for the data c·x, given those for x (values that are not numbers pass
 * through, for the fit's own checks to name). undefined stays undefined.
 */
export function scaleParams(family: FamilyName, params: FamilyParams | undefined, c: number): FamilyParams | undefined {
  if (params === undefined || params === null || typeof params !== 'object') return params;
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(params)) out[name] = typeof value === 'number' ? value * factor(family, name, c) : value;
  return out;
}

/** The fit of the data c·x, given the fit of x (see the file's comment). */
export function scaleFit(fit: DistributionFit, c: number): DistributionFit {
  const family = fit.family;
  const f = fit.parameters.map((name) => factor(family, name, c));
  const q = f.length;
  const covariance = fit.covariance.map((v, k) => v * (f[Math.floor(k / q)] as number) * (f[k % q] as number));
  const standardErrors: Record<string, number> = {};
  fit.parameters.forEach((name, a) => {
    standardErrors[name] = (fit.standardErrors[name] as number) * (f[a] as number);
  });
  const logLikelihood = fit.logLikelihood - fit.n * Math.log(c);
  return {
    ...fit,
    estimates: scaleParams(family, fit.estimates, c) as FamilyParams,
    fixed: scaleParams(family, fit.fixed, c) as FamilyParams,
    standardErrors,
    covariance,
    logLikelihood,
    aic: fit.aic - 2 * (logLikelihood - fit.logLikelihood),
    bic: fit.bic - 2 * (logLikelihood - fit.logLikelihood),
  };
}

/** The interval or value of `name` for the data x, given it for c·x. */
export function unscaleValue(family: FamilyName, name: string, value: number, c: number): number {
  return value / factor(family, name, c);
}

/** extremeDataScale for the data a fit was made on (1 when `fit` is not a fit: the caller's checks name it). */
export function extremeScaleOfFit(fit: DistributionFit, x: ArrayLike<number>): number {
  if (fit === null || typeof fit !== 'object' || typeof fit.family !== 'string') return 1;
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') return 1;
  return extremeDataScale(fit.family, x);
}
