// Jobs that create, read and free the datasets kept in the worker.
import { createRandomState, generateMixtureSample } from '@mle-lab/core';
import { datasetUsage, getDataset, MAX_SAMPLES, releaseDataset, storeDataset, type DatasetHandle } from '../datasets.ts';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

/** Parameters of a seeded normal sample: numpy's `np.random.seed(seed); np.random.normal(mu, sigma, n)`. */
export interface GenerateSpec {
  seed: number;
  mu: number;
  sigma: number;
  n: number;
}

/** A seeded sample from Σ w_k·N(μ_k, sd_k²): core's `generateMixtureSample` (numpy-reproducible, see there). */
export interface MixtureSpec {
  seed: number;
  /** Component weights ≥ 0, not all 0 (normalised by core). */
  weights: readonly number[];
  /** Component means. */
  means: readonly number[];
  /** Component standard deviations ≥ 0. */
  sds: readonly number[];
  n: number;
}

/**
 * Samples drawn per core call while generating. Consecutive `normal` calls on one RandomState continue
 * numpy's stream exactly (the cached polar variate carries over), so the chunks concatenate to the
 * one-call sample; between chunks the job reports progress and can be cancelled.
 */
const GENERATE_CHUNK = 1 << 16;

/** Checks a sample size against the worker's cap (a RangeError instead of an out-of-memory crash). */
export function checkSampleCount(fn: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) {
    throw new RangeError(`${fn}: n must be an integer from 1 to ${MAX_SAMPLES.toLocaleString('en-US')}, got ${String(n)}`);
  }
  return n;
}

function checkSpec(fn: string, spec: unknown): Record<string, unknown> {
  if (typeof spec !== 'object' || spec === null) {
    throw new TypeError(`${fn}: expected an options object, got ${String(spec)}`);
  }
  return spec as Record<string, unknown>;
}

export const datasetJobs = {
  /**
   * Draws a seeded normal sample inside the worker and returns its handle: numpy's
   * `np.random.seed(seed); np.random.normal(mu, sigma, n)`, in chunks (progress `{ done, total }` in
   * samples; cancellable).
   */
  async generate(spec: GenerateSpec, job?: JobContext): Promise<DatasetHandle> {
    checkSpec('generate', spec);
    const n = checkSampleCount('generate', spec.n);
    if (typeof spec.sigma !== 'number' || !(spec.sigma > 0) || !Number.isFinite(spec.sigma)) {
      throw new RangeError(`generate: sigma must be a finite number greater than 0, got ${String(spec.sigma)}`);
    }
    if (typeof spec.mu !== 'number' || !Number.isFinite(spec.mu)) {
      throw new RangeError(`generate: mu must be a finite number, got ${String(spec.mu)}`);
    }
    const random = createRandomState(spec.seed);
    if (n <= GENERATE_CHUNK) return storeDataset(random.normal(spec.mu, spec.sigma, n), { kind: 'normal', mu: spec.mu, sigma: spec.sigma });
    const values = new Float64Array(n);
    const run = startJob(job, 'generate');
    try {
      for (let done = 0; done < n; done += GENERATE_CHUNK) {
        values.set(random.normal(spec.mu, spec.sigma, Math.min(GENERATE_CHUNK, n - done)), done);
        run.progress({ done: Math.min(done + GENERATE_CHUNK, n), total: n });
        if (run.due()) await run.checkpoint();
      }
    } finally {
      run.finish();
    }
    return storeDataset(values, { kind: 'normal', mu: spec.mu, sigma: spec.sigma });
  },

  /** Draws a seeded Gaussian-mixture sample inside the worker (bimodal or skewed data) and returns its handle. */
  generateMixture(spec: MixtureSpec): DatasetHandle {
    checkSpec('generateMixture', spec);
    const n = checkSampleCount('generateMixture', spec.n);
    const { x } = generateMixtureSample({ seed: spec.seed, weights: spec.weights, means: spec.means, sds: spec.sds, n });
    return storeDataset(x, { kind: 'mixture', weights: [...spec.weights], means: [...spec.means], sds: [...spec.sds] });
  },

  /** Keeps the reader's own values in the worker (they are copied in once). */
  load(values: ArrayLike<number>): DatasetHandle {
    if (typeof values !== 'object' || values === null) {
      throw new TypeError(`load: expected an array of numbers, got ${String(values)}`);
    }
    const n = checkSampleCount('load', values.length);
    const copy = Float64Array.from(values);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(copy[i])) {
        throw new RangeError(`load: values[${i}] is ${copy[i]}; only finite numbers are allowed`);
      }
    }
    return storeDataset(copy, { kind: 'loaded' });
  },

  /** How many datasets the worker holds, their float64 samples and bytes, and the per-dataset cap. */
  datasets(): { count: number; samples: number; bytes: number; maxSamples: number } {
    return { ...datasetUsage(), maxSamples: MAX_SAMPLES };
  },

  /** Frees a dataset; returns false when the handle was unknown. */
  release(handle: DatasetHandle): boolean {
    return releaseDataset(handle);
  },

  /** A copy of part of a dataset (for CSV download), transferred. */
  values(handle: DatasetHandle, range: { start?: number; count?: number } = {}): Float64Array {
    const { values } = getDataset('values', handle);
    const start = range.start ?? 0;
    const count = range.count ?? values.length - start;
    if (!Number.isInteger(start) || start < 0 || start > values.length) {
      throw new RangeError(`values: start must be an integer from 0 to ${values.length}, got ${String(start)}`);
    }
    if (!Number.isInteger(count) || count < 0 || start + count > values.length) {
      throw new RangeError(`values: count must be an integer from 0 to ${values.length - start}, got ${String(count)}`);
    }
    return withTransfer(values.slice(start, start + count));
  },
};
