import type { Family, FamilyName, FamilyParams } from '../families/family.ts';
import { extremeDataScale, scaleData, scaleFit, scaleParams } from './data-scale.ts';
import { extremes, rememberingExtremes } from './extremes.ts';
import type { DistributionFit, FitMethod } from './fit-result.ts';
import type { LikelihoodModel } from './model.ts';
import { paramsRecord } from './model.ts';
import { maximize } from './newton.ts';
import { checkParameterValue, freeIndices, modelFor, prepareFit } from './prepared-fit.ts';
import { spdInverse } from './small-matrix.ts';

/** Options of {@link fitDistribution}. */
export interface FitDistributionOptions {
  /** Parameters held at given values (not estimated), e.g. `{ size: 10 }` for the binomial. */
  readonly fixed?: FamilyParams;
  /** Start values for the iterative fits (ignored by closed forms), e.g. `{ shape: 2 }`. */
  readonly start?: FamilyParams;
}

/**
 * Fits a distribution family to data by maximum likelihood, with standard errors from the observed
 * information.
 *
 * Closed forms where they exist (normal, lognormal, exponential, Poisson, geometric, binomial with its
 * size fixed, Bernoulli, uniform, Laplace; the negative binomial's mu); otherwise Newton's method on the
 * analytic score and Hessian in an unconstrained parametrisation (log of a positive parameter, logit
 * of a probability) with a line search, working on sufficient statistics or a frequency table of the
 * distinct values (gamma, Weibull, beta, logistic, Cauchy, negative binomial). Two families have their
 * own maximiser: the Weibull with both parameters free is solved on its profile likelihood in the
 * shape (one or two passes over the data), and a large logistic sample by Chebyshev's cubically
 * convergent steps from its histogram's MLE, on each bin's two-point Gauss rule (one pass that keeps
 * the bins' first four moments) or, where bins are wide for the scale, on the values (a second pass);
 * a large Cauchy sample starts Newton from its histogram's MLE (two passes). The covariance is
 * (−∇²ℓ)⁻¹ at the MLE in R's parameters; parameters where the model is not regular (the uniform's
 * endpoints, the Laplace location, an estimate on a boundary) get NaN with the reason in `notes`.
 * AIC = −2ℓ + 2k, BIC = −2ℓ + k ln n with k the number of free parameters. Data of extreme magnitude
 * (largest |value| below 2⁻⁶⁰ or from 2⁶⁰ on) are fitted exactly as the data times a power of two,
 * for the families whose fit maps exactly under scaling (normal, exponential, gamma, Weibull,
 * logistic, Laplace, Cauchy, uniform). R: `fitdistrplus::fitdist`.
 *
 * @param x - The data (finite numbers in the family's support).
 * @param family - The family's name (R's spelling, e.g. 'gamma', 'negativeBinomial') or a Family.
 * @param options - `fixed` parameters and `start` values.
 * @returns The fit: estimates, standard errors, covariance, log-likelihood, AIC/BIC, convergence.
 * @throws {RangeError} For an unknown family, a value that is NaN, ±Infinity or outside the support
 *   (named with its index), too few values, data where the MLE does not exist (a constant sample), or
 *   a fixed value outside its parameter's domain.
 * @throws {TypeError} If x is not an array of numbers, or the binomial's size is not given.
 * @example
 * const fit = fitDistribution([1, 2, 3, 4], 'exponential');
 * fit.estimates; // => { rate: 0.4 }
 * fit.standardErrors; // => { rate: 0.2 }
 * fit.logLikelihood; // => -7.66516292749662 (4 ln 0.4 − 4)
 * fitDistribution([0, 0, 1], 'bernoulli').estimates; // => { prob: 0.3333333333333333 }
 * fitDistribution([1, 2], 'binomial'); // throws TypeError: the binomial family's size … must be given
 */
export function fitDistribution(x: ArrayLike<number>, family: FamilyName | Family, options: FitDistributionOptions = {}): DistributionFit {
  // The magnitude check and the sample share one min/max pass over a large array.
  return rememberingExtremes(() => fitOnce(x, family, options));
}

function fitOnce(x: ArrayLike<number>, family: FamilyName | Family, options: FitDistributionOptions): DistributionFit {
  const fn = 'fitDistribution';
  const model = modelFor(fn, family);
  const c = typeof x === 'object' && x !== null && rescalable(model.family) && !plainMagnitudes(x) ? extremeDataScale(model.family, x) : 1;
  if (c !== 1) {
    try {
      const fixed = scaleParams(model.family, options.fixed, c);
      const start = scaleParams(model.family, options.start, c);
      return scaleFit(fitOnce(scaleData(x, c), model.family, { ...(fixed && { fixed }), ...(start && { start }) }), 1 / c);
    } catch {
      // The fit on x itself (below) throws the same error, naming the values as given.
    }
  }
  const prep = prepareFit(fn, x, model, options.fixed ?? {});
  const { data, free } = prep;
  const theta = Float64Array.from(prep.theta);
  const notes: Record<string, string> = {};
  let method: FitMethod = 'closed-form';
  let converged = true;
  let iterations = 0;
  let logLikelihood = Number.NaN;
  let hessian: Float64Array | undefined;
  const closed = free.some(Boolean) ? model.closedForm?.(data, theta, free) : { method: 'closed-form' as const };
  if (closed !== undefined) {
    method = closed.method;
    Object.assign(notes, closed.notes ?? {});
  } else {
    method = 'newton';
    const starts: Float64Array[] = [];
    if (options.start !== undefined) {
      const start = model.starts(data, theta, free)[0] ?? Float64Array.from(theta);
      for (const [name, value] of Object.entries(options.start)) {
        const i = model.parameters.findIndex((q) => q.name === name);
        start[i < 0 ? 0 : i] = checkParameterValue(fn, model, name, value, 'options.start');
      }
      starts.push(start);
    }
    let warmed: { start: Float64Array | undefined } | undefined;
    const warmStart = () => {
      warmed ??= { start: starts.length === 0 ? subsampleStart(fn, x, prep.model, theta, free) : undefined };
      return warmed.start;
    };
    const own = model.maximize?.(data, theta, free, starts[0], warmStart);
    const warm = own === undefined ? warmStart() : undefined;
    const result = own ?? maximize(model, data, theta, free, warm === undefined ? { starts } : { starts: [warm], onlyGiven: true, trustLastStep: true });
    theta.set(result.theta);
    logLikelihood = result.logLikelihood;
    hessian = result.hessian;
    converged = result.converged;
    iterations = result.iterations;
    if (!converged) notes[''] = `did not converge: ${result.reason}`;
  }
  Object.assign(notes, model.irregular?.(data, theta, free) ?? {});
  if (Number.isNaN(logLikelihood)) logLikelihood = model.logLikelihood(data, theta);
  const idx = freeIndices(free);
  const { standardErrors, covariance } = observedCovariance(prep.model, data, theta, idx, notes, hessian);
  const k = idx.length;
  const n = model.count(data);
  return {
    family: model.family,
    parameters: idx.map((i) => (model.parameters[i] as { name: string }).name),
    estimates: paramsRecord(model, theta),
    fixed: paramsRecord(model, prep.theta, free.map((f) => !f)),
    standardErrors,
    covariance,
    logLikelihood,
    aic: -2 * logLikelihood + 2 * k,
    bic: -2 * logLikelihood + k * Math.log(n),
    n,
    converged,
    iterations,
    method,
    notes,
  };
}

/** From this many values a Float64Array's magnitudes are first checked by {@link plainMagnitudes}. */
const PLAIN_CHECK_FROM = 4096;
/** extremeDataScale's bounds: data whose largest |value| is in [2^-60, 2^60) are not rescaled. */
const PLAIN_SMALL = 2 ** -60;
const PLAIN_LARGE = 2 ** 60;

/** One value of extreme magnitude: extremeDataScale rescales it for exactly the families it rescales at all. */
const EXTREME_PROBE = [2 ** 100];

/** Whether extremeDataScale ever rescales data of `family` (so that the magnitude check is worth a pass). */
function rescalable(family: FamilyName): boolean {
  return extremeDataScale(family, EXTREME_PROBE) !== 1;
}

/**
 * Whether a large Float64Array is certainly not data of extreme magnitude (extremeDataScale would
 * return 1): its min and max are numbers and the larger of their magnitudes is in [2^-60, 2^60).
 * The interleaved min/max pass of {@link extremes} (NaN propagates), in a
 * fraction of the time of extremeDataScale's loop, which tests every value; false (so that
 * extremeDataScale decides) for anything else, NaN and ±Infinity included.
 */
function plainMagnitudes(x: ArrayLike<number>): boolean {
  if (!(x instanceof Float64Array) || x.length < PLAIN_CHECK_FROM) return false;
  const { min, max } = extremes(x);
  const big = Math.max(-min, max);
  return big >= PLAIN_SMALL && big < PLAIN_LARGE;
}

/** Above this many values a model that costs O(n) per iteration is first fitted to a subsample. */
const SUBSAMPLE_FROM = 20000;
const SUBSAMPLE_SIZE = 4000;

/**
 * The MLE on an evenly strided subsample of a large sample, as the start for the full data: the
 * model's starts (several, for a multimodal likelihood) run where they are cheap, and Newton on all
 * the values begins within about 1/√4000 of the answer, two or three passes from convergence.
 * undefined when the sample is small, the model's iterations are O(1) anyway, or the subsample fit
 * fails (then the model's own starts are used on the full data).
 */
function subsampleStart(fn: string, x: ArrayLike<number>, model: LikelihoodModel, theta: Float64Array, free: readonly boolean[]): Float64Array | undefined {
  const n = x.length;
  if (model.evaluate === undefined || n < SUBSAMPLE_FROM) return undefined;
  const sub = new Float64Array(SUBSAMPLE_SIZE);
  for (let i = 0; i < SUBSAMPLE_SIZE; i++) sub[i] = x[Math.floor((i * n) / SUBSAMPLE_SIZE)] as number;
  try {
    const data = model.prepare(fn, sub, theta, free);
    const result = maximize(model, data, Float64Array.from(theta), free);
    return result.converged ? result.theta : undefined;
  } catch {
    return undefined;
  }
}

/**
 * (−H)⁻¹ over the regular free parameters; NaN rows and columns for those named in `notes` (not
 * regular, on a boundary). Adds a note when the information is not positive definite.
 */
function observedCovariance(
  model: DistributionFitModel,
  data: unknown,
  theta: Float64Array,
  idx: readonly number[],
  notes: Record<string, string>,
  known: Float64Array | undefined,
): { standardErrors: FamilyParams; covariance: Float64Array } {
  const p = model.parameters.length;
  const q = idx.length;
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  const covariance = new Float64Array(q * q).fill(Number.NaN);
  const names = idx.map((i) => (model.parameters[i] as { name: string }).name);
  const regular = idx.map((_, a) => !((names[a] as string) in notes));
  const sub: number[] = [];
  regular.forEach((r, a) => {
    if (r) sub.push(a);
  });
  if (sub.length > 0) {
    if (known === undefined) model.derivatives(data, theta, grad, hess);
    else hess.set(known);
    const m = sub.length;
    const info = new Float64Array(m * m);
    for (let a = 0; a < m; a++) {
      for (let b = 0; b < m; b++) info[a * m + b] = -(hess[(idx[sub[a] as number] as number) * p + (idx[sub[b] as number] as number)] as number);
    }
    const inv = spdInverse(info, m);
    if (inv === undefined) {
      notes[''] ??= 'the observed information is not positive definite at the estimate, so there are no standard errors';
    } else {
      for (let a = 0; a < m; a++) for (let b = 0; b < m; b++) covariance[(sub[a] as number) * q + (sub[b] as number)] = inv[a * m + b] as number;
    }
  }
  const standardErrors: Record<string, number> = {};
  names.forEach((name, a) => {
    standardErrors[name] = Math.sqrt(covariance[a * q + a] as number);
  });
  return { standardErrors, covariance };
}

type DistributionFitModel = ReturnType<typeof modelFor>;
