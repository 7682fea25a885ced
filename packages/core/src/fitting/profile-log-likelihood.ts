import { describe } from '../internal/validate.ts';
import { prepareForFit } from './confidence-intervals.ts';
import { extremeScaleOfFit, scaleData, scaleFit, unscaleValue } from './data-scale.ts';
import type { DistributionFit } from './fit-result.ts';
import { checkParameterValue, restrictedMaximum } from './prepared-fit.ts';

/** A profile log-likelihood on a grid of one parameter's values. */
export interface ProfileLogLikelihood {
  /** The parameter's values (a copy of the grid). */
  readonly values: Float64Array;
  /** ℓ_p(θ) = max over the other free parameters of ℓ(θ, ·); −Infinity where the data are impossible. */
  readonly logLikelihood: Float64Array;
  /**
   * dℓ_p/dθ: the score of θ at the restricted maximum (the other free parameters' scores are 0 there,
   * so this is the profile's slope) — the score test's U at each value.
   */
  readonly slope: Float64Array;
}

/**
 * The profile log-likelihood of one free parameter of a fit, and its slope, on a grid of values: at
 * each θ the other free parameters are maximised out (warm-started from the previous grid point), as
 * `confidenceIntervals` and `likelihoodTests` do. With one free parameter it is the log-likelihood.
 *
 * @param x - The data the fit was made on.
 * @param fit - The result of `fitDistribution`.
 * @param parameter - A free parameter of the fit, e.g. 'rate' or 'mean'.
 * @param values - Values of the parameter inside its domain.
 * @returns `{ values, logLikelihood, slope }`, each one entry per value.
 * @throws {RangeError} If the parameter is not free in the fit or a value is outside its domain.
 * @example
 * const x = [1, 2, 3, 4];
 * const p = profileLogLikelihood(x, fitDistribution(x, 'exponential'), 'rate', [0.4, 1]);
 * p.logLikelihood; // => Float64Array [-7.66516292749662, -10] (4 ln λ − 10λ)
 * p.slope; // => Float64Array [0, -6] (4/λ − 10)
 */
export function profileLogLikelihood(x: ArrayLike<number>, fit: DistributionFit, parameter: string, values: ArrayLike<number>): ProfileLogLikelihood {
  const fn = 'profileLogLikelihood';
  const c = extremeScaleOfFit(fit, x);
  if (c !== 1 && values !== null && typeof values === 'object' && typeof values.length === 'number') {
    try {
      // ℓ for x is ℓ for c·x plus n·ln c; θ' = f·θ for c·x, so dℓ/dθ = f·dℓ/dθ'.
      const f = 1 / unscaleValue(fit.family, parameter, 1, c);
      const scaled = profileLogLikelihood(scaleData(x, c), scaleFit(fit, c), parameter, Float64Array.from({ length: values.length }, (_v, i) => (typeof values[i] === 'number' ? (values[i] as number) * f : Number.NaN)));
      const shift = fit.n * Math.log(c);
      return {
        values: scaled.values.map((v) => v / f),
        logLikelihood: scaled.logLikelihood.map((l) => l + shift),
        slope: scaled.slope.map((s) => s * f),
      };
    } catch {
      // The profile on x itself (below) throws the same error, naming the values as given.
    }
  }
  const prep = prepareForFit(fn, x, fit);
  const { model, data } = prep;
  const j = model.parameters.findIndex((p) => p.name === parameter);
  if (j < 0 || !prep.free[j]) {
    throw new RangeError(`${fn}: parameter must be a free parameter of the fit (${fit.parameters.join(', ')}), got ${describe(parameter)}`);
  }
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new TypeError(`${fn}: values must be an array of numbers, got ${describe(values)}`);
  }
  const grid = Float64Array.from({ length: values.length }, (_v, i) => checkParameterValue(fn, model, parameter, values[i], `values[${i}]`));
  const p = model.parameters.length;
  const logLikelihood = new Float64Array(grid.length);
  const slope = new Float64Array(grid.length);
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  let warm: Float64Array = Float64Array.from(model.parameters, (q) => fit.estimates[q.name] as number);
  for (let i = 0; i < grid.length; i++) {
    const restricted = restrictedMaximum(prep, [j], [grid[i] as number], warm);
    logLikelihood[i] = restricted.logLikelihood;
    if (Number.isFinite(restricted.logLikelihood)) {
      model.derivatives(data, restricted.theta, grad, hess);
      slope[i] = grad[j] as number;
      if (restricted.theta.every(Number.isFinite)) warm = restricted.theta;
    } else {
      slope[i] = Number.NaN;
    }
  }
  return { values: grid, logLikelihood, slope };
}
