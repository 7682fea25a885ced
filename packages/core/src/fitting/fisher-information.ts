import type { FamilyName, FamilyParams } from '../families/family.ts';
import { describe } from '../internal/validate.ts';
import { trigamma } from '../special/trigamma.ts';
import { checkParameterValue, modelFor } from './prepared-fit.ts';
import { spdInverse } from './small-matrix.ts';

/** The families with a closed-form expected information in {@link fisherInformation}. */
const CLOSED_FORMS: Partial<Record<FamilyName, (t: Float64Array) => number[]>> = {
  // I(λ) = 1/λ²
  exponential: ([rate]) => [1 / (rate as number) ** 2],
  // I(λ) = 1/λ
  poisson: ([lambda]) => [1 / (lambda as number)],
  // I(p) = 1/(p(1 − p))
  bernoulli: ([p]) => [1 / ((p as number) * (1 - (p as number)))],
  // I(μ, σ) = diag(1/σ², 2/σ²)
  normal: ([, sd]) => [1 / (sd as number) ** 2, 0, 0, 2 / (sd as number) ** 2],
  // I(k, β) = [[ψ′(k), −1/β], [−1/β, k/β²]]
  gamma: ([shape, rate]) => [trigamma(shape as number), -1 / (rate as number), -1 / (rate as number), (shape as number) / (rate as number) ** 2],
};

/**
 * The expected (Fisher) information of one observation, I(θ) = −E[∇²log f(X; θ)], in R's parameters
 * (row-major p×p): n·I(θ) is the information of a sample of n, and N(θ, (n·I(θ))⁻¹) the MLE's
 * asymptotic distribution.
 *
 * @param family - 'exponential', 'poisson', 'bernoulli', 'normal' or 'gamma'.
 * @param params - Every parameter of the family, inside its domain (a probability strictly inside (0, 1)).
 * @returns The p×p matrix as a Float64Array.
 * @throws {RangeError} For another family, or a parameter outside its domain.
 * @example
 * fisherInformation('exponential', { rate: 2 }); // => Float64Array [0.25]
 * fisherInformation('normal', { mean: 0, sd: 2 }); // => Float64Array [0.25, 0, 0, 0.5]
 */
export function fisherInformation(family: FamilyName, params: FamilyParams): Float64Array {
  const fn = 'fisherInformation';
  const model = modelFor(fn, family);
  const form = CLOSED_FORMS[model.family];
  if (form === undefined) {
    throw new RangeError(`${fn}: family must be one of ${Object.keys(CLOSED_FORMS).map((k) => `'${k}'`).join(', ')}, got ${describe(family)}`);
  }
  if (params === null || typeof params !== 'object') throw new TypeError(`${fn}: params must be an object of parameter values, got ${describe(params)}`);
  const theta = Float64Array.from(model.parameters, (q) => checkParameterValue(fn, model, q.name, params[q.name], 'params'));
  if (model.family === 'bernoulli' && !((theta[0] as number) > 0 && (theta[0] as number) < 1)) {
    throw new RangeError(`${fn}: params.prob must be strictly between 0 and 1 (the information is infinite at the edges), got ${theta[0]}`);
  }
  return Float64Array.from(form(theta));
}

/**
 * The MLE's asymptotic standard errors for a sample of n: the square roots of the diagonal of
 * (n·I(θ))⁻¹, by parameter — the spread of N(θ, (n·I(θ))⁻¹) that repeated samples approach.
 *
 * @param family - As {@link fisherInformation}.
 * @param params - Every parameter of the family.
 * @param n - The sample size (a positive integer).
 * @returns `{ [parameter]: standard error }`.
 * @throws {RangeError} As {@link fisherInformation}, or if n is not a positive integer.
 * @example
 * asymptoticStandardErrors('exponential', { rate: 2 }, 100); // => { rate: 0.2 } (λ/√n)
 * asymptoticStandardErrors('normal', { mean: 0, sd: 2 }, 8); // => { mean: 0.7071067811865476, sd: 0.5 } (σ/√n, σ/√(2n))
 */
export function asymptoticStandardErrors(family: FamilyName, params: FamilyParams, n: number): Record<string, number> {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`asymptoticStandardErrors: n must be a positive integer, got ${describe(n)}`);
  }
  const info = fisherInformation(family, params);
  const model = modelFor('asymptoticStandardErrors', family);
  const p = model.parameters.length;
  const inverse = spdInverse(info.map((v) => v * n), p);
  const out: Record<string, number> = {};
  model.parameters.forEach((q, i) => {
    out[q.name] = inverse === undefined ? Number.NaN : Math.sqrt(inverse[i * p + i] as number);
  });
  return out;
}
