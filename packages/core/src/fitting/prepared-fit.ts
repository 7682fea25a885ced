import type { Family, FamilyName, FamilyParams } from '../families/family.ts';
import { describe } from '../internal/validate.ts';
import type { LikelihoodModel } from './model.ts';
import { LIKELIHOOD_MODELS } from './models/registry.ts';
import { maximize } from './newton.ts';

// What fitDistribution, confidenceIntervals and likelihoodTests share: the family's model, the data
// prepared once, which parameters are free, and the restricted maximum (some parameters held at given
// values, the others maximised out) that profiles and tests need.

export interface PreparedFit {
  readonly model: LikelihoodModel;
  readonly data: unknown;
  /** Fixed values (NaN where free) in family order. */
  readonly theta: Float64Array;
  readonly free: readonly boolean[];
}

/** The model for a family name (or a Family object); a RangeError naming `fn` otherwise. */
export function modelFor(fn: string, family: FamilyName | Family): LikelihoodModel {
  const name = typeof family === 'object' && family !== null ? (family as Family).name : family;
  const model = typeof name === 'string' && Object.hasOwn(LIKELIHOOD_MODELS, name) ? LIKELIHOOD_MODELS[name as FamilyName] : undefined;
  if (model === undefined) {
    throw new RangeError(`${fn}: family must be one of ${Object.keys(LIKELIHOOD_MODELS).map((k) => `'${k}'`).join(', ')}, got ${describe(name)}`);
  }
  return model;
}

/** Checks a parameter value against its domain. */
export function checkParameterValue(fn: string, model: LikelihoodModel, name: string, value: unknown, what: string): number {
  const p = model.parameters.find((q) => q.name === name);
  if (p === undefined) {
    throw new RangeError(`${fn}: ${what} names '${name}', which is not a parameter of the ${model.family} family (its parameters: ${model.parameters.map((q) => q.name).join(', ')})`);
  }
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (p.domain === 'real' ||
      (p.domain === 'positive' && value > 0) ||
      (p.domain === 'probability' && value >= 0 && value <= 1) ||
      (p.domain === 'count' && Number.isInteger(value) && value >= 0));
  if (!ok) {
    const allowed = { real: 'a finite number', positive: 'a finite number > 0', probability: 'a number in [0, 1]', count: 'an integer ≥ 0' }[p.domain];
    throw new RangeError(`${fn}: ${what}.${name} must be ${allowed}, got ${describe(value)}`);
  }
  return value as number;
}

/** Reads `fixed`, requires the fixed-only parameters, validates and prepares the data. */
export function prepareFit(fn: string, x: ArrayLike<number>, model: LikelihoodModel, fixed: FamilyParams): PreparedFit {
  if (fixed === null || typeof fixed !== 'object') throw new TypeError(`${fn}: options.fixed must be an object of parameter values, got ${describe(fixed)}`);
  const p = model.parameters.length;
  const theta = new Float64Array(p).fill(Number.NaN);
  for (const [name, value] of Object.entries(fixed)) {
    const i = model.parameters.findIndex((q) => q.name === name);
    theta[i < 0 ? 0 : i] = checkParameterValue(fn, model, name, value, 'options.fixed');
  }
  model.parameters.forEach((q, i) => {
    if (q.fixedOnly === true && Number.isNaN(theta[i] as number)) {
      throw new TypeError(
        `${fn}: the ${model.family} family's ${q.name} is not estimated and must be given: fitDistribution(x, '${model.family}', { fixed: { ${q.name}: … } })`,
      );
    }
  });
  const free = Array.from(theta, (v) => Number.isNaN(v));
  return { model, data: model.prepare(fn, x, theta, free), theta, free };
}

/** The outcome of a restricted maximisation. */
export interface RestrictedMaximum {
  readonly theta: Float64Array;
  readonly logLikelihood: number;
  readonly converged: boolean;
}

/**
 * Maximises ℓ with the parameters `hold` (indices) at `values` and the prepared fit's other free
 * parameters maximised out, warm-started from `warm`. −Infinity when no valid point exists there.
 */
export function restrictedMaximum(prep: PreparedFit, hold: readonly number[], values: readonly number[], warm: Float64Array): RestrictedMaximum {
  const { model, data } = prep;
  const theta = Float64Array.from(warm);
  prep.theta.forEach((v, i) => {
    if (!prep.free[i]) theta[i] = v;
  });
  const free = [...prep.free];
  hold.forEach((j, k) => {
    theta[j] = values[k] as number;
    free[j] = false;
  });
  if (!free.some(Boolean)) return { theta, logLikelihood: model.logLikelihood(data, theta), converged: true };
  try {
    const closed = model.closedForm?.(data, theta, free);
    if (closed !== undefined) return { theta, logLikelihood: model.logLikelihood(data, theta), converged: true };
  } catch {
    return { theta, logLikelihood: Number.NEGATIVE_INFINITY, converged: true };
  }
  const result = maximize(model, data, theta, free, { starts: [warm] });
  return { theta: result.theta, logLikelihood: result.logLikelihood, converged: result.converged };
}

/** The indices of the free parameters. */
export function freeIndices(free: readonly boolean[]): number[] {
  const idx: number[] = [];
  free.forEach((f, i) => {
    if (f) idx.push(i);
  });
  return idx;
}
