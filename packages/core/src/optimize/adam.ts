import { checkArrayLike, checkInteger, checkNonNegative, checkPositive, describe } from '../internal/validate.ts';
import {
  type NormalFitOptions,
  type NormalFitResult,
  type NormalFitRun,
  type NormalFitUpdate,
  createFitRun,
  resolveFitInput,
} from './normal-fit-run.ts';

/** Adam's moment estimates: a small explicit state object, advanced by {@link adamStep}. */
export interface AdamState {
  /** Steps taken so far (the bias corrections use t after incrementing). */
  t: number;
  /** First-moment (mean) estimates, one per parameter. */
  m: Float64Array;
  /** Second-moment (uncentred variance) estimates, one per parameter. */
  v: Float64Array;
}

/** Hyper-parameters of one Adam step. */
export interface AdamStepOptions {
  /** Step size α, one for all parameters or one per parameter. Default 0.001 (Kingma & Ba). */
  learningRate?: number | ArrayLike<number>;
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to √v̂ to avoid division by zero, ≥ 0. Default 1e-8. */
  epsilon?: number;
}

/** Options of {@link fitNormalAdam}: the shared fit options plus Adam's hyper-parameters. */
export interface NormalAdamOptions extends NormalFitOptions {
  /** Decay of the first moment, in [0, 1). Default 0.9. */
  beta1?: number;
  /** Decay of the second moment, in [0, 1). Default 0.999. */
  beta2?: number;
  /** Added to √v̂, ≥ 0. Default 1e-8. */
  epsilon?: number;
}

/**
 * A fresh Adam state for `size` parameters: t = 0 and zero moments.
 *
 * @param size - Number of parameters, an integer ≥ 1.
 * @returns `{ t: 0, m: zeros(size), v: zeros(size) }`.
 * @throws {RangeError} If `size` is not an integer ≥ 1.
 * @example
 * createAdamState(2); // => { t: 0, m: Float64Array [0, 0], v: Float64Array [0, 0] }
 */
export function createAdamState(size: number): AdamState {
  checkInteger('createAdamState', 'size', size, 1);
  return { t: 0, m: new Float64Array(size), v: new Float64Array(size) };
}

function checkBeta(fn: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) {
    throw new RangeError(`${fn}: ${name} must be a number in [0, 1), got ${describe(value)}`);
  }
  return value;
}

/**
 * One Adam update, unchecked: the notebook's operations in its order, per parameter i:
 * m ← β1·m + (1 − β1)·g; v ← β2·v + (1 − β2)·g²; m̂ = m/(1 − β1^t); v̂ = v/(1 − β2^t);
 * θ ← θ − α·m̂/(√v̂ + ε).
 */
function adamUpdate(
  state: AdamState,
  params: Float64Array,
  grads: ArrayLike<number>,
  lr: ArrayLike<number>,
  beta1: number,
  beta2: number,
  epsilon: number,
): void {
  const t = state.t + 1;
  state.t = t;
  const { m, v } = state;
  const c1 = 1 - beta1 ** t;
  const c2 = 1 - beta2 ** t;
  const single = lr.length === 1;
  for (let i = 0; i < params.length; i++) {
    const g = grads[i] as number;
    const mi = beta1 * (m[i] as number) + (1 - beta1) * g;
    const vi = beta2 * (v[i] as number) + (1 - beta2) * (g * g);
    m[i] = mi;
    v[i] = vi;
    const mHat = mi / c1;
    const vHat = vi / c2;
    const alpha = (single ? lr[0] : lr[i]) as number;
    params[i] = (params[i] as number) - (alpha * mHat) / (Math.sqrt(vHat) + epsilon);
  }
}

/**
 * One step of Adam: updates `params` in place and advances `state`.
 *
 * With t ← t + 1 and per parameter: m ← β1·m + (1 − β1)·g, v ← β2·v + (1 − β2)·g²,
 * m̂ = m/(1 − β1ᵗ), v̂ = v/(1 − β2ᵗ), θ ← θ − α·m̂/(√v̂ + ε) — Algorithm 1 of Kingma & Ba,
 * "Adam: A Method for Stochastic Optimization" (ICLR 2015), in the MLE notebook's operation order
 * (`gradient_descent_mle_adam`).
 *
 * @param state - From {@link createAdamState}; mutated (t, m, v).
 * @param params - The parameters θ; mutated.
 * @param grads - The gradient ∂L/∂θ at θ, same length.
 * @param options - `learningRate` (0.001; a number or one per parameter), `beta1` (0.9), `beta2` (0.999), `epsilon` (1e-8).
 * @returns `params`, updated.
 * @throws {TypeError} If `params` is not a Float64Array or `grads` is not array-like.
 * @throws {RangeError} If the lengths of params, grads, state and learning rates disagree, a
 *   gradient is not finite, or a hyper-parameter is out of range.
 * @example
 * const state = createAdamState(1);
 * adamStep(state, Float64Array.of(1), [0.5], { learningRate: 0.1 }); // => Float64Array [0.9000000002]
 * // t = 1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25, step = 0.1·0.5/(0.5 + 1e-8)
 */
export function adamStep(
  state: AdamState,
  params: Float64Array,
  grads: ArrayLike<number>,
  options: AdamStepOptions = {},
): Float64Array {
  const fn = 'adamStep';
  if (!(params instanceof Float64Array)) throw new TypeError(`${fn}: params must be a Float64Array (updated in place), got ${describe(params)}`);
  const size = params.length;
  const gn = checkArrayLike(fn, 'grads', grads);
  if (state === null || typeof state !== 'object' || !(state.m instanceof Float64Array) || !(state.v instanceof Float64Array)) {
    throw new TypeError(`${fn}: state must come from createAdamState(size), got ${describe(state)}`);
  }
  checkInteger(fn, 'state.t', state.t, 0);
  if (gn !== size || state.m.length !== size || state.v.length !== size) {
    throw new RangeError(`${fn}: params (${size}), grads (${gn}) and the state (${state.m.length}) must have the same length`);
  }
  for (let i = 0; i < size; i++) {
    const g = grads[i];
    if (typeof g !== 'number' || !Number.isFinite(g)) {
      throw new RangeError(`${fn}: grads[${i}] is ${describe(g)}; only finite gradients are allowed`);
    }
  }
  const lrOption = options.learningRate ?? 0.001;
  let lr: ArrayLike<number>;
  if (typeof lrOption === 'number') {
    lr = [checkPositive(fn, 'learningRate', lrOption)];
  } else {
    const ln = checkArrayLike(fn, 'learningRate', lrOption);
    if (ln !== size) throw new RangeError(`${fn}: learningRate has ${ln} entries; give one number or one per parameter (${size})`);
    for (let i = 0; i < ln; i++) checkPositive(fn, `learningRate[${i}]`, lrOption[i]);
    lr = lrOption;
  }
  const beta1 = checkBeta(fn, 'beta1', options.beta1 ?? 0.9);
  const beta2 = checkBeta(fn, 'beta2', options.beta2 ?? 0.999);
  const epsilon = checkNonNegative(fn, 'epsilon', options.epsilon ?? 1e-8);
  adamUpdate(state, params, grads, lr, beta1, beta2, epsilon);
  return params;
}

function adamRun(fn: string, x: ArrayLike<number>, options: NormalAdamOptions): NormalFitRun {
  const { stats, resolved } = resolveFitInput(fn, x, options);
  const beta1 = checkBeta(fn, 'beta1', options.beta1 ?? 0.9);
  const beta2 = checkBeta(fn, 'beta2', options.beta2 ?? 0.999);
  const epsilon = checkNonNegative(fn, 'epsilon', options.epsilon ?? 1e-8);
  const state = createAdamState(2);
  const lr = Float64Array.of(resolved.lrMu, resolved.lrRho);
  const update: NormalFitUpdate = (t, params, grads) => {
    state.t = t - 1; // the engine's iteration count is Adam's t
    adamUpdate(state, params, grads, lr, beta1, beta2, epsilon);
  };
  return createFitRun(fn, stats, resolved, update);
}

/**
 * An Adam fit of N(μ, σ²) that runs in chunks: `step(k)` runs up to k iterations, `current()` reports
 * progress, `stop()` cancels, `result()` returns the record (see {@link fitNormalAdam}).
 *
 * @param x - The sample: finite numbers, at least two, not all equal.
 * @param options - As {@link fitNormalAdam}.
 * @returns A {@link NormalFitRun}.
 * @throws {TypeError} If `x` or an option has the wrong type.
 * @throws {RangeError} If `x` is invalid or an option is out of range.
 * @example
 * const run = createNormalAdamRun(x, { learningRate: 0.05, maxIterations: 20000 });
 * while (!run.step(500)) report(run.current());
 * run.result().iterations; // => 175 for the notebook's data
 */
export function createNormalAdamRun(x: ArrayLike<number>, options: NormalAdamOptions = {}): NormalFitRun {
  return adamRun('createNormalAdamRun', x, options);
}

/**
 * Fits N(μ, σ²) with Adam on the negative log-likelihood, exactly as the MLE notebook's
 * `gradient_descent_mle_adam` (same start, moments, bias corrections, history and stopping rule), in
 * O(1) per iteration.
 *
 * θ = (μ, ρ = ln σ) starts at μ₀ = x̄ + 0.1·std, ρ₀ = ln std (ddof 0) unless given. Iteration t
 * evaluates the notebook's L_t = n·ρ + ½·S·e^(−2ρ) and gradient at the current θ, applies one
 * {@link adamStep} per parameter (β1, β2, ε; learning rate per parameter), and records
 * (μ_t, σ_t, L_t) — the loss before the step-t update. Stopping and divergence are as
 * {@link fitNormalGd}: |L_t − L_{t−1}| < tolerance → 'tolerance'; `maxIterations` →
 * 'max-iterations'; non-finite or exploding loss/parameters → 'diverged' with the last finite state.
 * Algorithm: Kingma & Ba (2015), Algorithm 1.
 *
 * @param x - The sample: finite numbers, at least two, not all equal.
 * @param options - The {@link fitNormalGd} options (`learningRate` default 0.01, `maxIterations`
 *   5000, `tolerance` 1e-8, `mu0`, `rho0`, `reduction` 'sum') plus `beta1` (0.9), `beta2` (0.999),
 *   `epsilon` (1e-8).
 * @returns `{ mu, sigma, loss, iterations, converged, reason, history: { mu, sigma, loss } }`.
 * @throws {TypeError} If `x` or an option has the wrong type.
 * @throws {RangeError} If `x` is invalid (fewer than 2 values, NaN/±Infinity, zero variance) or an
 *   option is out of range (beta1, beta2 in [0, 1), epsilon ≥ 0, as well as fitNormalGd's).
 * @example
 * // x = np.random.seed(42); np.random.normal(5, 2, 1000)
 * const fit = fitNormalAdam(x, { learningRate: 0.05, maxIterations: 20000 });
 * [fit.mu, fit.sigma, fit.iterations]; // => [5.038656935830904, 1.9574418685576829, 175]
 */
export function fitNormalAdam(x: ArrayLike<number>, options: NormalAdamOptions = {}): NormalFitResult {
  const run = adamRun('fitNormalAdam', x, options);
  run.step();
  return run.result();
}
