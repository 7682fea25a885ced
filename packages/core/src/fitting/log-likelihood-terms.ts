import type { FamilyName, FamilyParams } from '../families/family.ts';
import { describe } from '../internal/validate.ts';
import { checkParameterValue, modelFor } from './prepared-fit.ts';

/**
 * Each value's own log-density (log-probability for a discrete family) under one parameter setting:
 * the terms whose sum is the log-likelihood ℓ(θ) = Σ log f(xᵢ; θ). A value outside the support (for
 * these parameters) gives −Infinity: its probability is 0, not an error.
 *
 * @param x - The values (finite numbers).
 * @param family - The family's name (R's spelling).
 * @param params - Every parameter of the family, e.g. `{ rate: 0.5 }` or `{ mean: 0, sd: 1 }`.
 * @returns log f(xᵢ; θ) for each value.
 * @throws {RangeError} For an unknown family, a missing parameter or one outside its domain, or a
 *   value that is NaN or ±Infinity.
 * @example
 * logLikelihoodTerms([1, 2], 'exponential', { rate: 0.5 }); // => Float64Array [-1.1931471805599454, -1.6931471805599454] (ln 0.5 − 0.5x)
 * logLikelihoodTerms([0, 1], 'bernoulli', { prob: 0.25 }); // => Float64Array [-0.2876820724517809, -1.3862943611198906]
 */
export function logLikelihoodTerms(x: ArrayLike<number>, family: FamilyName, params: FamilyParams): Float64Array {
  const fn = 'logLikelihoodTerms';
  const model = modelFor(fn, family);
  if (params === null || typeof params !== 'object') throw new TypeError(`${fn}: params must be an object of parameter values, got ${describe(params)}`);
  const theta = Float64Array.from(model.parameters, (q) => checkParameterValue(fn, model, q.name, params[q.name], 'params'));
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number') throw new TypeError(`${fn}: x must be an array of numbers, got ${describe(x)}`);
  const free = model.parameters.map(() => false);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new RangeError(`${fn}: x[${i}] is ${describe(v)}; only finite numbers are allowed`);
    let data: unknown;
    try {
      data = model.prepare(fn, [v], theta, free);
    } catch {
      out[i] = Number.NEGATIVE_INFINITY; // outside the support for these parameters
      continue;
    }
    out[i] = model.logLikelihood(data, theta);
  }
  return out;
}

/** Each value's density and log-density under one parameter setting, with their product and sum. */
export interface LikelihoodTerms {
  /** log f(xᵢ; θ). */
  readonly logDensity: Float64Array;
  /** f(xᵢ; θ) (a probability for a discrete family). */
  readonly density: Float64Array;
  /** ℓ(θ) = Σ log f(xᵢ; θ). */
  readonly logLikelihood: number;
  /** L(θ) = ∏ f(xᵢ; θ) = exp ℓ(θ) (0 once it underflows). */
  readonly likelihood: number;
}

/**
 * {@link logLikelihoodTerms} with the densities themselves, their sum of logs ℓ(θ) and their
 * product L(θ) — the numbers a picture of "the likelihood at θ" shows.
 *
 * @param x - The values (finite numbers).
 * @param family - The family's name (R's spelling).
 * @param params - Every parameter of the family.
 * @returns `{ logDensity, density, logLikelihood, likelihood }`.
 * @throws {RangeError} As {@link logLikelihoodTerms}.
 * @example
 * const t = likelihoodTerms([1, 1, 0], 'bernoulli', { prob: 0.5 });
 * t.density; // => Float64Array [0.5, 0.5, 0.5]
 * t.likelihood; // => 0.125
 * t.logLikelihood; // => -2.0794415416798357 (3 ln 0.5)
 */
export function likelihoodTerms(x: ArrayLike<number>, family: FamilyName, params: FamilyParams): LikelihoodTerms {
  const logDensity = logLikelihoodTerms(x, family, params);
  const density = logDensity.map(Math.exp);
  let logLikelihood = 0;
  for (const v of logDensity) logLikelihood += v;
  return { logDensity, density, logLikelihood, likelihood: Math.exp(logLikelihood) };
}
