import { checkArrayLike, describe } from '../internal/validate.ts';
import type { Family, FamilyKind, FamilyParams } from './family.ts';

// A family's functions over a whole grid, for drawing curves (densities, cdfs, QQ plots). Unlike the
// scalar functions, these check their arguments once and throw (DESIGN.md, "Errors"). All five map
// one scalar method over the points (mapPoints): the method is read once before the loop and called
// unbound (the families' methods never use `this`). Discrete families take two exact shortcuts along
// a grid (mapDiscreteSteps, mapDiscretePpf). A family with an array kernel for the cdf or ppf
// (Family.arrayKernels) gets it called instead: the same values from a loop in the family's own
// module, where the call per point is monomorphic and inlined and the parameters are read once
// (mapPoints' call site sees every family's method, so V8 can inline none of them). The gamma's ppf
// kernel also starts each point from its neighbours' answers (one evaluation of P per point on a
// fine grid instead of two or three), so its values are the scalar ppf's to a few ulps, not bit for bit.

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

type PointFunction = (x: number, params: FamilyParams) => number;

/** out[i] = f(x[i], params); `f` is read once before the loop (see the top of this file). */
function mapPoints(out: Float64Array, f: PointFunction, x: ArrayLike<number>, params: FamilyParams): Float64Array {
  for (let i = 0; i < out.length; i++) out[i] = f(x[i] as number, params);
  return out;
}

/**
 * mapPoints for a cdf or sf. A discrete family's cdf and sf depend on x only through ⌊x⌋ (the
 * Family contract: P(X ≤ x) for any real x), so a point whose floor equals its predecessor's reuses
 * that value: a fine grid over a few integers costs one evaluation per integer, bit for bit the same.
 */
function mapDiscreteSteps(out: Float64Array, kind: FamilyKind, f: PointFunction, x: ArrayLike<number>, params: FamilyParams): Float64Array {
  if (kind !== 'discrete') return mapPoints(out, f, x, params);
  let lastFloor = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < out.length; i++) {
    const xi = x[i] as number;
    const k = Math.floor(xi);
    if (k !== lastFloor) {
      last = f(xi, params);
      lastFloor = k;
    }
    out[i] = last;
  }
  return out;
}

/**
 * mapPoints for a discrete ppf. The ppf is the smallest k with cdf(k) ≥ p (tested as sf(k) ≤ 1 − p
 * above p = ½, see discretePpf), so once an answer k has come up twice in a row, cdf and sf at k − 1
 * and k are computed and every later p in (cdf(k − 1), cdf(k)] (for p ≤ ½), or with 1 − p in
 * [sf(k), sf(k − 1)) (for p > ½), returns k without a search: a fine grid of probabilities costs a few
 * evaluations per integer, and the answers are those of the scalar ppf wherever the computed cdf and
 * sf are monotone (as they are up to rounding).
 */
function mapDiscretePpf(out: Float64Array, ppf: PointFunction, cdf: PointFunction, sf: PointFunction, p: ArrayLike<number>, params: FamilyParams): Float64Array {
  let last = Number.NaN;
  let below = Number.NaN; // cdf(last − 1) once known, else NaN (so no p falls in the interval)
  let at = Number.NaN; // cdf(last)
  let sfBelow = Number.NaN; // sf(last − 1)
  let sfAt = Number.NaN; // sf(last)
  for (let i = 0; i < out.length; i++) {
    const pi = p[i] as number;
    if (pi <= 0.5 ? pi > below && pi <= at : pi < 1 && 1 - pi < sfBelow && 1 - pi >= sfAt) {
      out[i] = last;
      continue;
    }
    const k = ppf(pi, params);
    if (k === last && Number.isFinite(k) && Number.isNaN(at)) {
      below = cdf(k - 1, params);
      at = cdf(k, params);
      sfBelow = sf(k - 1, params);
      sfAt = sf(k, params);
    } else if (k !== last) {
      below = Number.NaN;
      at = Number.NaN;
      sfBelow = Number.NaN;
      sfAt = Number.NaN;
    }
    last = k;
    out[i] = k;
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
  return mapPoints(prepare('familyPdfArray', family, x, params, out), family.pdf, x, params);
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
  return mapPoints(prepare('familyLogPdfArray', family, x, params, out), family.logPdf, x, params);
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
  const kernel = family.arrayKernels?.cdf;
  return kernel === undefined ? mapDiscreteSteps(result, family.kind, family.cdf, x, params) : kernel(x, params, result);
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
  return mapDiscreteSteps(prepare('familySfArray', family, x, params, out), family.kind, family.sf, x, params);
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
  const kernel = family.arrayKernels?.ppf;
  if (kernel !== undefined) return kernel(p, params, result);
  return family.kind === 'discrete' ? mapDiscretePpf(result, family.ppf, family.cdf, family.sf, p, params) : mapPoints(result, family.ppf, p, params);
}
