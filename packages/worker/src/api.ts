// The worker's API: every function runs inside the worker, on data the worker keeps.
// No math here — every number comes from @mle-lab/core.
import {
  createRandomState,
  histogram,
  mean,
  normalMle,
  normalPdf,
  variance,
  type HistogramBins,
} from '@mle-lab/core';
import { getDataset, MAX_SAMPLES, releaseDataset, storeDataset, type DatasetHandle } from './datasets.ts';
import { withTransfer } from './transfer.ts';

export type { DatasetHandle } from './datasets.ts';

/** Parameters of a seeded normal sample: numpy's `np.random.seed(seed); np.random.normal(mu, sigma, n)`. */
export interface GenerateSpec {
  seed: number;
  mu: number;
  sigma: number;
  n: number;
}

export interface SummarizeOptions {
  /** Histogram bins: a count, an edge array or a numpy rule. Default 30 (the notebook's). */
  bins?: HistogramBins;
  /** Points on the density curves drawn over the histogram. Default 200. */
  curvePoints?: number;
}

export interface Summary {
  n: number;
  mean: number;
  variance: number;
  histogram: { edges: Float64Array; counts: Float64Array; density: Float64Array };
  mle: { mu: number; sigma2: number; sigma: number; sigma2Unbiased: number; logLikelihood: number };
  /** The true pdf (for generated data) and the MLE pdf on a grid over the histogram's range. */
  curves: { x: Float64Array; truth: Float64Array | null; mle: Float64Array };
}

function checkSampleCount(fn: string, n: unknown): number {
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 1 || n > MAX_SAMPLES) {
    throw new RangeError(`${fn}: n must be an integer from 1 to ${MAX_SAMPLES.toLocaleString('en-US')}, got ${String(n)}`);
  }
  return n;
}

function linspace(from: number, to: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const step = count > 1 ? (to - from) / (count - 1) : 0;
  for (let i = 0; i < count; i++) out[i] = from + i * step;
  return out;
}

function pdfOnGrid(x: Float64Array, mu: number, sigma: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) out[i] = normalPdf(x[i] as number, mu, sigma);
  return out;
}

export const api = {
  /** Draws a seeded normal sample inside the worker and returns its handle. */
  generate(spec: GenerateSpec): DatasetHandle {
    const n = checkSampleCount('generate', spec?.n);
    if (typeof spec.sigma !== 'number' || !(spec.sigma > 0) || !Number.isFinite(spec.sigma)) {
      throw new RangeError(`generate: sigma must be a finite number greater than 0, got ${String(spec.sigma)}`);
    }
    if (typeof spec.mu !== 'number' || !Number.isFinite(spec.mu)) {
      throw new RangeError(`generate: mu must be a finite number, got ${String(spec.mu)}`);
    }
    const values = createRandomState(spec.seed).normal(spec.mu, spec.sigma, n);
    return storeDataset(values, { kind: 'normal', mu: spec.mu, sigma: spec.sigma });
  },

  /** Keeps the reader's own values in the worker (they are copied in once). */
  load(values: ArrayLike<number>): DatasetHandle {
    const n = checkSampleCount('load', values?.length);
    const copy = Float64Array.from(values);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(copy[i])) {
        throw new RangeError(`load: values[${i}] is ${copy[i]}; only finite numbers are allowed`);
      }
    }
    return storeDataset(copy, { kind: 'loaded' });
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

  /** Mean, variance, histogram (counts and density), closed-form MLE and density curves, in one call. */
  summarize(handle: DatasetHandle, options: SummarizeOptions = {}): Summary {
    const { values, origin } = getDataset('summarize', handle);
    const counts = histogram(values, { bins: options.bins ?? 30 });
    const density = histogram(values, { bins: counts.edges, density: true }).counts;
    const mle = normalMle(values);
    const edges = counts.edges;
    const x = linspace(edges[0] as number, edges[edges.length - 1] as number, options.curvePoints ?? 200);
    const truth = origin.kind === 'normal' ? pdfOnGrid(x, origin.mu as number, origin.sigma as number) : null;
    return withTransfer({
      n: values.length,
      mean: mean(values),
      variance: variance(values),
      histogram: { edges, counts: counts.counts, density },
      mle: { mu: mle.mu, sigma2: mle.sigma2, sigma: mle.sigma, sigma2Unbiased: mle.sigma2Unbiased, logLikelihood: mle.logLikelihood },
      curves: { x, truth, mle: pdfOnGrid(x, mle.mu, mle.sigma) },
    });
  },
};

/** The worker's API object; clients are typed from it (`Remote<MleApi>`). */
export type MleApi = typeof api;
