// The Central Limit Theorem as an experiment: m independent means of k draws each from a
// non-normal source, next to the normal law N(μ, σ²/k) that the theorem predicts for them.

import { checkFinite, checkInteger, checkOneOf, describe } from '../internal/validate.ts';
import { createRandomState, type RandomState } from '../random/random-state.ts';
import { mean } from '../stats/mean.ts';
import { std } from '../stats/variance.ts';

/** The distributions {@link cltSample} can draw from. */
export type CltSource = 'uniform' | 'exponential' | 'bernoulli';

/** Options of {@link cltSample}. */
export interface CltSampleOptions {
  /** Seed of the numpy-legacy stream, an integer in [0, 2**32 − 1]. */
  seed: number;
  /** 'uniform' on [0, 1), 'exponential' with rate 1, or 'bernoulli' with success probability p. */
  source: CltSource;
  /** Draws averaged per mean, k ≥ 1. */
  k: number;
  /** Number of means, m ≥ 1. */
  m: number;
  /** Success probability of the Bernoulli source, in [0, 1] (required for it, ignored otherwise). */
  p?: number;
}

/** Result of {@link cltSample}. */
export interface CltSample {
  /** The m sample means. */
  means: Float64Array;
  /** Mean μ of one source draw (uniform ½, exponential 1, Bernoulli p). */
  sourceMean: number;
  /** Standard deviation σ of one source draw (uniform 1/√12, exponential 1, Bernoulli √(p(1 − p))). */
  sourceSd: number;
  /** Theoretical mean of a sample mean: μ. */
  expectedMean: number;
  /** Theoretical standard deviation of a sample mean: σ/√k (the standard error). */
  expectedSd: number;
  /** Average of the m means. */
  sampleMean: number;
  /** Standard deviation (ddof 0) of the m means. */
  sampleSd: number;
}

/**
 * A CLT draw in chunks, so that a caller (a worker) can report progress and cancel between them.
 * Chunks continue one RandomState stream, row by row of numpy's `random_sample((m, k))`, so
 * `cltSample(o)` is `createCltRun(o)` stepped to the end, then `result()`, value for value.
 */
export interface CltRun {
  /** Draws at most `maxMeans` more means (default: all that are left); returns true once all m are drawn. */
  step(maxMeans?: number): boolean;
  /** Means drawn so far, 0 … m. */
  readonly drawn: number;
  /** True once all m means are drawn. */
  readonly done: boolean;
  /** The sample (the same object on every call); throws unless all m means are drawn. */
  result(): CltSample;
}

interface ResolvedCltOptions {
  source: CltSource;
  k: number;
  m: number;
  p: number;
}

function resolveOptions(fn: string, options: CltSampleOptions): ResolvedCltOptions {
  if (options === null || typeof options !== 'object') {
    throw new TypeError(`${fn}: options must be an object { seed, source, k, m, p? }, got ${describe(options)}`);
  }
  const source = checkOneOf<CltSource>(fn, 'source', options.source, ['uniform', 'exponential', 'bernoulli']);
  const k = checkInteger(fn, 'k', options.k, 1);
  const m = checkInteger(fn, 'm', options.m, 1);
  let p = 0;
  if (source === 'bernoulli') {
    if (options.p === undefined) throw new RangeError(`${fn}: p (the success probability, from 0 to 1) is required for the 'bernoulli' source`);
    p = checkFinite(fn, 'p', options.p);
    if (p < 0 || p > 1) throw new RangeError(`${fn}: p must be from 0 to 1, got ${describe(p)}`);
  }
  return { source, k, m, p };
}

/** Fills means[from … to − 1], each the mean of the next k draws of `rs`, in stream order. */
function drawMeans(rs: RandomState, o: ResolvedCltOptions, means: Float64Array, from: number, to: number): void {
  const { source, k, p } = o;
  for (let i = from; i < to; i++) {
    let s = 0;
    if (source === 'uniform') {
      for (let j = 0; j < k; j++) s += rs.randomSample();
    } else if (source === 'exponential') {
      for (let j = 0; j < k; j++) s -= Math.log1p(-rs.randomSample());
    } else {
      for (let j = 0; j < k; j++) if (rs.randomSample() < p) s += 1;
    }
    means[i] = s / k;
  }
}

function createRun(fn: string, options: CltSampleOptions): CltRun {
  const o = resolveOptions(fn, options);
  const rs = createRandomState(options.seed);
  const means = new Float64Array(o.m);
  let drawn = 0;
  let sample: CltSample | undefined;
  return {
    step(maxMeans = Number.POSITIVE_INFINITY): boolean {
      if (typeof maxMeans !== 'number' || !(maxMeans >= 0) || !(Number.isInteger(maxMeans) || maxMeans === Number.POSITIVE_INFINITY)) {
        throw new RangeError(`${fn}: step(maxMeans) needs an integer ≥ 0 or Infinity, got ${describe(maxMeans)}`);
      }
      const to = Math.min(o.m, drawn + maxMeans);
      drawMeans(rs, o, means, drawn, to);
      drawn = to;
      return drawn === o.m;
    },
    get drawn(): number {
      return drawn;
    },
    get done(): boolean {
      return drawn === o.m;
    },
    result(): CltSample {
      if (drawn < o.m) {
        throw new RangeError(`${fn}: result() was called after ${drawn} of ${o.m} means; call step() until it returns true first`);
      }
      sample ??= summarize(o, means);
      return sample;
    },
  };
}

/** The theory (μ, σ, σ/√k) beside what the means show. */
function summarize(o: ResolvedCltOptions, means: Float64Array): CltSample {
  const { source, k, p } = o;
  const sourceMean = source === 'uniform' ? 0.5 : source === 'exponential' ? 1 : p;
  const sourceSd = source === 'uniform' ? Math.sqrt(1 / 12) : source === 'exponential' ? 1 : Math.sqrt(p * (1 - p));
  return {
    means,
    sourceMean,
    sourceSd,
    expectedMean: sourceMean,
    expectedSd: sourceSd / Math.sqrt(k),
    sampleMean: mean(means),
    sampleSd: std(means),
  };
}

/**
 * Starts {@link cltSample}'s draw without drawing: `step(c)` draws the next c means (rows of numpy's
 * `RandomState(seed).random_sample((m, k))`, continuing one stream), `result()` gives exactly what
 * `cltSample` returns for the same options, whatever the chunk sizes.
 *
 * @param options - seed, source, k, m and p for the Bernoulli source, as for {@link cltSample}.
 * @returns A {@link CltRun}: `step(maxMeans?)`, `drawn`, `done`, `result()`.
 * @throws {RangeError} As {@link cltSample}; `step` for a `maxMeans` that is not an integer ≥ 0 or
 *   Infinity; `result` before all m means are drawn.
 * @throws {TypeError} As {@link cltSample}.
 * @example
 * const run = createCltRun({ seed: 0, source: 'uniform', k: 1, m: 3 });
 * run.step(2); // => false (2 of 3 means drawn)
 * run.step(); // => true
 * run.result().means; // => Float64Array [0.5488135039273248, 0.7151893663724195, 0.6027633760716439]
 * // = np.random.RandomState(0).random_sample((3, 1)).mean(1)
 */
export function createCltRun(options: CltSampleOptions): CltRun {
  return createRun('createCltRun', options);
}

/**
 * Draws m means of k independent draws each from a uniform, exponential or Bernoulli source, with
 * the mean and standard deviation the Central Limit Theorem predicts for them.
 *
 * Every draw starts from one U = `randomSample()` of a numpy-legacy stream, taken in order (mean i
 * uses draws i·k … i·k + k − 1): uniform U; exponential −log(1 − U) = −log1p(−U) (inversion of
 * F(x) = 1 − e^{−x}; not numpy's `standard_exponential`, which also inverts but from its own call);
 * Bernoulli [U < p]. Theory: a mean of k draws has mean μ and standard deviation σ/√k, and tends to
 * N(μ, σ²/k) as k grows. numpy equivalent: `u = RandomState(seed).random_sample((m, k))`, then
 * `u.mean(1)`, `(-np.log1p(-u)).mean(1)` or `(u < p).mean(1)`. To draw in chunks (progress,
 * cancellation), use {@link createCltRun}.
 *
 * @param options - seed, source, k, m and p for the Bernoulli source.
 * @returns The means and the theoretical and observed mean and standard deviation.
 * @throws {RangeError} If the seed, k or m is not a valid integer, the source is unknown, or p is missing or outside [0, 1] for 'bernoulli'.
 * @throws {TypeError} If the seed is not a number or `options` is not an object.
 * @example
 * const r = cltSample({ seed: 0, source: 'exponential', k: 30, m: 1000 });
 * r.expectedSd; // => 0.18257418583505536 (1/√30)
 */
export function cltSample(options: CltSampleOptions): CltSample {
  const run = createRun('cltSample', options);
  run.step();
  return run.result();
}
