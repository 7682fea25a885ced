// numpy's legacy samplers that turn one double into one draw (exponential, Weibull, Laplace,
// logistic, geometric), run in batches: the stream's doubles are first copied into a scratch buffer
// by one tight per-key loop (fillDoubles), then transformed by a small per-chunk loop that never
// touches the generator. Both are small functions called once per key or chunk, so V8 optimises
// them during the first call (see fillGauss in ./random-state.ts for why that matters).
//
// The draws are numpy's, in numpy's order: a sampler that rejects U = 0 (Laplace, logistic) simply
// skips that double, which is what numpy's redraw does too.

import { accurateLog, accurateLogAll, accurateLogInPlace } from './accurate-log.ts';
import { GEOMETRIC_SEARCH_MIN_P } from './legacy-distributions.ts';
import { nextDouble } from './legacy-stream.ts';
import { MT19937_STATE_LENGTH, type Mt19937 } from './mt19937.ts';

const N = MT19937_STATE_LENGTH;
const TWO_POW_MINUS_27 = 7.450580596923828e-9;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/** Doubles per chunk: 8 KiB of scratch, well inside the L1 cache. */
export const DOUBLES_CHUNK = 1024;

/**
 * Copies the stream's next `count` doubles into buf[0 … count), exactly as `count` calls of
 * nextDouble would return them.
 *
 * @param gen - The generator; its position advances by 2·count words.
 * @param buf - Receives the doubles; at least `count` long.
 * @param count - How many doubles.
 * @example
 * const buf = new Float64Array(2);
 * fillDoubles(mt19937Create(42), buf, 2); // buf = [0.3745401188473625, 0.9507143064099162]
 */
export function fillDoubles(gen: Mt19937, buf: Float64Array, count: number): void {
  let j = 0;
  while (j < count) {
    if (gen.pos > N - 2) buf[j++] = nextDouble(gen);
    else j = doublesBlock(gen, buf, j, count);
  }
}

function doublesBlock(gen: Mt19937, buf: Float64Array, j0: number, count: number): number {
  const tempered = gen.tempered;
  let pos = gen.pos;
  let j = j0;
  while (j < count && pos <= N - 2) {
    const a = (tempered[pos] as number) >>> 5;
    const b = (tempered[pos + 1] as number) >>> 6;
    pos += 2;
    // (a·2^26 + b)·2^-53 as a·2^-27 + b·2^-53: both products and their sum are exact (53 bits), and
    // V8 compiles it to fewer operations.
    buf[j++] = a * TWO_POW_MINUS_27 + b * TWO_POW_MINUS_53;
  }
  gen.pos = pos;
  return j;
}

/**
 * Transforms one chunk: buf[0 … m) are the stream's next doubles; writes draws to out from index i0
 * (one per double, or none for a double the sampler skips) and returns the next index.
 */
type Chunk = (buf: Float64Array, m: number, out: Float64Array, i0: number, p1: number, p2: number) => number;

/**
 * Fills `out` a chunk at a time: exactly the doubles still needed (a skipped one makes the loop
 * draw one more, as numpy's redraw does), then `chunk` on them.
 */
function fillByChunks(gen: Mt19937, buf: Float64Array, out: Float64Array, chunk: Chunk, p1: number, p2: number): void {
  for (let i = 0; i < out.length; ) {
    const m = Math.min(DOUBLES_CHUNK, out.length - i);
    fillDoubles(gen, buf, m);
    i = chunk(buf, m, out, i, p1, p2);
  }
}

/**
 * out ← low + range·U (`random_uniform`, which `RandomState.uniform` calls with range = high − low).
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param low - Lower bound.
 * @param range - high − low, finite.
 * @example
 * fillUniform(mt19937Create(42), buf, out, -1, 2); // out[0] = -0.250919762305275
 */
export function fillUniform(gen: Mt19937, buf: Float64Array, out: Float64Array, low: number, range: number): void {
  fillByChunks(gen, buf, out, uniformChunk, low, range);
}

function uniformChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, low: number, range: number): number {
  for (let j = 0; j < m; j++) out[i0 + j] = low + range * (buf[j] as number);
  return i0 + m;
}

/**
 * out ← scale·(−ln(1 − U)) (`legacy_exponential`; scale 1 is `legacy_standard_exponential`).
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param scale - Scale ≥ 0.
 * @example
 * fillExponential(mt19937Create(42), buf, out, 1); // out[0] = 0.4692680899768591
 */
export function fillExponential(gen: Mt19937, buf: Float64Array, out: Float64Array, scale: number): void {
  fillByChunks(gen, buf, out, exponentialChunk, scale, 0);
}

function exponentialChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, scale: number): number {
  // numpy: scale * -log(1.0 - U); 1 − U is exact and in (0, 1]. Two passes, so that the logarithm
  // runs as accurateLogInPlace's loop (bit for bit accurateLog, without a call per draw).
  // (−scale)·y is scale·(−y) exactly, signed zeros included.
  for (let j = 0; j < m; j++) out[i0 + j] = 1 - (buf[j] as number);
  accurateLogInPlace(out, i0, i0 + m, -scale);
  return i0 + m;
}

/**
 * out ← (−ln(1 − U))^(1/a) (`legacy_weibull` for a > 0; pow is Math.pow, see ./legacy-distributions.ts).
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param invA - 1/a, as C computes it.
 * @example
 * fillWeibull(mt19937Create(42), buf, out, 1 / 1.5); // out[0] = 0.6038754149558739
 */
export function fillWeibull(gen: Mt19937, buf: Float64Array, out: Float64Array, invA: number): void {
  fillByChunks(gen, buf, out, weibullChunk, invA, 0);
}

function weibullChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, invA: number): number {
  // −ln(1 − U) as exponentialChunk, then its power in a pass of its own: V8's code for a loop that
  // chains a logarithm and Math.pow per draw is far slower than the two loops (see weibull.ts's kernels).
  for (let j = 0; j < m; j++) out[i0 + j] = 1 - (buf[j] as number);
  accurateLogInPlace(out, i0, i0 + m, -1);
  for (let i = i0; i < i0 + m; i++) out[i] = Math.pow(out[i] as number, invA);
  return i0 + m;
}

/**
 * out ← `random_laplace`: loc − scale·ln(2 − U − U) for U ≥ 0.5, loc + scale·ln(2U) for
 * 0 < U < 0.5, U = 0 skipped (numpy draws again).
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param loc - Location.
 * @param scale - Scale ≥ 0.
 * @example
 * fillLaplace(mt19937Create(42), buf, out, 0, 1); // out[0] = -0.28890917477433936
 */
export function fillLaplace(gen: Mt19937, buf: Float64Array, out: Float64Array, loc: number, scale: number): void {
  fillByChunks(gen, buf, out, laplaceChunk, loc, scale);
}

function laplaceChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, loc: number, scale: number): number {
  let i = i0;
  for (let j = 0; j < m; j++) {
    const U = buf[j] as number;
    if (U >= 0.5) out[i++] = loc - scale * accurateLog(2 - U - U);
    else if (U > 0) out[i++] = loc + scale * accurateLog(U + U);
  }
  return i;
}

/**
 * out ← `random_logistic`: loc + scale·ln(U/(1 − U)), U = 0 skipped (numpy draws again).
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param loc - Location.
 * @param scale - Scale ≥ 0.
 * @example
 * fillLogistic(mt19937Create(42), buf, out, 0, 1); // out[0] = -0.5127882653574256
 */
export function fillLogistic(gen: Mt19937, buf: Float64Array, out: Float64Array, loc: number, scale: number): void {
  fillByChunks(gen, buf, out, logisticChunk, loc, scale);
}

function logisticChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, loc: number, scale: number): number {
  let i = i0;
  for (let j = 0; j < m; j++) {
    const U = buf[j] as number;
    if (U > 0) out[i++] = U / (1 - U);
  }
  // accurateLogInPlace is accurateLogAll bit for bit, as a loop.
  accurateLogInPlace(out, i0, i);
  for (let k = i0; k < i; k++) out[k] = loc + scale * (out[k] as number);
  return i;
}

/**
 * out ← `legacy_random_geometric`: the search (the first X with U ≤ p + pq + … + pq^(X−1)) for
 * p ≥ 1/3, else the inversion ⌈ln(1 − U)/ln(1 − p)⌉; both take one double per draw.
 *
 * @param gen - The generator.
 * @param buf - Scratch of DOUBLES_CHUNK doubles.
 * @param out - Filled in full.
 * @param p - Success probability in (0, 1].
 * @example
 * fillGeometric(mt19937Create(30), buf, out, 0.1); // out[0] = 10
 */
export function fillGeometric(gen: Mt19937, buf: Float64Array, out: Float64Array, p: number): void {
  if (p >= GEOMETRIC_SEARCH_MIN_P) fillByChunks(gen, buf, out, geometricSearchChunk, p, 0);
  else fillByChunks(gen, buf, out, geometricInversionChunk, accurateLogAll(1 - p), 0);
}

function geometricSearchChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, p: number): number {
  const q = 1 - p;
  let i = i0;
  for (let j = 0; j < m; j++) {
    const U = buf[j] as number;
    let X = 1;
    let sum = p;
    let prod = p;
    while (U > sum) {
      prod *= q;
      sum += prod;
      X++;
    }
    out[i++] = X;
  }
  return i;
}

function geometricInversionChunk(buf: Float64Array, m: number, out: Float64Array, i0: number, logq: number): number {
  let i = i0;
  // numpy: (long)ceil(log1p(-U) / log(1 - p)); 1 − U is exact, so log1p(−U) = ln(1 − U). + 0 turns
  // the −0 of U = 0 into C's (long) 0.
  for (let j = 0; j < m; j++) out[i++] = Math.ceil(accurateLog(1 - (buf[j] as number)) / logq) + 0;
  return i;
}
