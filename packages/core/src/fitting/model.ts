import type { FamilyKind, FamilyName, FamilyParams, ParameterDomain } from '../families/family.ts';
import { describe, isNumberTypedArray } from '../internal/validate.ts';
import type { Maximum } from './newton.ts';

// The per-family likelihood model the fitting engine works on (one module per family in models/).
// A model validates data, reduces it to sufficient statistics (or a frequency table), and gives the
// log-likelihood with its analytic score and Hessian in R's natural parameters; the engine
// (newton.ts) moves to the unconstrained parametrisation (log of a positive parameter, logit of a
// probability) by the chain rule.

/** How a parameter is made unconstrained: log of a positive one, logit of a probability. */
export type ParameterTransform = 'log' | 'logit' | 'identity';

export interface ModelParameter {
  readonly name: string;
  readonly domain: ParameterDomain;
  readonly transform: ParameterTransform;
  /** Never estimated, must be given in `fixed` (binomial's size). */
  readonly fixedOnly?: boolean;
}

/** What a closed-form (or boundary) maximisation reports. */
export interface ClosedFormResult {
  readonly method: 'closed-form' | 'boundary';
  /** Notes by parameter name ('' for the fit as a whole). */
  readonly notes?: Readonly<Record<string, string>>;
}

/**
 * A family's likelihood on prepared data `S`. `theta` always holds every parameter (natural, in the
 * family's order); `free[i]` says which are estimated.
 */
export interface LikelihoodModel<S = unknown> {
  readonly family: FamilyName;
  readonly kind: FamilyKind;
  readonly parameters: readonly ModelParameter[];
  /**
   * Validates `x` against the support (given the fixed values, NaN where free) and reduces it.
   * Throws a RangeError/TypeError that names `fn`, the offending value, its index and what is allowed.
   */
  prepare(fn: string, x: ArrayLike<number>, theta: Float64Array, free: readonly boolean[]): S;
  /** The number of observations. */
  count(s: S): number;
  /** ℓ(θ); −Infinity where the data are impossible, NaN never for valid θ. */
  logLikelihood(s: S, theta: Float64Array): number;
  /** The natural score into `grad` and the full Hessian (row-major p×p) into `hess`. */
  derivatives(s: S, theta: Float64Array, grad: Float64Array, hess: Float64Array): void;
  /**
   * ℓ, the score and the Hessian in one pass over the data (for models whose iterations cost O(n),
   * so Newton's trial points need one pass, not two).
   */
  evaluate?(s: S, theta: Float64Array, grad: Float64Array, hess: Float64Array): number;
  /**
   * Maximises over the free parameters in closed form when the family allows it for this set of
   * free parameters, writing them into `theta`; undefined when Newton must do it.
   */
  closedForm?(s: S, theta: Float64Array, free: readonly boolean[]): ClosedFormResult | undefined;
  /**
   * The model's own maximiser for this set of free parameters (Newton on a profile likelihood in
   * fewer dimensions, say), from `start` when one is given, else from `warmStart()` (the MLE on a
   * subsample of a large sample, made on demand) or its own; undefined when the general engine
   * (newton.ts) should run. The Maximum carries the natural Hessian at the answer.
   */
  maximize?(
    s: S,
    theta: Float64Array,
    free: readonly boolean[],
    start: Float64Array | undefined,
    warmStart: () => Float64Array | undefined,
  ): Maximum | undefined;
  /** Start points for Newton (full natural vectors; the fixed entries are copied over them). */
  starts(s: S, theta: Float64Array, free: readonly boolean[]): Float64Array[];
  /**
   * The size of a natural step in an 'identity' parameter (a location moves in units of the current
   * scale); log and logit parameters use 1.
   */
  stepSize?(s: S, theta: Float64Array, index: number): number;
  /** Parameters whose standard error is not defined (non-regular models), with the reason. */
  irregular?(s: S, theta: Float64Array, free: readonly boolean[]): Readonly<Record<string, string>>;
}

/** Throws the RangeError for a value outside the family's support. */
export function outsideSupport(fn: string, family: string, x: number, index: number, allowed: string): never {
  throw new RangeError(`${fn}: x[${index}] is ${describe(x)}; the ${family} family allows ${allowed}`);
}

/** Checks that every value is a finite number (NaN and ±Infinity named with their index). */
export function checkValues(fn: string, x: ArrayLike<number>, minLength: number, family: string): number {
  if (x === null || typeof x !== 'object' || typeof (x as ArrayLike<number>).length !== 'number') {
    throw new TypeError(`${fn}: x must be an array or typed array of numbers, got ${describe(x)}`);
  }
  const n = x.length;
  if (isNumberTypedArray(x) && n >= minLength) {
    // Typed arrays hold only numbers: one scan for NaN/±Infinity (x − x is NaN exactly for those).
    let bad = 0;
    for (let i = 0; i < n; i++) bad += (x[i] as number) - (x[i] as number);
    if (bad === 0) return n;
  }
  if (n < minLength) {
    throw new RangeError(
      `${fn}: x has ${n} value${n === 1 ? '' : 's'}; fitting the ${family} family needs at least ${minLength}`,
    );
  }
  for (let i = 0; i < n; i++) {
    const v = x[i];
    if (typeof v !== 'number') throw new TypeError(`${fn}: x[${i}] is ${describe(v)}; only numbers are allowed`);
    if (!Number.isFinite(v)) {
      throw new RangeError(`${fn}: x[${i}] is ${describe(v)}; only finite numbers are allowed (NaN and ±Infinity are not skipped)`);
    }
  }
  return n;
}

/** The RangeError for a sample whose MLE does not exist (a constant sample, …). */
export function noMle(fn: string, family: string, why: string): never {
  throw new RangeError(`${fn}: the ${family} MLE does not exist for these data: ${why}`);
}

/** Sorted distinct values and their counts (a frequency table) of already validated data. */
export interface FrequencyTable {
  readonly values: Float64Array;
  readonly counts: Float64Array;
  /** The sorted data. */
  readonly sorted: Float64Array;
}

/** Sorts a copy of `x` and collapses ties, so an iteration costs O(distinct values). */
export function frequencyTable(x: ArrayLike<number>): FrequencyTable {
  const sorted = new Float64Array(x);
  sorted.sort();
  const n = sorted.length;
  let k = 0;
  for (let i = 0; i < n; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) k++;
  const values = new Float64Array(k);
  const counts = new Float64Array(k);
  let j = -1;
  for (let i = 0; i < n; i++) {
    const v = sorted[i] as number;
    if (j < 0 || v !== values[j]) {
      j++;
      values[j] = v;
    }
    counts[j] = (counts[j] as number) + 1;
  }
  return { values, counts, sorted };
}

/** The sample quantile of sorted data (linear interpolation, numpy's default). */
export function sortedQuantile(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

/** Every parameter value by name. */
export function paramsRecord(model: LikelihoodModel, theta: ArrayLike<number>, keep?: readonly boolean[]): FamilyParams {
  const out: Record<string, number> = {};
  model.parameters.forEach((p, i) => {
    if (keep === undefined || keep[i] === true) out[p.name] = theta[i] as number;
  });
  return out;
}
