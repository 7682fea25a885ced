// The Central Limit Theorem experiment: m means of k draws from a non-normal source (core's
// `createCltRun`, drawn in chunks), their density histogram (core's `histogram`, on
// `latticeBinEdges` for the Bernoulli source) and the normal law N(μ, σ²/k) the theorem predicts for
// them (core's `normalPdfArray`). The means stay in the worker unless asked for.
import { createCltRun, histogram, latticeBinEdges, linspace, normalPdfArray, type CltSource } from '@mle-lab/core';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

export type { CltSource } from '@mle-lab/core';

export interface CltSpec {
  seed: number;
  source: CltSource;
  /** Draws averaged per mean, 1 … 10,000. */
  k: number;
  /** Number of means, 1 … 1,000,000 (and k·m ≤ 2·10⁷). */
  m: number;
  /** Success probability of the Bernoulli source, strictly between 0 and 1. Default 0.5. */
  p?: number;
  /** Histogram bins for continuous sources. Default 60. */
  bins?: number;
  /** Points on the normal curve. Default 300. */
  curvePoints?: number;
}

export interface CltResult {
  source: CltSource;
  k: number;
  m: number;
  /** The m means (for CSV download). */
  means: Float64Array;
  /** Histogram of the means with density: true (integrates to 1). */
  edges: Float64Array;
  density: Float64Array;
  /** The limiting normal N(μ, σ²/k) on a grid over the histogram. */
  x: Float64Array;
  normal: Float64Array;
  /** μ and σ of one draw of the source. */
  sourceMean: number;
  sourceSd: number;
  /** What the CLT predicts for a mean of k draws: μ and σ/√k. */
  expectedMean: number;
  expectedSd: number;
  /** What the m means show: their average and standard deviation (ddof 0). */
  sampleMean: number;
  sampleSd: number;
}

/** Largest k·m: about half a second of drawing in the worker. */
export const CLT_MAX_DRAWS = 20_000_000;

function integer(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`clt: ${name} must be an integer from ${min} to ${max.toLocaleString('en-US')}, got ${String(value)}`);
  }
  return value;
}

/**
 * Draws per chunk of the job: under half a millisecond once compiled (exponential, the slowest
 * source, draws ~40 per µs) and a few ms on the very first, unoptimised chunk, so the job reaches a
 * checkpoint (every `SLICE_MS`) and reports progress while it draws.
 */
const CHUNK_DRAWS = 1 << 14;

export const cltJobs = {
  /**
   * Means of k draws from a uniform, exponential or Bernoulli source, m times, with their density
   * histogram and the normal N(μ, σ²/k) they approach. numpy: `u = RandomState(seed).random_sample((m, k))`
   * then `u.mean(1)`, `(-np.log1p(-u)).mean(1)` or `(u < p).mean(1)`. Drawn in chunks: progress
   * `{ done, total }` in means; cancellable.
   */
  async clt(spec: CltSpec, job?: JobContext): Promise<CltResult> {
    const k = integer('k', spec?.k, 1, 10_000);
    const m = integer('m', spec.m, 1, 1_000_000);
    const bins = integer('bins', spec.bins ?? 60, 1, 1000);
    const curvePoints = integer('curvePoints', spec.curvePoints ?? 300, 2, 10_000);
    if (k * m > CLT_MAX_DRAWS) {
      throw new RangeError(`clt: k × m must be at most ${CLT_MAX_DRAWS.toLocaleString('en-US')}, got ${(k * m).toLocaleString('en-US')}`);
    }
    const p = spec.p ?? 0.5;
    if (spec.source === 'bernoulli' && !(typeof p === 'number' && p > 0 && p < 1)) {
      throw new RangeError(`clt: p must be a number strictly between 0 and 1 for the 'bernoulli' source, got ${String(p)}`);
    }
    // Core checks the seed and the source here, before the job starts; nothing is drawn yet.
    const draw = createCltRun({ seed: spec.seed, source: spec.source, k, m, ...(spec.source === 'bernoulli' ? { p } : {}) });
    const run = startJob(job, 'clt');
    try {
      run.progress({ done: 0, total: m }, true);
      // A job replaced before it starts stops here, before anything is drawn.
      await run.checkpoint();
      const chunk = Math.max(1, Math.floor(CHUNK_DRAWS / k));
      while (!draw.step(chunk)) {
        run.progress({ done: draw.drawn, total: m });
        if (run.due()) await run.checkpoint();
      }
      run.progress({ done: m, total: m }, true);
      await run.checkpoint();
      const sample = draw.result();
      // Means of k Bernoulli draws only take the values j/k: bins centred on them, none empty between two.
      const binning = spec.source === 'bernoulli' ? latticeBinEdges(sample.means, { step: 1 / k, maxBins: bins }) : bins;
      const { edges, counts: density } = histogram(sample.means, { bins: binning, density: true });
      const x = linspace(edges[0] as number, edges[edges.length - 1] as number, curvePoints);
      return withTransfer({
        source: spec.source,
        k,
        m,
        means: sample.means,
        edges,
        density,
        x,
        normal: normalPdfArray(x, sample.expectedMean, sample.expectedSd),
        sourceMean: sample.sourceMean,
        sourceSd: sample.sourceSd,
        expectedMean: sample.expectedMean,
        expectedSd: sample.expectedSd,
        sampleMean: sample.sampleMean,
        sampleSd: sample.sampleSd,
      });
    } finally {
      run.finish();
    }
  },
};
