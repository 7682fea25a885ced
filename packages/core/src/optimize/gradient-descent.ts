import {
  type NormalFitOptions,
  type NormalFitResult,
  type NormalFitRun,
  type NormalFitUpdate,
  createFitRun,
  resolveFitInput,
} from './normal-fit-run.ts';

/** The notebook's update: mu -= lr_mu * g_mu; rho -= lr_rho * g_rho. */
function gradientStep(lrMu: number, lrRho: number): NormalFitUpdate {
  return (_t, params, grads) => {
    params[0] = (params[0] as number) - lrMu * (grads[0] as number);
    params[1] = (params[1] as number) - lrRho * (grads[1] as number);
  };
}

/**
 * Whether the MLE is a stable fixed point of θ ← θ − η ⊙ ∇L. At the optimum the Hessian of L in
 * (μ, ρ) is diagonal, diag(n/σ̂², 2n) for the summed loss (diag(1/σ̂², 2) for the mean), so the
 * step multiplies the deviations by 1 − η_μ·n/σ̂² and 1 − 2n·η_ρ: stable iff η_μ < 2σ̂²/n and
 * η_ρ < 1/n (η_μ < 2σ̂² and η_ρ < 1 for the mean).
 */
function gdStableAtOptimum(n: number, m2: number, lrMu: number, lrRho: number, reduction: 'sum' | 'mean'): boolean {
  const perSample = reduction === 'sum' ? n : 1;
  const sigma2 = m2 / n;
  return (lrMu * perSample) / sigma2 < 2 && lrRho * perSample < 1;
}

function gdRun(fn: string, x: ArrayLike<number>, options: NormalFitOptions): NormalFitRun {
  const { stats, resolved } = resolveFitInput(fn, x, options);
  const stable = gdStableAtOptimum(stats.n, stats.m2, resolved.lrMu, resolved.lrRho, resolved.reduction);
  return createFitRun(fn, stats, resolved, gradientStep(resolved.lrMu, resolved.lrRho), stable);
}

/**
 * A plain gradient-descent fit of N(μ, σ²) that runs in chunks: `step(k)` runs up to k iterations,
 * `current()` reports progress, `stop()` cancels, `result()` returns the record.
 *
 * Each iteration is θ ← θ − η ⊙ ∇L(θ) on θ = (μ, ρ = ln σ), with L the notebook's NLL evaluated in
 * O(1) from the sufficient statistics (see {@link fitNormalGd} for the full semantics).
 *
 * @param x - The sample: finite numbers, at least two, not all equal.
 * @param options - As {@link fitNormalGd}.
 * @returns A {@link NormalFitRun}.
 * @throws {TypeError} If `x` or an option has the wrong type.
 * @throws {RangeError} If `x` is invalid (fewer than 2 values, NaN/±Infinity, zero variance) or an
 *   option is out of range.
 * @example
 * const run = createNormalGdRun(x, { learningRate: 0.0005, maxIterations: 20000 });
 * while (!run.step(1000)) report(run.current()); // a worker checks for cancellation between chunks
 * run.result().iterations; // => 69 for the notebook's data
 */
export function createNormalGdRun(x: ArrayLike<number>, options: NormalFitOptions = {}): NormalFitRun {
  return gdRun('createNormalGdRun', x, options);
}

/**
 * Fits N(μ, σ²) by plain gradient descent on the negative log-likelihood, exactly as the MLE notebook's
 * `gradient_descent_mle_basic` (same start, updates, history and stopping rule), in O(1) per iteration.
 *
 * Parameters are θ = (μ, ρ = ln σ), started at μ₀ = x̄ + 0.1·std and ρ₀ = ln std (ddof 0) unless
 * given. Iteration t evaluates L_t = n·ρ + ½·S·e^(−2ρ) (S = m2 + n(x̄ − μ)²) and its gradient
 * ∂L/∂μ = n(μ − x̄)e^(−2ρ), ∂L/∂ρ = n − S·e^(−2ρ) at the current θ, then updates
 * μ ← μ − η_μ·∂L/∂μ, ρ ← ρ − η_ρ·∂L/∂ρ and records (μ_t, σ_t = e^ρ, L_t): the loss recorded at
 * step t is the loss before the step-t update. It stops when |L_t − L_{t−1}| < tolerance
 * ('tolerance', converged), after `maxIterations` ('max-iterations'), or when the loss or the
 * parameters stop being finite or the loss explodes (its excess over the closed-form minimum passes
 * 10⁶·max(1, initial excess) nats per sample): 'diverged', with the last finite state returned —
 * never a silent NaN. With `reduction: 'mean'` the loss and gradients are divided by n.
 * The data enter only through n, x̄ and m2 = Σ(xᵢ − x̄)², computed once, stably.
 *
 * Stability: at the MLE the Hessian in (μ, ρ) is diag(n/σ̂², 2n) (summed loss; diag(1/σ̂², 2) with
 * `reduction: 'mean'`), so a step multiplies the deviations from the optimum by 1 − η_μ·n/σ̂² and
 * 1 − 2n·η_ρ. The MLE attracts the iteration iff both lie in (−1, 1):
 * - μ: η_μ < 2σ̂²/n (mean: η_μ < 2σ̂²);
 * - ρ: η_ρ < 1/n (mean: η_ρ < 1).
 * When either fails the run cannot converge to the MLE — it oscillates on a cycle or runs away,
 * as the notebook's loop does — and the result says so: a run that ends by the tolerance (a loss
 * repeating on a cycle) or the iteration limit is reported as 'diverged', `converged: false`.
 * The notebook's default step 0.01 violates the ρ condition for n ≥ 100 with the summed loss; the
 * notebook itself calls it with 0.0005 on n = 1000 (η_ρ·n = 0.5, η_μ·n/σ̂² = 0.13: stable).
 *
 * @param x - The sample: finite numbers, at least two, not all equal.
 * @param options - `learningRate` (number or `{ mu, rho }`, default 0.01), `maxIterations` (5000),
 *   `tolerance` (1e-8; 0 runs every iteration), `mu0`, `rho0`, `reduction` ('sum').
 * @returns `{ mu, sigma, loss, iterations, converged, reason, history: { mu, sigma, loss } }`;
 *   `reason` is 'tolerance', 'max-iterations', 'diverged' (non-finite or exploding, or unstable
 *   steps as above) or 'stopped'.
 * @throws {TypeError} If `x` or an option has the wrong type.
 * @throws {RangeError} If `x` is invalid (fewer than 2 values, NaN/±Infinity, zero variance) or an
 *   option is out of range (learning rates > 0, maxIterations an integer ≥ 1, tolerance ≥ 0,
 *   finite mu0/rho0, reduction 'sum' | 'mean').
 * @example
 * // x = np.random.seed(42); np.random.normal(5, 2, 1000)
 * const fit = fitNormalGd(x, { learningRate: 0.0005, maxIterations: 20000 });
 * [fit.mu, fit.sigma, fit.iterations, fit.reason]; // => [5.0386768232358605, 1.9574524155493012, 69, 'tolerance']
 * // (the notebook prints 5.038676823235861 1.9574524155493012 after the same 69 steps)
 */
export function fitNormalGd(x: ArrayLike<number>, options: NormalFitOptions = {}): NormalFitResult {
  const run = gdRun('fitNormalGd', x, options);
  run.step();
  return run.result();
}
