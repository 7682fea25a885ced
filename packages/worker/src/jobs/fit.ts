// Fitting N(μ, σ²) to a dataset in the worker: the closed form, gradient descent or Adam, stepped in
// time slices through core's run API so that progress reaches the page and a cancel lands in time.
import {
  createNormalAdamRun,
  createNormalGdRun,
  normalMle,
  type NormalAdamOptions,
  type NormalFitLearningRate,
  type NormalFitReason,
  type NormalFitRun,
} from '@mle-lab/core';
import { getDataset, type DatasetHandle } from '../datasets.ts';
import { decimateSeries } from '../decimate.ts';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

export type FitMethod = 'closed-form' | 'gd' | 'adam';

/** What to fit and how. Options a method does not use are ignored (Adam's on 'gd', all on 'closed-form'). */
export interface FitRequest {
  method: FitMethod;
  /** Step size, one for both parameters or `{ mu, rho }`. Default 0.01 (core's default, the notebook's). */
  learningRate?: NormalFitLearningRate;
  /** Most iterations, an integer from 1 to 1,000,000. Default 5000. */
  maxIterations?: number;
  /** Stop when |L_t − L_{t−1}| < tolerance; 0 runs every iteration. Default 1e-8. */
  tolerance?: number;
  /** 'sum' (the notebook's loss) or 'mean' (divided by n). Default 'sum'. */
  reduction?: 'sum' | 'mean';
  /** Starting μ. Default mean + 0.1·std. */
  mu0?: number;
  /** Starting ρ = ln σ. Default ln std (ddof 0). */
  rho0?: number;
  /** Adam's first-moment decay. Default 0.9. */
  beta1?: number;
  /** Adam's second-moment decay. Default 0.999. */
  beta2?: number;
  /** Adam's ε. Default 1e-8. */
  epsilon?: number;
  /** Most points of the returned history (for drawing), an integer ≥ 2. Default 2000. */
  maxPoints?: number;
}

/** A fit's path for drawing: at most `maxPoints` iterations, always the first and the last. */
export interface FitHistory {
  /** The 1-based iteration number of each kept point. */
  iteration: Float64Array;
  /** μ after that iteration's update. */
  mu: Float64Array;
  /** σ after that iteration's update. */
  sigma: Float64Array;
  /** ρ = ln σ after that iteration's update (core's iterate itself, for drawing on a ln σ axis). */
  rho: Float64Array;
  /** The loss before that iteration's update. */
  loss: Float64Array;
  /** That loss minus the loss at the closed form, L − L̂ in the same reduction (core's `lossGap`). */
  lossGap: Float64Array;
}

export interface FitResult {
  method: FitMethod;
  /** Final μ (exact, not decimated). */
  mu: number;
  /** Final σ. */
  sigma: number;
  /** The last recorded loss (before the last update, as the notebook records it); for 'closed-form', the loss at the MLE. */
  loss: number;
  /** Completed iterations (0 for 'closed-form'). */
  iterations: number;
  /** True when the tolerance stopped the run (and always for 'closed-form'). */
  converged: boolean;
  /** Why the run ended: core's reason ('diverged' keeps the last finite state), or 'closed-form'. */
  reason: NormalFitReason | 'closed-form';
  /** The closed-form MLE and the loss there, in the same reduction: what an iterative fit should reach. */
  closedForm: { mu: number; sigma: number; loss: number };
  history: FitHistory;
}

/** Most iterations a fit may ask for: its full history (40 bytes an iteration) stays under 40 MB. */
export const MAX_FIT_ITERATIONS = 1_000_000;
/** Iterations between looks at the clock (core's iterations are O(1): ~30 ns each). */
const ITERATIONS_PER_CHUNK = 2048;

const methods: readonly FitMethod[] = ['closed-form', 'gd', 'adam'];

function checkRequest(request: unknown): FitRequest {
  if (typeof request !== 'object' || request === null) {
    throw new TypeError(`fit: request must be an object { method, … }, got ${String(request)}`);
  }
  const r = request as FitRequest;
  if (!methods.includes(r.method)) {
    throw new RangeError(`fit: method must be 'closed-form', 'gd' or 'adam', got ${JSON.stringify(r.method) ?? String(r.method)}`);
  }
  const max = r.maxIterations;
  if (max !== undefined && !(Number.isInteger(max) && max >= 1 && max <= MAX_FIT_ITERATIONS)) {
    throw new RangeError(`fit: maxIterations must be an integer from 1 to ${MAX_FIT_ITERATIONS.toLocaleString('en-US')}, got ${String(max)}`);
  }
  const points = r.maxPoints;
  if (points !== undefined && !(Number.isInteger(points) && points >= 2)) {
    throw new RangeError(`fit: maxPoints must be an integer ≥ 2, got ${String(points)}`);
  }
  return r;
}

/** Core's options from the request: only the fields that were given (core applies its defaults). */
function coreOptions(r: FitRequest, withAdam: boolean): NormalAdamOptions {
  const out: NormalAdamOptions = {};
  if (r.learningRate !== undefined) out.learningRate = r.learningRate;
  if (r.maxIterations !== undefined) out.maxIterations = r.maxIterations;
  if (r.tolerance !== undefined) out.tolerance = r.tolerance;
  if (r.reduction !== undefined) out.reduction = r.reduction;
  if (r.mu0 !== undefined) out.mu0 = r.mu0;
  if (r.rho0 !== undefined) out.rho0 = r.rho0;
  if (withAdam) {
    if (r.beta1 !== undefined) out.beta1 = r.beta1;
    if (r.beta2 !== undefined) out.beta2 = r.beta2;
    if (r.epsilon !== undefined) out.epsilon = r.epsilon;
  }
  return out;
}

const emptyHistory = (): FitHistory => ({
  iteration: new Float64Array(0),
  mu: new Float64Array(0),
  sigma: new Float64Array(0),
  rho: new Float64Array(0),
  loss: new Float64Array(0),
  lossGap: new Float64Array(0),
});

export const fitJobs = {
  /**
   * Fits N(μ, σ²) to a dataset: the closed-form MLE, or core's gradient descent / Adam on the
   * notebook's NLL. Reports `{ done, total, mu, sigma, loss }` at most 30 times a second, stops within
   * ~10 ms of a cancel (AbortError), and returns the history decimated to `maxPoints` (the first and
   * last iterations and the final values exact). A diverging fit returns its last finite state with
   * `converged: false, reason: 'diverged'`.
   */
  async fit(handle: DatasetHandle, request: FitRequest, job?: JobContext): Promise<FitResult> {
    const { values } = getDataset('fit', handle);
    const r = checkRequest(request);
    const mle = normalMle(values);
    // The loss at the MLE in the request's reduction: a run started at μ̂ (its default ρ₀ = ln σ̂)
    // reports the loss at its start — core's formula, not one written here.
    const atMle = createNormalGdRun(values, { mu0: mle.mu, ...(r.reduction ? { reduction: r.reduction } : {}) }).current();
    const closedForm = { mu: mle.mu, sigma: mle.sigma, loss: atMle.loss };
    if (r.method === 'closed-form') {
      return withTransfer({
        method: r.method,
        ...closedForm,
        iterations: 0,
        converged: true,
        reason: 'closed-form' as const,
        closedForm,
        history: emptyHistory(),
      });
    }
    const run: NormalFitRun =
      r.method === 'adam' ? createNormalAdamRun(values, coreOptions(r, true)) : createNormalGdRun(values, coreOptions(r, false));
    const total = r.maxIterations ?? 5000;
    const running = startJob(job, 'fit');
    try {
      // Throttled to 30 a second, the last one included: the result carries the final values.
      const report = () => {
        const state = run.current();
        running.progress({ done: state.iteration, total, mu: state.mu, sigma: state.sigma, loss: state.loss });
      };
      report();
      while (!run.step(ITERATIONS_PER_CHUNK)) {
        if (running.due()) {
          report();
          await running.checkpoint();
        }
      }
      report();
      const result = run.result();
      const kept = decimateSeries(result.history, result.iterations, r.maxPoints ?? 2000);
      const iteration = new Float64Array(kept.index.length);
      for (let i = 0; i < iteration.length; i++) iteration[i] = (kept.index[i] as number) + 1;
      return withTransfer({
        method: r.method,
        mu: result.mu,
        sigma: result.sigma,
        loss: result.loss,
        iterations: result.iterations,
        converged: result.converged,
        reason: result.reason,
        closedForm,
        history: { iteration, mu: kept.mu, sigma: kept.sigma, rho: kept.rho, loss: kept.loss, lossGap: kept.lossGap },
      });
    } finally {
      running.finish();
    }
  },
};
