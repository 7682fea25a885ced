import type { LikelihoodModel } from './model.ts';
import { cholesky, choleskySolve } from './small-matrix.ts';

// The engine for the families without a closed form: Newton's method on the analytic score and
// Hessian in the unconstrained parametrisation φ (log of a positive parameter, logit of a
// probability), with an Armijo backtracking line search, a step cap, and a Levenberg shift of the
// Hessian (tending to gradient ascent) wherever it is not negative definite. Several starts where
// the model gives them; the best log-likelihood wins.

/** The outcome of maximising ℓ over the free parameters. */
export interface Maximum {
  readonly theta: Float64Array;
  readonly logLikelihood: number;
  readonly converged: boolean;
  readonly iterations: number;
  /** Why it stopped when it did not converge. */
  readonly reason: string;
  /** The natural Hessian at `theta`, when the last step already computed it. */
  readonly hessian?: Float64Array;
}

export interface MaximizeOptions {
  /** Extra start points (natural, full vectors) tried before the model's. */
  readonly starts?: readonly Float64Array[];
  readonly maxIterations?: number;
  /** Use only `starts`, not the model's own (a warm start already found the right basin). */
  readonly onlyGiven?: boolean;
  /**
   * Take a final pure Newton step smaller than {@link TRUST_LAST_STEP} without evaluating the model
   * there (for O(n) models on large samples, where that evaluation is a whole pass over the data).
   */
  readonly trustLastStep?: boolean;
}

const MAX_STEP = 3;
// Newton converges quadratically with the exact Hessian: after a step of relative size δ the error is
// O(δ²), so a step below 1e-6 leaves about 1e-12.
const STEP_TOL = 1e-6;
const QUADRATIC_REGION = 1e-3;
const ARMIJO = 1e-4;
/**
 * A pure Newton step below this (in φ) is taken without evaluating the model at its end when the
 * caller allows it: the point it reaches is within O(step²) ≈ 1e-12 of the maximum (as after an
 * evaluated step of that size), ℓ there is the quadratic model's ℓ + ½ g·d (error O(step³)), and the
 * Hessian kept from the step's start differs from the one at its end by O(step) relatively, at most
 * ~1e-6 in a standard error (whose own sampling error on such samples is ~1/√(2n) ≈ 0.2%).
 */
const TRUST_LAST_STEP = STEP_TOL;

/** φ-space first and second derivatives of θ = t(φ) at θ. */
function chain(transform: string, theta: number): [number, number] {
  if (transform === 'log') return [theta, theta];
  if (transform === 'logit') {
    const d = theta * (1 - theta);
    return [d, d * (1 - 2 * theta)];
  }
  return [1, 0];
}

function toPhi(transform: string, theta: number): number {
  if (transform === 'log') return Math.log(theta);
  if (transform === 'logit') return Math.log(theta / (1 - theta));
  return theta;
}

function fromPhi(transform: string, phi: number): number {
  if (transform === 'log') return Math.exp(phi);
  if (transform === 'logit') return phi >= 0 ? 1 / (1 + Math.exp(-phi)) : Math.exp(phi) / (1 + Math.exp(phi));
  return phi;
}

/**
 * Maximises the model's log-likelihood over the free parameters from each start, returning the best.
 * `theta` holds the fixed values (free entries are ignored). Never throws.
 */
export function maximize<S>(
  model: LikelihoodModel<S>,
  s: S,
  theta: Float64Array,
  free: readonly boolean[],
  options: MaximizeOptions = {},
): Maximum {
  const starts = [...(options.starts ?? []), ...(options.onlyGiven === true ? [] : model.starts(s, theta, free))];
  let best: Maximum | undefined;
  let total = 0;
  for (const start of starts) {
    const x0 = Float64Array.from(theta);
    free.forEach((f, i) => {
      if (f) x0[i] = start[i] as number;
    });
    const result = newtonFrom(model, s, x0, free, options.maxIterations ?? 500, options.trustLastStep === true);
    total += result.iterations;
    if (
      best === undefined ||
      (result.converged && !best.converged && result.logLikelihood >= best.logLikelihood - 1e-9 * Math.abs(best.logLikelihood)) ||
      result.logLikelihood > best.logLikelihood
    ) {
      best = result;
    }
  }
  if (best === undefined) {
    return { theta: Float64Array.from(theta), logLikelihood: Number.NaN, converged: false, iterations: 0, reason: 'no start point' };
  }
  return { ...best, iterations: total };
}

function newtonFrom<S>(model: LikelihoodModel<S>, s: S, theta: Float64Array, free: readonly boolean[], maxIterations: number, trustLastStep: boolean): Maximum {
  const p = model.parameters.length;
  const idx: number[] = [];
  free.forEach((f, i) => {
    if (f) idx.push(i);
  });
  const q = idx.length;
  const transforms = idx.map((i) => (model.parameters[i] as { transform: string }).transform);
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  const g = new Float64Array(q);
  const h = new Float64Array(q * q);
  const phi = new Float64Array(q);
  const trial = Float64Array.from(theta);
  const trialGrad = new Float64Array(p);
  const trialHess = new Float64Array(p * p);
  // With a one-pass evaluation the start's derivatives come with its ℓ.
  let known = model.evaluate !== undefined;
  let ll = known ? (model.evaluate as NonNullable<typeof model.evaluate>)(s, theta, grad, hess) : model.logLikelihood(s, theta);
  if (!Number.isFinite(ll)) {
    return { theta, logLikelihood: ll, converged: false, iterations: 0, reason: 'the start point has no finite log-likelihood' };
  }
  let flat = 0;
  for (let it = 1; it <= maxIterations; it++) {
    if (!known) model.derivatives(s, theta, grad, hess);
    for (let a = 0; a < q; a++) {
      const ia = idx[a] as number;
      phi[a] = toPhi(transforms[a] as string, theta[ia] as number);
      const [da, d2a] = chain(transforms[a] as string, theta[ia] as number);
      g[a] = (grad[ia] as number) * da;
      for (let b = 0; b < q; b++) {
        const ib = idx[b] as number;
        const [db] = chain(transforms[b] as string, theta[ib] as number);
        // −∂²ℓ/∂φa∂φb, the matrix Newton solves with.
        h[a * q + b] = -(hess[ia * p + ib] as number) * da * db - (a === b ? (grad[ia] as number) * d2a : 0);
      }
    }
    if (!g.every(Number.isFinite) || !h.every(Number.isFinite)) {
      return { theta, logLikelihood: ll, converged: false, iterations: it, reason: 'the score or Hessian is not finite' };
    }
    // Newton direction, or a Levenberg-shifted one where −H is not positive definite.
    let l = cholesky(h, q);
    const pureNewton = l !== undefined;
    let shift = 0;
    let maxDiag = 0;
    for (let a = 0; a < q; a++) maxDiag = Math.max(maxDiag, Math.abs(h[a * q + a] as number));
    for (let tries = 0; l === undefined && tries < 40; tries++) {
      shift = shift === 0 ? Math.max(1e-8 * maxDiag, 1e-12) : shift * 10;
      const shifted = Float64Array.from(h);
      for (let a = 0; a < q; a++) shifted[a * q + a] = (shifted[a * q + a] as number) + shift;
      l = cholesky(shifted, q);
    }
    if (l === undefined) return { theta, logLikelihood: ll, converged: false, iterations: it, reason: 'no ascent direction' };
    const d = choleskySolve(l, q, g);
    // Step sizes in units of each parameter's natural step (a location moves in units of the scale).
    let worst = 0;
    const sizes = new Float64Array(q);
    for (let a = 0; a < q; a++) {
      const ia = idx[a] as number;
      sizes[a] = transforms[a] === 'identity' ? (model.stepSize?.(s, theta, ia) ?? 1) : 1;
      worst = Math.max(worst, Math.abs(d[a] as number) / (sizes[a] as number));
    }
    if (worst > MAX_STEP) for (let a = 0; a < q; a++) d[a] = ((d[a] as number) * MAX_STEP) / worst;
    let slope = 0;
    for (let a = 0; a < q; a++) slope += (g[a] as number) * (d[a] as number);
    if (trustLastStep && known && pureNewton && worst < TRUST_LAST_STEP) {
      for (let a = 0; a < q; a++) theta[idx[a] as number] = fromPhi(transforms[a] as string, (phi[a] as number) + (d[a] as number));
      return { theta, logLikelihood: ll + 0.5 * slope, converged: true, iterations: it, reason: '', hessian: Float64Array.from(hess) };
    }
    // In Newton's quadratic region the change in ℓ falls below its rounding, where Armijo's test is
    // noise: there the full Newton step is taken unless ℓ drops by more than rounding.
    const quadratic = pureNewton && worst < QUADRATIC_REGION;
    const roundoff = 1e-13 * Math.max(1, Math.abs(ll));
    let t = 1;
    let accepted = false;
    let newLl = ll;
    for (let k = 0; k < 60; k++) {
      for (let a = 0; a < q; a++) {
        trial[idx[a] as number] = fromPhi(transforms[a] as string, (phi[a] as number) + t * (d[a] as number));
      }
      newLl = model.evaluate === undefined ? model.logLikelihood(s, trial) : model.evaluate(s, trial, trialGrad, trialHess);
      if (newLl >= ll + ARMIJO * t * slope || (quadratic && t === 1 && newLl >= ll - roundoff)) {
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No increase along an ascent direction: ℓ is flat to rounding here. That is the maximum when the
      // Newton step was already tiny; otherwise report it.
      const converged = pureNewton && worst < 1e-6;
      return {
        theta,
        logLikelihood: ll,
        converged,
        iterations: it,
        reason: converged ? '' : 'the line search found no increase (the likelihood is flat to rounding here)',
      };
    }
    theta.set(trial);
    known = model.evaluate !== undefined;
    if (known) {
      grad.set(trialGrad);
      hess.set(trialHess);
    }
    // A Newton step this small leaves an error of order its square: converged. When the score's own
    // rounding keeps the step from shrinking further, ℓ flat to rounding for a few steps ends it too.
    flat = quadratic && Math.abs(newLl - ll) <= roundoff ? flat + 1 : 0;
    ll = newLl;
    if ((pureNewton && worst < STEP_TOL) || (flat >= 3 && worst < 1e-7)) {
      return { theta, logLikelihood: ll, converged: true, iterations: it, reason: '', ...(known ? { hessian: Float64Array.from(hess) } : {}) };
    }
  }
  return { theta, logLikelihood: ll, converged: false, iterations: maxIterations, reason: `no convergence in ${maxIterations} iterations` };
}

/** The natural Hessian of ℓ at θ restricted to the free parameters (row-major), and the full score. */
export function freeHessian<S>(model: LikelihoodModel<S>, s: S, theta: Float64Array, idx: readonly number[]): { grad: Float64Array; hess: Float64Array } {
  const p = model.parameters.length;
  const grad = new Float64Array(p);
  const full = new Float64Array(p * p);
  model.derivatives(s, theta, grad, full);
  const q = idx.length;
  const hess = new Float64Array(q * q);
  for (let a = 0; a < q; a++) for (let b = 0; b < q; b++) hess[a * q + b] = full[(idx[a] as number) * p + (idx[b] as number)] as number;
  return { grad, hess };
}
