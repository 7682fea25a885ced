// numpy's `random_poisson_ptrs` (λ ≥ 10) run in batches. Every PTRS attempt takes exactly two
// doubles (U, V), whatever happens to it, so the attempts left in the current key are read ahead in
// one loop, the logarithms of the ~half that reach the final test are taken in two
// accurateLogInPlace loops, and the attempts are then accepted or rejected in order; the stream
// position is set after the last attempt used, so the words consumed are numpy's. The right side of
// the final test, −λ + k·ln λ − loggam(k + 1), depends only on k: it is computed once per k (the same
// expression, so the same double) in a table of the set-up. Called per draw, the same work cost 1.7×
// numpy's time, most of it in three scalar logarithms and the loggam series per tested attempt.

import { accurateLogAll, accurateLogInPlace } from './accurate-log.ts';
import { loggamOfCount, type PoissonPtrsSetup } from './legacy-distributions.ts';
import { nextDouble } from './legacy-stream.ts';
import { MT19937_STATE_LENGTH, mt19937Twist, type Mt19937 } from './mt19937.ts';

const N = MT19937_STATE_LENGTH;
const TWO_POW_MINUS_27 = 7.450580596923828e-9;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;
/** The most attempts one key holds (four words each). */
const ATTEMPTS = N >> 2;

/** A PTRS set-up with the table of the final test's right side. */
export interface PoissonPtrsBatch extends PoissonPtrsSetup {
  /** First k of the table. */
  kLo: number;
  /** rhs[k − kLo] = −λ + k·ln λ − loggam(k + 1), or NaN until first needed. */
  rhs: Float64Array;
}

/**
 * The set-up of fillPoissonPtrs for λ: poissonPtrsSetup's constants and an empty table of the final
 * test's right side for k within about 10√λ + 30 of λ (k outside it is computed when met).
 *
 * @param s - poissonPtrsSetup(λ).
 * @returns The batch set-up.
 * @example
 * poissonPtrsBatch(poissonPtrsSetup(25)).kLo; // => 0
 */
export function poissonPtrsBatch(s: PoissonPtrsSetup): PoissonPtrsBatch {
  const half = Math.min(2048, Math.ceil(10 * Math.sqrt(s.lam) + 30));
  const kLo = Math.max(0, Math.floor(s.lam) - half);
  return { ...s, kLo, rhs: new Float64Array(Math.floor(s.lam) + half + 1 - kLo).fill(Number.NaN) };
}

/** −λ + k·ln λ − loggam(k + 1), as `random_poisson_ptrs` evaluates it, from the table when it can. */
function rhsOf(s: PoissonPtrsBatch, k: number): number {
  const t = k - s.kLo;
  if (t >= 0 && t < s.rhs.length) {
    const r = s.rhs[t] as number;
    if (r === r) return r;
    const v = -s.lam + k * s.loglam - loggamOfCount(k);
    s.rhs[t] = v;
    return v;
  }
  return -s.lam + k * s.loglam - loggamOfCount(k);
}

/**
 * Fills out[i0 … i1) with `random_poisson_ptrs` draws (λ ≥ 10), bit for bit and word for word those
 * of poissonPtrsDraw.
 *
 * @param gen - The generator.
 * @param s - poissonPtrsBatch(poissonPtrsSetup(λ)).
 * @param out - Receives the draws.
 * @param i0 - First index.
 * @param i1 - One past the last index.
 * @example
 * fillPoissonPtrs(mt19937Create(22), poissonPtrsBatch(poissonPtrsSetup(25)), out, 0, 1); // out[0] = 20
 */
export function fillPoissonPtrs(gen: Mt19937, s: PoissonPtrsBatch, out: Float64Array, i0: number, i1: number): void {
  let i = i0;
  while (i < i1) {
    if (gen.pos === N) {
      mt19937Twist(gen);
      gen.pos = 0;
    }
    if (gen.pos <= N - 4) {
      i = ptrsKey(gen, s, out, i, i1);
      continue;
    }
    // An attempt across the twist, word by word.
    const k = ptrsAttempt(s, nextDouble(gen), nextDouble(gen));
    if (k >= 0) out[i++] = k;
  }
}

/** One PTRS attempt from its two doubles, as `random_poisson_ptrs`: the draw, or −1 when rejected. */
function ptrsAttempt(s: PoissonPtrsBatch, u: number, V: number): number {
  const U = u - 0.5;
  const us = 0.5 - Math.abs(U);
  const k = Math.floor(((2 * s.a) / us + s.b) * U + s.lam + 0.43);
  if (us >= 0.07 && V <= s.vr) return k;
  if (k < 0 || (us < 0.013 && V > us)) return -1;
  const logV = V > 0 ? accurateLogAll(V) : Number.NEGATIVE_INFINITY;
  return logV + s.logInvalpha - accurateLogAll(s.a / (us * us) + s.b) <= rhsOf(s, k) ? k : -1;
}

/** Scratch of ptrsKey, one slot per attempt of a key. */
const DRAW = new Float64Array(ATTEMPTS);
/** The attempts that reach the final test: their index, V (then ln V), a/us² + b (then its log). */
const TESTED = new Int32Array(ATTEMPTS);
const LOGS = new Float64Array(2 * ATTEMPTS);
/** Halves of one buffer, so accurateLogInPlace keeps one int32 view for both. */
const LOG_V = LOGS.subarray(0, ATTEMPTS);
const LOG_W = LOGS.subarray(ATTEMPTS);

/**
 * The attempts left in the current key (gen.pos ≤ N − 4): read all, decide all, then use them in
 * order until out[… i1) is full; returns the next output index.
 */
function ptrsKey(gen: Mt19937, s: PoissonPtrsBatch, out: Float64Array, i0: number, i1: number): number {
  const tempered = gen.tempered;
  const pos0 = gen.pos;
  const attempts = (N - pos0) >> 2;
  const { lam, a, b, vr } = s;
  const twoA = 2 * a;
  const draw = DRAW;
  const tested = TESTED;
  const logV = LOG_V;
  const logW = LOG_W;
  let t = 0;
  for (let j = 0, p = pos0; j < attempts; j++, p += 4) {
    const U = ((tempered[p] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[p + 1] as number) >>> 6) * TWO_POW_MINUS_53 - 0.5;
    const V = ((tempered[p + 2] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[p + 3] as number) >>> 6) * TWO_POW_MINUS_53;
    const us = 0.5 - Math.abs(U);
    const k = Math.floor((twoA / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) {
      draw[j] = k;
    } else if (k < 0 || (us < 0.013 && V > us)) {
      draw[j] = -1;
    } else {
      draw[j] = k;
      tested[t] = j;
      logV[t] = V;
      logW[t] = a / (us * us) + b;
      t++;
    }
  }
  // accurateLogInPlace is accurateLogAll bit for bit (and ln 0 = −Infinity, as C's log).
  accurateLogInPlace(logV, 0, t);
  accurateLogInPlace(logW, 0, t);
  const logInvalpha = s.logInvalpha;
  for (let q = 0; q < t; q++) {
    const j = tested[q] as number;
    if (!((logV[q] as number) + logInvalpha - (logW[q] as number) <= rhsOf(s, draw[j] as number))) draw[j] = -1;
  }
  let i = i0;
  let j = 0;
  while (j < attempts && i < i1) {
    const k = draw[j++] as number;
    if (k >= 0) out[i++] = k;
  }
  gen.pos = pos0 + 4 * j;
  return i;
}
