import { checkArrayLike, describe } from '../internal/validate.ts';
import type { Family, FamilyParams } from './family.ts';

// A family's functions over a whole grid, for drawing curves (densities, cdfs, QQ plots). Unlike the
// scalar functions, these check their arguments once and throw (DESIGN.md, "Errors"). The method is
// read once before the loop and called unbound (the families' methods never use `this`), so the
// loop's call site sees one target per run, not every family's.

const DOMAIN_TEXT = {
  real: 'a finite number',
  positive: 'a finite number > 0',
  probability: 'a probability',
  count: 'an integer ≥ 0',
} as const;

function prepare(fn: string, family: Family, x: ArrayLike<number>, params: FamilyParams, out: Float64Array | undefined): Float64Array {
  if (family === null || typeof family !== 'object' || typeof family.support !== 'function') {
    throw new TypeError(`${fn}: family must be a Family (from getFamily), got ${describe(family)}`);
  }
  const n = checkArrayLike(fn, 'x', x);
  if (params === null || typeof params !== 'object') {
    throw new TypeError(`${fn}: params must be an object of ${family.name}'s parameters, got ${describe(params)}`);
  }
  const support = family.support(params);
  if (Number.isNaN(support.lower)) {
    const given = family.parameters.map((p) => `${p.name} = ${describe(params[p.name])}`).join(', ');
    const allowed = family.parameters.map((p) => `${p.name}: ${DOMAIN_TEXT[p.domain]}`).join('; ');
    throw new RangeError(`${fn}: ${given} are not valid parameters of the ${family.name} family (${allowed}${family.name === 'uniform' ? '; min < max' : ''})`);
  }
  if (out === undefined) return new Float64Array(n);
  if (!(out instanceof Float64Array) || out.length !== n) {
    throw new RangeError(`${fn}: out must be a Float64Array of length ${n} (the length of x), got ${describe(out)}`);
  }
  return out;
}

/**
 * The density (pmf for a discrete family) at every point of `x`.
 *
 * Computes out[i] = family.pdf(x[i], params); NaN points give NaN.
 *
 * @param family - A family from `getFamily`.
 * @param x - The points.
 * @param params - The family's parameters.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `family`, `x` or `params` is not of the right kind.
 * @throws {RangeError} If the parameters are outside the family's domain or `out` has the wrong length.
 * @example
 * familyPdfArray(getFamily('exponential'), [0, 1], { rate: 1 }); // => Float64Array [1, 0.36787944117144233]
 */
export function familyPdfArray(family: Family, x: ArrayLike<number>, params: FamilyParams, out?: Float64Array): Float64Array {
  const result = prepare('familyPdfArray', family, x, params, out);
  const f = family.pdf;
  for (let i = 0; i < result.length; i++) result[i] = f(x[i] as number, params);
  return result;
}

/**
 * The log density (log pmf) at every point of `x`; see `familyPdfArray`.
 *
 * @param family - A family from `getFamily`.
 * @param x - The points.
 * @param params - The family's parameters.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `family`, `x` or `params` is not of the right kind.
 * @throws {RangeError} If the parameters are outside the family's domain or `out` has the wrong length.
 * @example
 * familyLogPdfArray(getFamily('exponential'), [0, 1], { rate: 1 }); // => Float64Array [0, -1]
 */
export function familyLogPdfArray(family: Family, x: ArrayLike<number>, params: FamilyParams, out?: Float64Array): Float64Array {
  const result = prepare('familyLogPdfArray', family, x, params, out);
  const f = family.logPdf;
  for (let i = 0; i < result.length; i++) result[i] = f(x[i] as number, params);
  return result;
}

/**
 * The cdf P(X ≤ x) at every point of `x`; see `familyPdfArray`.
 *
 * @param family - A family from `getFamily`.
 * @param x - The points.
 * @param params - The family's parameters.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `family`, `x` or `params` is not of the right kind.
 * @throws {RangeError} If the parameters are outside the family's domain or `out` has the wrong length.
 * @example
 * familyCdfArray(getFamily('uniform'), [0.5, 1.5], { min: 0, max: 2 }); // => Float64Array [0.25, 0.75]
 */
export function familyCdfArray(family: Family, x: ArrayLike<number>, params: FamilyParams, out?: Float64Array): Float64Array {
  const result = prepare('familyCdfArray', family, x, params, out);
  const f = family.cdf;
  for (let i = 0; i < result.length; i++) result[i] = f(x[i] as number, params);
  return result;
}

/**
 * The survival function P(X > x) at every point of `x`; see `familyPdfArray`.
 *
 * @param family - A family from `getFamily`.
 * @param x - The points.
 * @param params - The family's parameters.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `family`, `x` or `params` is not of the right kind.
 * @throws {RangeError} If the parameters are outside the family's domain or `out` has the wrong length.
 * @example
 * familySfArray(getFamily('uniform'), [0.5, 1.5], { min: 0, max: 2 }); // => Float64Array [0.75, 0.25]
 */
export function familySfArray(family: Family, x: ArrayLike<number>, params: FamilyParams, out?: Float64Array): Float64Array {
  const result = prepare('familySfArray', family, x, params, out);
  const f = family.sf;
  for (let i = 0; i < result.length; i++) result[i] = f(x[i] as number, params);
  return result;
}

/**
 * The quantile function at every probability in `p` (QQ plots, ppf curves); NaN outside [0, 1].
 *
 * @param family - A family from `getFamily`.
 * @param p - The probabilities.
 * @param params - The family's parameters.
 * @param out - Optional Float64Array of the same length to write into.
 * @returns `out`, or a new Float64Array.
 * @throws {TypeError} If `family`, `p` or `params` is not of the right kind.
 * @throws {RangeError} If the parameters are outside the family's domain or `out` has the wrong length.
 * @example
 * familyPpfArray(getFamily('uniform'), [0.25, 0.5], { min: 0, max: 2 }); // => Float64Array [0.5, 1]
 */
export function familyPpfArray(family: Family, p: ArrayLike<number>, params: FamilyParams, out?: Float64Array): Float64Array {
  const result = prepare('familyPpfArray', family, p, params, out);
  const f = family.ppf;
  for (let i = 0; i < result.length; i++) result[i] = f(p[i] as number, params);
  return result;
}
