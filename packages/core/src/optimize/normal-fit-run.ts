import { checkFinite, checkInteger, checkNonNegative, checkOneOf, checkPositive, describe } from '../internal/validate.ts';
import { type NormalLikelihoodData, resolveLikelihoodData } from '../likelihood/likelihood-curves.ts';
import { type NormalSufficientStats, checkSample, sufficientStatsOf } from '../likelihood/normal-sufficient-stats.ts';

// The iteration engine shared by fitNormalGd and fitNormalAdam: the notebook's loop
// (gradient_descent_mle_basic / gradient_descent_mle_adam) over the NLL in (μ, ρ = ln σ), evaluated
// in O(1) per iteration from the sufficient statistics, with divergence detection and a step API.

/** A learning rate for both parameters, or one for μ and one for ρ (the notebook's lr_mu, lr_rho). */
export type NormalFitLearningRate = number | { mu: number; rho: number };

/** Options shared by {@link fitNormalGd} and {@link fitNormalAdam}. */
export interface NormalFitOptions {
  /** Step size, one number or `{ mu, rho }`. Default 0.01 for both, the notebook's default. */
  learningRate?: NormalFitLearningRate;
  /** Maximum number of iterations, an integer ≥ 1. Default 5000. */
  maxIterations?: number;
  /** Stop when |L_t − L_{t−1}| < tolerance; 0 runs all iterations. Default 1e-8. */
  tolerance?: number;
  /** Starting μ. Default mean + 0.1·std (std with ddof 0), the notebook's start. */
  mu0?: number;
  /** Starting ρ = ln σ. Default ln std (ddof 0). */
  rho0?: number;
  /** 'sum' (the notebook's loss) or 'mean' (loss and gradients divided by n). Default 'sum'. */
  reduction?: 'sum' | 'mean';
}

/** Why a run ended. */
export type NormalFitReason = 'tolerance' | 'max-iterations' | 'diverged' | 'stopped';

/** Per-iteration history, one entry per completed iteration. */
export interface NormalFitHistory {
  /** μ after the update of iteration t. */
  mu: Float64Array;
  /** σ = e^ρ after the update of iteration t. */
  sigma: Float64Array;
  /** ρ = ln σ after the update of iteration t: the parameter the optimiser moves (not ln of the rounded σ). */
  rho: Float64Array;
  /** The loss evaluated before the update of iteration t (at the parameters of iteration t − 1). */
  loss: Float64Array;
  /**
   * L_t − L̂: how far each recorded loss is above the loss at the closed-form MLE (μ̂, ln σ̂), in the
   * same reduction — the gap a convergence plot draws on a log axis (≥ 0 up to rounding).
   */
  lossGap: Float64Array;
}

/** The result of a normal fit; `mu`, `sigma`, `loss` are the last history entry, as the notebook returns them. */
export interface NormalFitResult {
  /** Final μ. */
  mu: number;
  /** Final σ. */
  sigma: number;
  /** The last recorded loss (evaluated before the last update, as in the notebook). */
  loss: number;
  /** Completed iterations (the history length). */
  iterations: number;
  /** True when the tolerance criterion stopped the run. */
  converged: boolean;
  /**
   * 'tolerance', 'max-iterations', 'diverged' or 'stopped' (by `stop()`). 'diverged': the loss or
   * the parameters stopped being finite or the loss exploded, or (gradient descent) the step sizes
   * make the MLE an unstable fixed point — see {@link fitNormalGd} — so a run that ended by the
   * tolerance or the iteration limit was oscillating about it or running away, not converging.
   */
  reason: NormalFitReason;
  /** Full history. */
  history: NormalFitHistory;
}

/** The state after the latest completed iteration (iteration 0 is the start). */
export interface NormalFitState {
  /** Completed iterations. */
  iteration: number;
  /** Current μ. */
  mu: number;
  /** Current ρ = ln σ. */
  rho: number;
  /** Current σ = e^ρ. */
  sigma: number;
  /** The loss recorded at this iteration (for iteration 0, the loss at the start). */
  loss: number;
}

/**
 * A fit that runs in chunks, so a caller (a worker) can report progress and cancel between chunks.
 * `fitNormalGd(x, o)` is `createNormalGdRun(x, o)` stepped to the end, then `result()`.
 */
export interface NormalFitRun {
  /** Runs at most `maxSteps` more iterations (default: to the end); returns true once the run has finished. */
  step(maxSteps?: number): boolean;
  /** Ends the run now with reason 'stopped' (no effect if it has already finished). */
  stop(): void;
  /** True once the run has finished (tolerance, max-iterations, diverged or stopped). */
  readonly done: boolean;
  /** The state after the latest completed iteration. */
  current(): NormalFitState;
  /** The result; throws unless the run has finished (step until it returns true, or stop()). */
  result(): NormalFitResult;
}

/** An optimizer's update: reads params = [μ, ρ] and grads, writes the new [μ, ρ] into params. */
export type NormalFitUpdate = (iteration: number, params: Float64Array, grads: Float64Array) => void;

/** The validated common options, with the learning rates split per parameter. */
export interface ResolvedFitOptions {
  lrMu: number;
  lrRho: number;
  maxIterations: number;
  tolerance: number;
  mu0: number;
  rho0: number;
  reduction: 'sum' | 'mean';
}

const DEFAULT_LEARNING_RATE = 0.01;

// A loss whose excess over the closed-form minimum exceeds EXPLODING_FACTOR·max(1, initial excess)
// nats per sample has exploded: the fit is e^(10⁶) times less likely than the MLE per observation,
// and only a step size far beyond stability gets there (it overflows within a few steps anyway).
const EXPLODING_FACTOR = 1e6;

/** Reads and validates the sample and the shared options. */
export function resolveFitInput(
  fn: string,
  x: ArrayLike<number>,
  options: NormalFitOptions,
): { stats: NormalSufficientStats; resolved: ResolvedFitOptions } {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object, got ${describe(options)}`);
  }
  const n = checkSample(fn, x);
  if (n < 2) throw new RangeError(`${fn}: x has 1 value; at least 2 are required (the normal MLE needs a spread)`);
  const stats = sufficientStatsOf(fn, x, n);
  if (!(stats.m2 > 0)) {
    throw new RangeError(`${fn}: all values of x are equal (zero variance), so the likelihood has no maximum (σ → 0); the data need a spread`);
  }
  const lr = options.learningRate ?? DEFAULT_LEARNING_RATE;
  let lrMu: number;
  let lrRho: number;
  if (typeof lr === 'number') {
    lrMu = checkPositive(fn, 'learningRate', lr);
    lrRho = lrMu;
  } else if (lr !== null && typeof lr === 'object') {
    lrMu = checkPositive(fn, 'learningRate.mu', lr.mu);
    lrRho = checkPositive(fn, 'learningRate.rho', lr.rho);
  } else {
    throw new TypeError(`${fn}: learningRate must be a number or { mu, rho }, got ${describe(lr)}`);
  }
  const start = defaultStart(stats);
  return {
    stats,
    resolved: {
      lrMu,
      lrRho,
      maxIterations: checkInteger(fn, 'maxIterations', options.maxIterations ?? 5000, 1),
      tolerance: checkNonNegative(fn, 'tolerance', options.tolerance ?? 1e-8),
      mu0: options.mu0 === undefined ? start.mu0 : checkFinite(fn, 'mu0', options.mu0),
      rho0: options.rho0 === undefined ? start.rho0 : checkFinite(fn, 'rho0', options.rho0),
      reduction: checkOneOf(fn, 'reduction', options.reduction ?? 'sum', ['sum', 'mean'] as const),
    },
  };
}

/** The notebook's start from the sufficient statistics: (x̄ + 0.1·std, ln std), std = √(m2/n). */
function defaultStart(stats: NormalSufficientStats): { mu0: number; rho0: number } {
  const std = Math.sqrt(stats.m2 / stats.n);
  return { mu0: stats.mean + 0.1 * std, rho0: Math.log(std) };
}

/**
 * The point gradient descent and Adam start from by default: the notebook's start, a little off the
 * closed-form optimum along μ.
 *
 * Computes μ₀ = x̄ + 0.1·std and ρ₀ = ln std, std = √(Σ(xᵢ − x̄)²/n) (ddof 0), the notebook's
 * `mu = np.mean(data) + 0.1 * np.std(data); log_sigma = np.log(np.std(data))`; the `mu0`/`rho0`
 * defaults of {@link fitNormalGd} and {@link fitNormalAdam} are exactly these numbers.
 *
 * @param data - The sample (finite, at least 2 values, not all equal) or its `normalSufficientStats`.
 * @returns `{ mu0, rho0 }`.
 * @throws {TypeError} If `data` is not array-like or a stats object.
 * @throws {RangeError} If the data are invalid, or all equal (std = 0, so ln std = −∞).
 * @example
 * normalFitStart([1, 2, 3, 4]); // => { mu0: 2.6118033988749896, rho0: 0.11157177565710492 }
 */
export function normalFitStart(data: NormalLikelihoodData): { mu0: number; rho0: number } {
  const fn = 'normalFitStart';
  const stats = resolveLikelihoodData(fn, data);
  if (!(stats.m2 > 0)) {
    throw new RangeError(`${fn}: all values are equal (zero variance), so ln std = −∞; the data need a spread`);
  }
  return defaultStart(stats);
}

/**
 * The notebook's loop with O(1) iterations. Iteration t: evaluate L_t and the gradient at the
 * current (μ, ρ); stop as 'diverged' if they are not finite or L_t has exploded; update; stop as
 * 'diverged' if the new μ, ρ or σ is not finite (σ = 0 counts); record (μ_t, σ_t, L_t); stop as
 * 'tolerance' if t > 1 and |L_{t−1} − L_t| < tolerance, as 'max-iterations' if t = maxIterations.
 * A diverged run keeps only finite entries: its result is the last finite state. When the caller
 * says the optimum is not a stable fixed point of its update (`stableAtOptimum` false), the run
 * cannot converge to it: 'tolerance' (a loss that repeats on a cycle) and 'max-iterations' are
 * reported as 'diverged'.
 */
export function createFitRun(
  fn: string,
  stats: NormalSufficientStats,
  o: ResolvedFitOptions,
  update: NormalFitUpdate,
  stableAtOptimum = true,
): NormalFitRun {
  const { n, mean, m2 } = stats;
  const meanLow = stats.meanLow ?? 0;
  // 'mean' divides the loss and the gradients by n (division, not multiplication by 1/n, so the
  // values are the sum-reduced ones divided exactly as `L / n` would be).
  const divisor = o.reduction === 'mean' ? n : 1;
  // The minimum of the sum-reduced loss: n·ln σ̂ + n/2 (σ̂² = m2/n), for the explosion test.
  const minLossPerSample = 0.5 * Math.log(m2 / n) + 0.5;

  // Plain arrays while running (they grow on the JS heap without external allocations, which
  // dominate short fits); copied into Float64Arrays once, by result().
  const muHistory: number[] = [];
  const rhoHistory: number[] = [];
  const lossHistory: number[] = [];

  const params = new Float64Array(2);
  const grads = new Float64Array(2);
  const { tolerance, maxIterations } = o;
  let mu = o.mu0;
  let rho = o.rho0;
  let t = 0;
  let prevLoss = Number.NaN;
  let done = false;
  let reason: NormalFitReason = 'stopped';

  // The start's loss, reported by current() before any step and used when nothing was recorded;
  // it is also L₁, whose excess sets the explosion limit.
  const lossSumAt = (m: number, r: number): number => {
    const d = m - mean - meanLow;
    return n * r + 0.5 * (m2 + n * d * d) * Math.exp(-2 * r);
  };
  const initialLossSum = lossSumAt(mu, rho);
  const initialLoss = initialLossSum / divisor;
  // L̂, the loss at the closed form (μ̂, ln σ̂) by the same formula and operations as every recorded
  // loss, so that L_t − L̂ is exactly the difference a caller would take of the two.
  const minimumLoss = lossSumAt(mean, Math.log(Math.sqrt(m2 / n))) / divisor;
  const explodeLimit = EXPLODING_FACTOR * Math.max(1, initialLossSum / n - minLossPerSample);

  function finish(why: NormalFitReason): void {
    done = true;
    reason = !stableAtOptimum && (why === 'tolerance' || why === 'max-iterations') ? 'diverged' : why;
  }

  /** Runs up to `steps` iterations with the state in locals (registers), stored back at the end. */
  function run(steps: number): void {
    let m = mu;
    let r = rho;
    let it = t;
    let prev = prevLoss;
    let why: NormalFitReason | undefined;
    for (let k = 0; k < steps; k++) {
      const d = m - mean - meanLow;
      const s = m2 + n * d * d;
      const e = Math.exp(-2 * r);
      // The notebook's nll_and_grads, with S = m2 + n·d² and n·μ − Σx = n·d.
      const lossSum = n * r + 0.5 * s * e;
      const loss = lossSum / divisor;
      const gMu = (n * d * e) / divisor;
      const gRho = (n - s * e) / divisor;
      if (!Number.isFinite(loss) || !Number.isFinite(gMu) || !Number.isFinite(gRho) || lossSum / n - minLossPerSample > explodeLimit) {
        why = 'diverged';
        break;
      }
      params[0] = m;
      params[1] = r;
      grads[0] = gMu;
      grads[1] = gRho;
      update(it + 1, params, grads);
      const newMu = params[0] as number;
      const newRho = params[1] as number;
      const sigma = Math.exp(newRho);
      if (!Number.isFinite(newMu) || !Number.isFinite(newRho) || !Number.isFinite(sigma) || sigma === 0) {
        why = 'diverged';
        break;
      }
      muHistory.push(newMu);
      rhoHistory.push(newRho);
      lossHistory.push(loss);
      m = newMu;
      r = newRho;
      it += 1;
      if (it > 1 && Math.abs(prev - loss) < tolerance) {
        why = 'tolerance';
        break;
      }
      if (it === maxIterations) {
        why = 'max-iterations';
        break;
      }
      prev = loss;
    }
    mu = m;
    rho = r;
    t = it;
    prevLoss = prev;
    if (why !== undefined) finish(why);
  }

  return {
    step(maxSteps = Number.POSITIVE_INFINITY): boolean {
      if (typeof maxSteps !== 'number' || !(maxSteps >= 0)) {
        throw new RangeError(`${fn}: step(maxSteps) needs a number ≥ 0, got ${describe(maxSteps)}`);
      }
      if (!done) run(maxSteps);
      return done;
    },
    stop(): void {
      if (!done) finish('stopped');
    },
    get done(): boolean {
      return done;
    },
    current(): NormalFitState {
      return { iteration: t, mu, rho, sigma: Math.exp(rho), loss: t > 0 ? (lossHistory[t - 1] as number) : initialLoss };
    },
    result(): NormalFitResult {
      if (!done) {
        throw new RangeError(`${fn}: result() was called before the run finished; call step() until it returns true, or stop() first`);
      }
      return {
        mu,
        sigma: Math.exp(rho),
        loss: t > 0 ? (lossHistory[t - 1] as number) : initialLoss,
        iterations: t,
        converged: reason === 'tolerance',
        reason,
        history: {
          mu: Float64Array.from(muHistory),
          // σ_t = e^(ρ_t), the value the run checked for finiteness at step t.
          sigma: Float64Array.from(rhoHistory, Math.exp),
          rho: Float64Array.from(rhoHistory),
          loss: Float64Array.from(lossHistory),
          lossGap: Float64Array.from(lossHistory, (l) => l - minimumLoss),
        },
      };
    },
  };
}
