// Section 7 (NLL ≡ cross-entropy): one sample's softmax and its losses, and a softmax regression
// trained on seeded 2-D blobs. Every number comes from @mle-lab/core; this file only wires the calls,
// chunks the training loop so it can report progress and be cancelled, and decimates the history.
import {
  crossEntropy,
  entropy,
  klDivergence,
  labelSmoothingTarget,
  logSoftmax,
  makeBlobs,
  nllLoss,
  softmax,
  softmaxRegressionDecisionGrid,
  sum,
  trainSoftmaxRegression,
  type SoftmaxRegressionModel,
} from '@mle-lab/core';
import { decimateSeries } from '../decimate.ts';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

/** One sample: logits, a target (class index or probability vector) and torch's label smoothing ε. */
export interface SoftmaxLossRequest {
  logits: readonly number[];
  /** A class index in [0, C), or C probabilities that sum to 1. */
  target: number | readonly number[];
  /** torch's `label_smoothing` ε in [0, 1]. Default 0. */
  smoothing?: number;
}

/** Everything the softmax/cross-entropy widget shows, for one sample. */
export interface SoftmaxLossResult {
  /** softmax(z). */
  probs: Float64Array;
  /** log softmax(z). */
  logProbs: Float64Array;
  /** The target distribution the loss uses: the one-hot or given vector, after label smoothing. */
  target: Float64Array;
  /** −log p_t for a class-index target (torch `nll_loss(log_softmax(z), t)`); null for a soft target. */
  nll: number | null;
  /** torch `cross_entropy(z, target, label_smoothing=ε)`. */
  crossEntropy: number;
  /** H(q̃) of the target distribution (scipy `entropy`). */
  entropy: number;
  /** KL(q̃ ‖ p) (scipy `entropy(q̃, p)`); cross-entropy = H + KL. */
  kl: number;
}

/** The smallest and largest class count the classifier's blobs come in. */
export const CLASSIFIER_CLASSES = { min: 2, max: 5 } as const;

/**
 * Blob centres for 2…5 classes: spread around the origin so neighbouring classes overlap a little
 * (a loss that never reaches 0, regions that are worth drawing). Constants, not computed.
 */
const BLOB_CENTERS: Record<number, readonly (readonly [number, number])[]> = {
  2: [
    [-1.5, -1],
    [1.5, 1],
  ],
  3: [
    [-2, -1.5],
    [2, -1.5],
    [0, 2],
  ],
  4: [
    [-2, -2],
    [2, -2],
    [2, 2],
    [-2, 2],
  ],
  5: [
    [0, 2.6],
    [2.5, 0.8],
    [1.5, -2.1],
    [-1.5, -2.1],
    [-2.5, 0.8],
  ],
};

/** A softmax regression trained on seeded blobs. */
export interface ClassifierRequest {
  /** Seed of the numpy-legacy stream the blobs are drawn from. */
  seed: number;
  /** Number of classes, 2…5. */
  classes: number;
  /** Gradient-descent step size η > 0 on the mean cross-entropy. */
  learningRate: number;
  /** Number of full-batch updates (0 … 100,000). */
  steps: number;
  /** Points in all (split evenly between the classes). Default 300. */
  n?: number;
  /** Standard deviation of each blob. Default 1. */
  spread?: number;
  /** Grid points along each axis of the decision regions. Default 120. */
  gridSize?: number;
  /** At most this many history points come back (first and last kept). Default 2,000. */
  maxPoints?: number;
}

export interface ClassifierResult {
  n: number;
  classes: number;
  /** n × 2 coordinates, row-major, and each point's class. */
  points: Float64Array;
  labels: Float64Array;
  /** Per step (decimated): the step number, the mean cross-entropy, the log-likelihood and the accuracy. */
  history: { step: Float64Array; meanCrossEntropy: Float64Array; logLikelihood: Float64Array; accuracy: Float64Array };
  /** Exact values after the last update made. */
  final: { step: number; meanCrossEntropy: number; logLikelihood: number; accuracy: number };
  /** Updates made: `steps`, fewer when the run diverged. */
  iterations: number;
  /** The loss or a weight became non-finite (step size too large); the history stops there. */
  diverged: boolean;
  /** Most probable class and its probability on a grid over the points (ny × nx, row-major). */
  grid: { x: Float64Array; y: Float64Array; labels: Float64Array; confidence: Float64Array };
  /** The trained weights (C × 2, row-major) and biases; the last finite ones if the run diverged. */
  model: { weights: Float64Array; bias: Float64Array };
}

const MAX_STEPS = 100_000;
/** Updates per call of the core trainer between cancellation checks. */
const CHUNK = 25;

function checkClassifierRequest(request: ClassifierRequest): Required<ClassifierRequest> {
  const fn = 'trainClassifier';
  const { seed, classes, learningRate, steps } = request ?? ({} as ClassifierRequest);
  if (!Number.isInteger(classes) || classes < CLASSIFIER_CLASSES.min || classes > CLASSIFIER_CLASSES.max) {
    throw new RangeError(`${fn}: classes must be an integer from ${CLASSIFIER_CLASSES.min} to ${CLASSIFIER_CLASSES.max}, got ${String(classes)}`);
  }
  if (!Number.isInteger(steps) || steps < 0 || steps > MAX_STEPS) {
    throw new RangeError(`${fn}: steps must be an integer from 0 to ${MAX_STEPS.toLocaleString('en-US')}, got ${String(steps)}`);
  }
  const n = request.n ?? 300;
  if (!Number.isInteger(n) || n < classes || n > 100_000) {
    throw new RangeError(`${fn}: n must be an integer from ${classes} (one point per class) to 100,000, got ${String(n)}`);
  }
  const gridSize = request.gridSize ?? 120;
  if (!Number.isInteger(gridSize) || gridSize < 2 || gridSize > 1000) {
    throw new RangeError(`${fn}: gridSize must be an integer from 2 to 1,000, got ${String(gridSize)}`);
  }
  return { seed, classes, learningRate, steps, n, spread: request.spread ?? 1, gridSize, maxPoints: request.maxPoints ?? 2000 };
}

/** The smallest and largest value of every `stride`-th entry from `offset` (for the grid's extent). */
function extent(values: Float64Array, offset: number, stride: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = offset; i < values.length; i += stride) {
    const v = values[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export const classificationJobs = {
  /**
   * Softmax of one sample's logits and its losses: NLL of a class index, torch's cross-entropy with
   * label smoothing, the target's entropy H and KL(target ‖ softmax), so that CE = H + KL shows.
   */
  softmaxLoss(request: SoftmaxLossRequest): SoftmaxLossResult {
    const fn = 'softmaxLoss';
    const logits = Float64Array.from(request?.logits ?? []);
    const c = logits.length;
    if (c < 2) throw new RangeError(`${fn}: logits must hold at least 2 numbers (one per class), got ${c}`);
    const smoothing = request.smoothing ?? 0;
    const probs = softmax(logits);
    const logProbs = logSoftmax(logits);
    const ce = crossEntropy(logits, typeof request.target === 'number' ? request.target : Float64Array.from(request.target), {
      labelSmoothing: smoothing,
    });
    let nll: number | null = null;
    if (typeof request.target === 'number') {
      nll = nllLoss(logProbs, request.target);
    } else {
      // (crossEntropy above has checked its length and its entries.)
      const total = sum(request.target);
      if (!(Math.abs(total - 1) <= 1e-9)) {
        throw new RangeError(`${fn}: target probabilities must sum to 1, they sum to ${total}`);
      }
    }
    // torch's label smoothing mixes the target with the uniform distribution, q̃ = (1 − ε)·q + ε/C
    // (core's; crossEntropy applies the same mixing inside, and H and KL need the mixed vector itself).
    const target = labelSmoothingTarget(request.target, c, smoothing);
    return withTransfer({
      probs,
      logProbs,
      target,
      nll,
      crossEntropy: ce,
      entropy: entropy(target),
      kl: klDivergence(target, probs),
    });
  },

  /**
   * Trains a softmax regression by full-batch gradient descent on seeded 2-D blobs, reporting
   * progress `{ done, total, meanCrossEntropy, logLikelihood }`, and returns the decision regions.
   */
  async trainClassifier(request: ClassifierRequest, job?: JobContext): Promise<ClassifierResult> {
    const spec = checkClassifierRequest(request);
    const centers = BLOB_CENTERS[spec.classes] as readonly (readonly [number, number])[];
    const blobs = makeBlobs({ seed: spec.seed, centers, n: spec.n, spread: spec.spread });
    const run = startJob(job, 'trainClassifier');
    try {
      const meanCe: number[] = [];
      const logLik: number[] = [];
      const accuracy: number[] = [];
      let model: SoftmaxRegressionModel | undefined;
      // The trainer's own starting point (all zeros: every class equally likely), kept in case the
      // very first chunk diverges.
      let lastFinite: SoftmaxRegressionModel = {
        classes: spec.classes,
        dimension: 2,
        weights: new Float64Array(spec.classes * 2),
        bias: new Float64Array(spec.classes),
      };
      let done = 0;
      let diverged = false;
      // The core trainer runs whole; call it a chunk at a time from the last weights, so the job can
      // report progress and stop on cancel. Each chunk's entry 0 repeats the previous chunk's last.
      do {
        const count = Math.min(CHUNK, spec.steps - done);
        const result = trainSoftmaxRegression({
          points: blobs.points,
          labels: blobs.labels,
          classes: spec.classes,
          learningRate: spec.learningRate,
          iterations: count,
          ...(model ? { init: { weights: model.weights, bias: model.bias } } : {}),
        });
        const skip = meanCe.length === 0 ? 0 : 1;
        for (let t = skip; t < result.history.meanCrossEntropy.length; t++) {
          meanCe.push(result.history.meanCrossEntropy[t] as number);
          logLik.push(result.history.logLikelihood[t] as number);
          accuracy.push(result.history.accuracy[t] as number);
        }
        done += result.iterations;
        if (result.diverged) {
          // Core records the step whose loss was no longer finite; the history keeps finite steps only.
          while (meanCe.length > 1 && !Number.isFinite(meanCe[meanCe.length - 1])) {
            meanCe.pop();
            logLik.pop();
            accuracy.pop();
          }
          diverged = true;
          break;
        }
        model = result;
        lastFinite = result;
        run.progress({ done, total: spec.steps, meanCrossEntropy: result.meanCrossEntropy, logLikelihood: result.logLikelihood });
        if (run.due()) await run.checkpoint();
      } while (done < spec.steps);
      const last = meanCe.length - 1;
      const stepIndex = Float64Array.from({ length: meanCe.length }, (_, i) => i);
      const history = decimateSeries(
        { step: stepIndex, meanCrossEntropy: meanCe, logLikelihood: logLik, accuracy },
        meanCe.length,
        spec.maxPoints,
      );
      const xRange = extent(blobs.points, 0, 2);
      const yRange = extent(blobs.points, 1, 2);
      const fitted = lastFinite;
      const grid = softmaxRegressionDecisionGrid(fitted, {
        xRange: [xRange[0] - 1, xRange[1] + 1],
        yRange: [yRange[0] - 1, yRange[1] + 1],
        nx: spec.gridSize,
        ny: spec.gridSize,
      });
      run.progress({ done, total: spec.steps, meanCrossEntropy: meanCe[last] as number, logLikelihood: logLik[last] as number }, true);
      return withTransfer({
        n: blobs.n,
        classes: spec.classes,
        points: blobs.points,
        labels: blobs.labels,
        history: {
          step: history.step,
          meanCrossEntropy: history.meanCrossEntropy,
          logLikelihood: history.logLikelihood,
          accuracy: history.accuracy,
        },
        final: { step: last, meanCrossEntropy: meanCe[last] as number, logLikelihood: logLik[last] as number, accuracy: accuracy[last] as number },
        iterations: done,
        diverged,
        grid,
        model: { weights: Float64Array.from(fitted.weights), bias: Float64Array.from(fitted.bias) },
      });
    } finally {
      run.finish();
    }
  },
};
