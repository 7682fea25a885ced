// The summary behind the data explorer: moments, histogram, closed-form MLE, KDE grid, box
// statistics and density curves — every number from @mle-lab/core, each core call made once.
import {
  boxplotStats,
  histogram,
  kdeGrid,
  linspace,
  normalMle,
  normalPdfArray,
  type BoxplotStats,
  type HistogramBins,
  type KdeBandwidth,
} from '@mle-lab/core';
import { getDataset, type DatasetHandle, type DatasetOrigin } from '../datasets.ts';
import { startJob, type JobContext } from '../job.ts';
import { withTransfer } from '../transfer.ts';

/** The KDE to compute: seaborn `kdeplot`'s grid through core's `kdeGrid` (binned + FFT above 2,000 values). */
export interface SummarizeKdeOptions {
  /** 'scott' (default), 'silverman' or the bandwidth factor itself (scipy's `bw_method`). */
  bandwidth?: KdeBandwidth;
  /** Grid points, an integer ≥ 2. Default 200 (seaborn's `gridsize`). */
  gridSize?: number;
}

export interface SummarizeOptions {
  /** Histogram bins: a count, an edge array or a numpy rule ('auto', 'fd', 'sturges', …). Default 30 (the notebook's). */
  bins?: HistogramBins;
  /** The KDE grid: options, or false to skip it. Default: computed with scipy's defaults. */
  kde?: false | SummarizeKdeOptions;
  /** Box-plot statistics (matplotlib's `boxplot_stats`). Default true. */
  box?: boolean;
  /** Points on the density curves drawn over the histogram. Default 200. */
  curvePoints?: number;
}

/** A kernel density estimate on its grid (seaborn's support: data range ± 3 bandwidths). */
export interface SummaryKde {
  x: Float64Array;
  density: Float64Array;
  /** Kernel standard deviation h. */
  bandwidth: number;
  /** Bandwidth factor (h divided by the sample's ddof-1 standard deviation). */
  factor: number;
  /** 'binned' (linear binning + FFT, for large n) or 'exact'. */
  method: 'exact' | 'binned';
}

/** What a box plot draws: core's `boxplotStats` (matplotlib `cbook.boxplot_stats`, whis 1.5) without n. */
export type SummaryBox = Omit<BoxplotStats, 'n'>;

export interface Summary {
  n: number;
  /** x̄ (the MLE of μ). */
  mean: number;
  /** Σ(xᵢ − x̄)²/n, ddof 0 (the MLE of σ²). */
  variance: number;
  histogram: { edges: Float64Array; counts: Float64Array; density: Float64Array };
  mle: { mu: number; sigma2: number; sigma: number; sigma2Unbiased: number; logLikelihood: number };
  /** The KDE grid, or null when `kde: false`. */
  kde: SummaryKde | null;
  /** Box statistics, or null when `box: false`. */
  box: SummaryBox | null;
  /** The true pdf (for generated normal data) and the MLE pdf on a grid over the histogram's range. */
  curves: { x: Float64Array; truth: Float64Array | null; mle: Float64Array };
}

function checkCurvePoints(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2 || value > 100_000) {
    throw new RangeError(`summarize: curvePoints must be an integer from 2 to 100,000, got ${String(value)}`);
  }
  return value;
}

function kdeOptions(value: unknown): SummarizeKdeOptions | false {
  if (value === undefined) return {};
  if (value === false) return false;
  if (typeof value !== 'object' || value === null) {
    throw new TypeError(`summarize: kde must be false or { bandwidth?, gridSize? }, got ${String(value)}`);
  }
  return value as SummarizeKdeOptions;
}

function truthCurve(origin: DatasetOrigin, x: Float64Array): Float64Array | null {
  if (origin.kind === 'normal' && origin.mu !== undefined && origin.sigma !== undefined) {
    return normalPdfArray(x, origin.mu, origin.sigma);
  }
  return null;
}

export const summarizeJobs = {
  /**
   * Everything the data explorer draws, in one call: mean and variance (from the closed-form MLE's
   * single compensated two-pass sum), histogram counts and density, the MLE, a KDE grid, box
   * statistics and the true and fitted normal pdfs. Cancellable between its steps; the arrays come
   * back transferred.
   */
  async summarize(handle: DatasetHandle, options: SummarizeOptions = {}, job?: JobContext): Promise<Summary> {
    const { values, origin } = getDataset('summarize', handle);
    if (typeof options !== 'object' || options === null) {
      throw new TypeError(`summarize: options must be an object, got ${String(options)}`);
    }
    const curvePoints = checkCurvePoints(options.curvePoints ?? 200);
    const kde = kdeOptions(options.kde);
    const wantBox = options.box ?? true;
    const run = startJob(job, 'summarize');
    const total = 3 + (kde ? 1 : 0) + (wantBox ? 1 : 0);
    let done = 0;
    // Between steps: report, and let a cancel in (each step is one core call, up to ~50 ms at 1e7 values).
    const step = async () => {
      done += 1;
      run.progress({ done, total });
      await run.checkpoint();
    };
    try {
      const counts = histogram(values, { bins: options.bins ?? 30 });
      const edges = counts.edges;
      const first = edges[0] as number;
      const last = edges[edges.length - 1] as number;
      // The same bins again with density: equal-width bins by count and range take core's fast path.
      const equalWidth = typeof options.bins !== 'object';
      const density = histogram(values, {
        bins: equalWidth ? edges.length - 1 : edges,
        ...(equalWidth ? { range: [first, last] as const } : {}),
        density: true,
      }).counts;
      await step();
      const mle = normalMle(values);
      await step();
      let kdeResult: SummaryKde | null = null;
      if (kde) {
        const grid = kdeGrid(values, {
          ...(kde.bandwidth !== undefined ? { bandwidth: kde.bandwidth } : {}),
          ...(kde.gridSize !== undefined ? { gridSize: kde.gridSize } : {}),
        });
        kdeResult = { x: grid.x, density: grid.density, bandwidth: grid.bandwidth, factor: grid.factor, method: grid.method };
        await step();
      }
      let box: SummaryBox | null = null;
      if (wantBox) {
        const { n: _n, ...stats } = boxplotStats(values);
        box = stats;
        await step();
      }
      // Where the curves are drawn: core's linspace over the histogram's range.
      const x = linspace(first, last, curvePoints);
      const summary: Summary = {
        n: values.length,
        mean: mle.mu,
        variance: mle.sigma2,
        histogram: { edges, counts: counts.counts, density },
        mle: { mu: mle.mu, sigma2: mle.sigma2, sigma: mle.sigma, sigma2Unbiased: mle.sigma2Unbiased, logLikelihood: mle.logLikelihood },
        kde: kdeResult,
        box,
        curves: { x, truth: truthCurve(origin, x), mle: normalPdfArray(x, mle.mu, mle.sigma) },
      };
      return withTransfer(summary);
    } finally {
      run.finish();
    }
  },
};
