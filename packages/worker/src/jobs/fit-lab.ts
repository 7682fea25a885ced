// The fit lab's jobs: the reader's own text parsed in the worker, every family fitted and compared
// on it, a parameter's profile log-likelihood, and bootstrap goodness-of-fit p-values. Every number
// comes from core (parseData, compareFits, confidenceIntervals, goodnessOfFit, likelihoodTests, the
// families' pdf/cdf/ppf); the worker only chooses what to compute, keeps the data and thins what the
// page draws. Each job's core calls are long and indivisible on large data (a goodnessOfFit of 1e6
// values takes seconds), so in the page's worker every job here runs in a nested worker that a
// cancel terminates (nested.ts); the nested worker runs the same code in place.
import {
  compareFits,
  confidenceIntervals,
  createRandomState,
  ecdf,
  FAMILY_NAMES,
  fitDistribution,
  getFamily,
  goodnessOfFit,
  histogram,
  latticeBinEdges,
  likelihoodTests,
  linspace,
  normalPpf,
  parseData,
  ppPoints,
  qqPoints,
  type ConfidenceInterval,
  type DistributionFit,
  type FamilyName,
  type FamilyParams,
} from '@mle-lab/core';
import { getDataset, storeDataset, type DatasetHandle } from '../datasets.ts';
import { decimationIndices } from '../decimate.ts';
import { startJob, type JobContext } from '../job.ts';
import { inNestedWorker, nestedWorkersAvailable, type NestedWorker } from '../nested.ts';
import { withTransfer } from '../transfer.ts';
import { checkSampleCount } from './datasets.ts';

/** At most this many line errors are returned (the total is always given). */
export const MAX_LINE_ERRORS = 100;
/** Points drawn per Q-Q, P-P or ECDF series: plenty for a chart, small to send. */
export const PLOT_POINTS = 1000;
/** Points on each fitted density and cdf curve. */
export const CURVE_POINTS = 201;
/**
 * Above this many values the table's intervals are Wald intervals (core's confidenceIntervals with
 * method 'wald'): a profile interval needs dozens of restricted fits, each a pass over the data for
 * the logistic, Cauchy and Weibull (minutes on 1e6 values), and at this n the two agree closely.
 */
export const PROFILE_INTERVAL_MAX_N = 20_000;
/** Bootstrap replicates per core call: the job checks for a cancel and reports progress between calls. */
export const BOOTSTRAP_CHUNK = 25;

/** The continuous families tried by default, and the discrete ones for non-negative integers. */
const CONTINUOUS: readonly FamilyName[] = FAMILY_NAMES.filter((name) => getFamily(name).kind === 'continuous');
const COUNT_FAMILIES: readonly FamilyName[] = ['poisson', 'geometric', 'negativeBinomial'];

export interface LoadTextOptions {
  /** A column of a table, by header name or 0-based index (core's parseData option). */
  column?: string | number;
}

/**
 * Text sent in pieces (appendText), by buffer number, until loadText reads it. Each piece is kept as a
 * Blob: the whole is then one Blob of the pieces, handed to the nested worker without a copy, where a
 * joined string of a million lines would be flattened and cloned on this worker's thread (~90 ms).
 */
const buffers = new Map<number, { parts: Blob[]; length: number; held: string }>();
/**
 * Characters per message when a long string is handed to the nested worker: one structured clone of
 * a million lines would hold this worker's thread for tens of milliseconds, a piece well under one.
 */
const TEXT_PIECE = 1 << 18;
/** Buffer numbers this worker uses in its nested workers' appendText. */
let nestedBuffers = 0;

/** Whether a string ends with the first half of a surrogate pair (UTF-8 pieces must not split a pair). */
function endsInHighSurrogate(text: string): boolean {
  const last = text.charCodeAt(text.length - 1);
  return last >= 0xd800 && last <= 0xdbff;
}

/** One token that could not be read, as core's parseData reports it. */
export interface LineError {
  line: number;
  text: string;
  message: string;
}

export interface LoadTextResult {
  /** The dataset of the values read; null when no value could be read. */
  handle: DatasetHandle | null;
  /** How many values were read. */
  n: number;
  /** The first MAX_LINE_ERRORS unreadable tokens (line numbers are 1-based). */
  errors: LineError[];
  /** How many tokens could not be read in all. */
  errorCount: number;
  /** The table's columns (header names, or V1, V2, … without a header). */
  columns: string[];
  /** The column read, or null when every field was read. */
  column: string | null;
  /** Whether every value is a non-negative integer (the discrete families apply). */
  counts: boolean;
  /** The decimal mark the numbers were read with: ',' when the text was written with decimal commas (detected). */
  decimal: '.' | ',';
}

export interface FitFamiliesOptions {
  /** Families to fit; default every family whose support holds the data (see fitFamilies). */
  families?: readonly FamilyName[];
  /** Fixed parameters by family, e.g. `{ binomial: { size: 10 } }`. */
  fixed?: Readonly<Partial<Record<FamilyName, FamilyParams>>>;
  /** 95 % by default. */
  level?: number;
  /** 'profile' or 'wald'; default 'profile' up to PROFILE_INTERVAL_MAX_N values, 'wald' above. */
  intervals?: 'profile' | 'wald';
}

/** One family's fit with everything the lab shows of it. */
export interface FamilyFit {
  family: FamilyName;
  kind: 'continuous' | 'discrete';
  /** 1 for the smallest AIC. */
  rank: number;
  /** The estimated parameters, in the family's order. */
  parameters: string[];
  estimates: Record<string, number>;
  standardErrors: Record<string, number>;
  /** Intervals at `level` by the result's `intervalMethod` (an end a profile never reaches is the domain's edge). */
  intervals: Record<string, ConfidenceInterval>;
  logLikelihood: number;
  aic: number;
  deltaAic: number;
  akaikeWeight: number;
  bic: number;
  ks: number;
  cvm: number;
  ad: number;
  /** Caveats from the fit and the goodness of fit (non-regular parameters, ties, …). */
  notes: string[];
  /** The fitted pdf (pmf) and cdf on the result's `grid`. */
  pdf: Float64Array;
  cdf: Float64Array;
  /** Q-Q points (fitted quantile, data value) and P-P points (fitted cdf, plotting position), thinned. */
  qq: { theoretical: Float64Array; empirical: Float64Array };
  pp: { theoretical: Float64Array; empirical: Float64Array };
}

export interface FitFamiliesResult {
  n: number;
  /** Whether every value is a non-negative integer. */
  counts: boolean;
  level: number;
  /** How the intervals were computed. */
  intervalMethod: 'profile' | 'wald';
  /** The fits, smallest AIC first. */
  fits: FamilyFit[];
  /** Families asked for (or tried by default) that could not be fitted, with core's reason. */
  failed: { family: string; reason: string }[];
  /** Families left out by default because their support does not hold the data. */
  excluded: { family: string; reason: string }[];
  /** compareFits' caveats (continuous and discrete families mixed). */
  notes: string[];
  /** Histogram (continuous data) or bar chart of relative frequencies per integer (counts), as densities. */
  histogram: { edges: Float64Array; density: Float64Array };
  /** Where each fit's pdf and cdf are given: an even grid over the data's range, or its integers. */
  grid: Float64Array;
  /** The empirical cdf (distinct values and Fₙ), thinned for drawing. */
  ecdf: { x: Float64Array; y: Float64Array };
}

export interface ProfileOptions {
  /** Points on the curve (default 61). */
  points?: number;
  /** Interval level (default 0.95). */
  level?: number;
  fixed?: FamilyParams;
}

export interface ProfileCurve {
  family: FamilyName;
  parameter: string;
  estimate: number;
  /** ℓ̂, the maximum. */
  logLikelihood: number;
  /** The parameter's values and the profile ℓ_p there (NaN where core could not maximise). */
  x: Float64Array;
  profile: Float64Array;
  /** ℓ̂ − χ²₁(level)/2: the interval is where the profile is above this line. */
  cut: number;
  interval: ConfidenceInterval;
  /** 'profile' up to PROFILE_INTERVAL_MAX_N values, else 'wald'. */
  intervalMethod: 'profile' | 'wald';
  level: number;
}

export interface BootstrapGofOptions {
  replicates: number;
  seed: number;
  fixed?: FamilyParams;
}

export interface BootstrapGof {
  family: FamilyName;
  ks: { statistic: number; pValue: number };
  cvm: { statistic: number; pValue: number };
  ad: { statistic: number; pValue: number };
  replicates: number;
  /** Replicates whose refit converged and entered the p-values. */
  used: number;
  failed: number;
}

function isCounts(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v >= 0 && Number.isInteger(v))) return false;
  }
  return true;
}

function isBinary(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== 0 && values[i] !== 1) return false;
  return true;
}

function checkFamilies(fn: string, families: unknown): FamilyName[] | undefined {
  if (families === undefined) return undefined;
  if (!Array.isArray(families) || families.length === 0) {
    throw new TypeError(`${fn}: families must be a non-empty array of family names (${FAMILY_NAMES.join(', ')}), got ${String(families)}`);
  }
  for (const name of families) getFamily(name as string);
  return families as FamilyName[];
}

/** Evenly spaced indices of a series of `length` for drawing (the first and last kept). */
function thin(length: number): Uint32Array {
  return decimationIndices(length, Math.max(2, PLOT_POINTS));
}

function pick(source: ArrayLike<number>, keep: Uint32Array): Float64Array {
  const out = new Float64Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = source[keep[i] as number] as number;
  return out;
}

/**
 * Q-Q and P-P points of a fit, thinned. Up to PLOT_POINTS values: core's qqPoints/ppPoints on the
 * whole sample. Beyond: the same points (fitdistrplus's plotting positions (i − ½)/n) at PLOT_POINTS
 * evenly spaced order statistics, from the family's ppf and cdf, so 1e6 values need 1000 quantiles.
 */
function plotPoints(values: Float64Array, sorted: Float64Array, fit: DistributionFit): Pick<FamilyFit, 'qq' | 'pp'> {
  if (values.length <= PLOT_POINTS) {
    const qq = qqPoints(values, fit);
    const pp = ppPoints(values, fit);
    return { qq: { theoretical: qq.theoretical, empirical: qq.empirical }, pp: { theoretical: pp.theoretical, empirical: pp.empirical } };
  }
  const family = getFamily(fit.family);
  const keep = thin(sorted.length);
  const n = sorted.length;
  const empirical = pick(sorted, keep);
  const positions = Float64Array.from(keep, (i) => (i + 0.5) / n);
  return {
    qq: { theoretical: positions.map((p) => family.ppf(p, fit.estimates)), empirical },
    pp: { theoretical: empirical.map((v) => family.cdf(v, fit.estimates)), empirical: positions },
  };
}

/** The grid the fitted curves are drawn on, and the histogram or bar chart of the data. */
function picture(values: Float64Array, sorted: Float64Array, counts: boolean): Pick<FitFamiliesResult, 'grid' | 'histogram'> {
  const lo = sorted[0] as number;
  const hi = sorted[sorted.length - 1] as number;
  if (counts && hi - lo <= 2000) {
    const edges = latticeBinEdges(values, { step: 1 });
    const h = histogram(values, { bins: edges, density: true });
    return { grid: linspace(lo, hi, hi - lo + 1), histogram: { edges: h.edges, density: h.counts } };
  }
  const h = histogram(values, { bins: values.length > 5000 ? 60 : 'auto', density: true });
  return { grid: lo === hi ? Float64Array.of(lo) : linspace(lo, hi, CURVE_POINTS), histogram: { edges: h.edges, density: h.counts } };
}

/**
 * Runs a job in a nested worker on its copy of `values` (nested.ts): a cancel terminates the nested
 * worker at once, wherever its core call is. The result is the nested worker's, its arrays transferred on.
 */
async function nested<T extends object>(
  fn: string,
  job: JobContext | undefined,
  values: Float64Array,
  call: (worker: NestedWorker, handle: DatasetHandle) => Promise<T>,
): Promise<T> {
  const run = startJob(job, fn);
  try {
    return withTransfer(await inNestedWorker(fn, run, async (worker) => call(worker, await worker.dataset(values)), values));
  } finally {
    run.finish();
  }
}

/** The text loadText reads: a string, a Blob, or a buffer filled by appendText (consumed here). */
function textSource(text: unknown): string | Blob {
  if (typeof text === 'string') return text;
  if (typeof Blob !== 'undefined' && text instanceof Blob) return text;
  if (typeof text === 'object' && text !== null && buffers.has((text as { buffer: number }).buffer)) {
    const id = (text as { buffer: number }).buffer;
    const { parts, held } = buffers.get(id) as { parts: Blob[]; held: string };
    const whole = new Blob(held === '' ? parts : [...parts, new Blob([held])], { type: 'text/plain' });
    buffers.delete(id);
    return whole;
  }
  throw new TypeError(`loadText: text must be a string, a Blob (a File) or { buffer } filled by appendText, got ${JSON.stringify(text) ?? typeof text}`);
}

export const fitLabJobs = {
  /**
   * Parses the reader's text (a string, or a Blob such as a dropped File, read here) with core's
   * parseData inside the worker and keeps the values read. Returns
   * the dataset's handle (null when nothing could be read), the count, the first 100 unreadable tokens
   * with their line numbers and the total, and the table's columns. Progress `{ done: 0 | 1, total: 1 }`
   * (parseData is one call); a cancel stops the parse at once (it runs in a nested worker).
   */
  async loadText(text: string | Blob | { buffer: number }, options: LoadTextOptions = {}, job?: JobContext): Promise<LoadTextResult> {
    const fn = 'loadText';
    const input = textSource(text);
    const run = startJob(job, fn);
    try {
      run.progress({ done: 0, total: 1 }, true);
      if (nestedWorkersAvailable()) {
        const result = await inNestedWorker(fn, run, async (worker): Promise<LoadTextResult> => {
          let source: string | Blob | { buffer: number } = input;
          if (typeof input === 'string' && input.length > TEXT_PIECE) {
            // A long string goes over in pieces, a message each; this worker stays free between them.
            source = { buffer: ++nestedBuffers };
            for (let start = 0; start < input.length; start += TEXT_PIECE) {
              await worker.client.appendText(source.buffer, input.slice(start, start + TEXT_PIECE));
            }
          }
          const read = await worker.client.loadText(source, options, worker.control);
          if (!read.handle) return read;
          // The values come back to be kept here; the nested worker keeps its copy for the fits that follow.
          const values = await worker.client.values(read.handle);
          if (run.signal.aborted) return read; // cancelled meanwhile: nothing is kept here
          worker.adopt(values, read.handle);
          return { ...read, handle: storeDataset(values, { kind: 'loaded' }) };
        });
        run.progress({ done: 1, total: 1 }, true);
        return result;
      }
      const source = typeof input === 'string' ? input : await input.text(); // a dropped file, read here, never on the page
      const parsed = parseData(source, options.column === undefined ? {} : { column: options.column });
      const n = parsed.values.length;
      if (n > 0) checkSampleCount('loadText', n);
      const handle = n === 0 ? null : storeDataset(parsed.values, { kind: 'loaded' });
      run.progress({ done: 1, total: 1 }, true);
      return {
        handle,
        n,
        errors: parsed.errors.slice(0, MAX_LINE_ERRORS).map((e) => ({ line: e.line, text: e.text, message: e.message })),
        errorCount: parsed.errors.length,
        columns: [...parsed.columns],
        column: parsed.column,
        counts: n > 0 && isCounts(parsed.values),
        decimal: parsed.decimal,
      };
    } finally {
      run.finish();
    }
  },

  /**
   * Appends a piece of a long text to buffer `buffer` (created on first use); `loadText({ buffer })`
   * then parses the whole and frees it. A page sends a million pasted lines this way in pieces, so no
   * single message (a structured clone on the page's thread) takes long. Returns the buffer's length so far.
   */
  appendText(buffer: number, chunk: string): number {
    if (!Number.isInteger(buffer)) throw new TypeError(`appendText: buffer must be an integer, got ${String(buffer)}`);
    if (typeof chunk !== 'string') throw new TypeError(`appendText: chunk must be a string, got ${typeof chunk}`);
    const kept = buffers.get(buffer) ?? { parts: [], length: 0, held: '' };
    // A pair split between two pieces is joined again: the last half-pair waits for the next piece.
    let piece = kept.held + chunk;
    kept.held = '';
    if (endsInHighSurrogate(piece)) {
      kept.held = piece.slice(-1);
      piece = piece.slice(0, -1);
    }
    kept.parts.push(new Blob([piece]));
    kept.length += chunk.length;
    buffers.set(buffer, kept);
    return kept.length;
  },

  /** A seeded sample from any family (numpy's legacy sampler: `np.random.seed(seed)` then the family's draw). */
  generateFamily(spec: { family: FamilyName; params: FamilyParams; n: number; seed: number }): DatasetHandle {
    const n = checkSampleCount('generateFamily', spec?.n);
    const values = getFamily(spec.family).sample(createRandomState(spec.seed), spec.params, n);
    return storeDataset(values, { kind: 'loaded' });
  },

  /**
   * Fits families to a dataset and compares them (core's compareFits ranks by AIC with Akaike weights),
   * then for each fit, one at a time with progress `{ done, total }` in families and a cancel point
   * between them: 95 % profile intervals (confidenceIntervals), KS/CvM/AD (goodnessOfFit), the fitted
   * pdf and cdf on one grid, thinned Q-Q and P-P points. Default families: every continuous family
   * whose support holds the data, or for non-negative integers the count families (Poisson,
   * geometric, negative binomial; Bernoulli for 0/1 data).
   */
  async fitFamilies(handle: DatasetHandle, options: FitFamiliesOptions = {}, job?: JobContext): Promise<FitFamiliesResult> {
    const fn = 'fitFamilies';
    const { values } = getDataset(fn, handle);
    if (nestedWorkersAvailable()) return nested(fn, job, values, (worker, copy) => worker.client.fitFamilies(copy, options, worker.control));
    const asked = checkFamilies(fn, options.families);
    const counts = isCounts(values);
    const families = asked ?? (counts ? [...COUNT_FAMILIES, ...(isBinary(values) ? (['bernoulli'] as FamilyName[]) : [])] : [...CONTINUOUS]);
    const level = options.level ?? 0.95;
    const intervalMethod = options.intervals ?? (values.length <= PROFILE_INTERVAL_MAX_N ? 'profile' : 'wald');
    const run = startJob(job, fn);
    try {
      const total = families.length + 1;
      run.progress({ done: 0, total }, true);
      const comparison = compareFits(values, families, { gof: false, ...(options.fixed ? { fixed: options.fixed } : {}) });
      const failed: FitFamiliesResult['failed'] = [];
      const excluded: FitFamiliesResult['excluded'] = [];
      for (const f of comparison.failed) {
        // By default a family whose support does not hold the data is not a failure, just not tried.
        const outside = asked === undefined && f.fit === null && / allows /.test(f.reason);
        (outside ? excluded : failed).push({ family: f.family, reason: f.reason });
      }
      run.progress({ done: 1, total }, true);
      await run.checkpoint();
      const sorted = values.toSorted();
      const { grid, histogram: hist } = picture(values, sorted, counts);
      const empirical = ecdf(sorted);
      const keep = thin(empirical.x.length);
      const fits: FamilyFit[] = [];
      for (const ranked of comparison.ranked) {
        const { fit } = ranked;
        const family = getFamily(fit.family);
        const gof = goodnessOfFit(values, fit);
        let intervals: Record<string, ConfidenceInterval>;
        const notes = [...Object.entries(fit.notes).map(([k, v]) => (k ? `${k}: ${v}` : v)), ...gof.notes];
        try {
          intervals = confidenceIntervals(values, fit, { level, method: intervalMethod });
        } catch (error) {
          intervals = Object.fromEntries(fit.parameters.map((p) => [p, { lower: NaN, upper: NaN }]));
          notes.push(`profile interval: ${error instanceof Error ? error.message : String(error)}`);
        }
        fits.push({
          family: fit.family,
          kind: family.kind,
          rank: ranked.rank,
          parameters: [...fit.parameters],
          estimates: { ...fit.estimates },
          standardErrors: { ...fit.standardErrors },
          intervals,
          logLikelihood: ranked.logLikelihood,
          aic: ranked.aic,
          deltaAic: ranked.deltaAic,
          akaikeWeight: ranked.akaikeWeight,
          bic: ranked.bic,
          ks: gof.ks.statistic,
          cvm: gof.cvm.statistic,
          ad: gof.ad.statistic,
          notes,
          pdf: grid.map((x) => family.pdf(x, fit.estimates)),
          cdf: grid.map((x) => family.cdf(x, fit.estimates)),
          ...plotPoints(values, sorted, fit),
        });
        run.progress({ done: fits.length + 1, total });
        await run.checkpoint();
      }
      run.progress({ done: total, total }, true);
      return withTransfer({
        n: values.length,
        counts,
        level,
        intervalMethod,
        fits,
        failed,
        excluded,
        notes: [...comparison.notes],
        histogram: hist,
        grid,
        ecdf: { x: pick(empirical.x, keep), y: pick(empirical.y, keep) },
      });
    } finally {
      run.finish();
    }
  },

  /**
   * The profile log-likelihood ℓ_p of one parameter (the others maximised out) on a grid around its
   * profile interval (Wald above PROFILE_INTERVAL_MAX_N values), each point ℓ̂ − LR/2 from core's
   * likelihoodTests, and the cut ℓ̂ − χ²₁(level)/2 with χ²₁(level) = Φ⁻¹((1 + level)/2)². Progress in
   * points; a cancel stops it at once (in a nested worker) or between points (in place).
   */
  async profile(handle: DatasetHandle, family: FamilyName, parameter: string, options: ProfileOptions = {}, job?: JobContext): Promise<ProfileCurve> {
    const fn = 'profile';
    const { values } = getDataset(fn, handle);
    if (nestedWorkersAvailable()) return nested(fn, job, values, (worker, copy) => worker.client.profile(copy, family, parameter, options, worker.control));
    const points = options.points ?? 61;
    if (!Number.isInteger(points) || points < 3 || points > 1001) {
      throw new RangeError(`${fn}: points must be an integer from 3 to 1001, got ${String(points)}`);
    }
    // The maximum and the interval first (each a core call of up to seconds on 1e6 values), after a
    // first report so the page sees the job start; then one profile point per step.
    const run = startJob(job, fn);
    try {
      run.progress({ done: 0, total: points }, true);
      const level = options.level ?? 0.95;
      const fit = fitDistribution(values, family, options.fixed ? { fixed: options.fixed } : {});
      if (!fit.parameters.includes(parameter)) {
        throw new RangeError(`${fn}: ${family} has no free parameter named ${JSON.stringify(parameter)}; its free parameters are ${fit.parameters.join(', ')}`);
      }
      // The profile interval up to PROFILE_INTERVAL_MAX_N values; above, the Wald interval sets the grid
      // and the curve itself shows where the profile crosses the cut.
      const method = values.length <= PROFILE_INTERVAL_MAX_N ? 'profile' : 'wald';
      const interval = confidenceIntervals(values, fit, { level, method })[parameter] as ConfidenceInterval;
      const estimate = fit.estimates[parameter] as number;
      const domain = getFamily(family).parameters.find((p) => p.name === parameter)?.domain ?? 'real';
      const se = fit.standardErrors[parameter] as number;
      const spread = Number.isFinite(se) && se > 0 ? 4 * se : Math.max(1e-3, Math.abs(estimate) * 0.5);
      const lowEnd = Number.isFinite(interval.lower) ? interval.lower : estimate - spread;
      const highEnd = Number.isFinite(interval.upper) ? interval.upper : estimate + spread;
      const pad = 0.35 * Math.max(highEnd - lowEnd, 1e-12 * Math.max(1, Math.abs(estimate)));
      let lo = lowEnd - pad;
      let hi = highEnd + pad;
      if (domain === 'positive' || domain === 'probability') lo = Math.max(lo, Math.min(lowEnd, estimate) / 4);
      if (domain === 'probability') hi = Math.min(hi, 1 - (1 - Math.max(highEnd, estimate)) / 4);
      const x = linspace(lo, hi, points);
      const profile = new Float64Array(points);
      const llAt = (v: number): number => {
        if (v === estimate) return fit.logLikelihood;
        try {
          return fit.logLikelihood - likelihoodTests(values, fit, { [parameter]: v }).likelihoodRatio.statistic / 2;
        } catch {
          return NaN;
        }
      };
      for (let i = 0; i < points; i++) {
        profile[i] = llAt(x[i] as number);
        run.progress({ done: i + 1, total: points }, i === points - 1);
        await run.checkpoint();
      }
      // χ²₁(level) = z² with z = Φ⁻¹((1 + level)/2).
      const z = normalPpf((1 + level) / 2);
      return withTransfer({ family, parameter, estimate, logLikelihood: fit.logLikelihood, x, profile, cut: fit.logLikelihood - (z * z) / 2, interval, intervalMethod: method, level });
    } finally {
      run.finish();
    }
  },

  /**
   * Parametric-bootstrap p-values of KS, CvM and AD for one family (core's goodnessOfFit with
   * `bootstrap`), run in chunks of BOOTSTRAP_CHUNK replicates so progress reaches the page (a cancel
   * stops it at once in a nested worker, between chunks in place): chunk k draws from seed + k (mod 2³²); the p-values pool the chunks' counts,
   * p = (1 + #{T_b ≥ T}) / (1 + used). With replicates ≤ BOOTSTRAP_CHUNK it is exactly one core call.
   */
  async goodnessOfFit(handle: DatasetHandle, family: FamilyName, options: BootstrapGofOptions, job?: JobContext): Promise<BootstrapGof> {
    const fn = 'goodnessOfFit';
    const { values } = getDataset(fn, handle);
    if (nestedWorkersAvailable()) return nested(fn, job, values, (worker, copy) => worker.client.goodnessOfFit(copy, family, options, worker.control));
    const replicates = options?.replicates;
    if (!Number.isInteger(replicates) || replicates < 1 || replicates > 100_000) {
      throw new RangeError(`${fn}: replicates must be an integer from 1 to 100,000, got ${String(replicates)}`);
    }
    const run = startJob(job, fn);
    try {
      run.progress({ done: 0, total: replicates }, true);
      const fit = fitDistribution(values, family, options.fixed ? { fixed: options.fixed } : {});
      const exceed = { ks: 0, cvm: 0, ad: 0 };
      let used = 0;
      let failed = 0;
      let statistics = { ks: NaN, cvm: NaN, ad: NaN };
      for (let done = 0, k = 0; done < replicates; k++) {
        const size = Math.min(BOOTSTRAP_CHUNK, replicates - done);
        const g = goodnessOfFit(values, fit, { bootstrap: { replicates: size, seed: (options.seed + k) >>> 0 } });
        const u = g.bootstrap?.used ?? 0;
        used += u;
        failed += g.bootstrap?.failed ?? 0;
        // Core's p = (1 + exceed)/(1 + used) gives back each chunk's count of T_b ≥ T.
        for (const key of ['ks', 'cvm', 'ad'] as const) exceed[key] += Math.round((g[key].pValue ?? NaN) * (1 + u)) - 1;
        statistics = { ks: g.ks.statistic, cvm: g.cvm.statistic, ad: g.ad.statistic };
        done += size;
        run.progress({ done, total: replicates }, done === replicates);
        await run.checkpoint();
      }
      const p = (key: 'ks' | 'cvm' | 'ad') => ({ statistic: statistics[key], pValue: (1 + exceed[key]) / (1 + used) });
      return { family, ks: p('ks'), cvm: p('cvm'), ad: p('ad'), replicates, used, failed };
    } finally {
      run.finish();
    }
  },
};
