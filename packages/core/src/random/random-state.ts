// numpy's legacy seeded stream, `np.random.seed(s)` / `np.random.RandomState(s)`, bit for bit.
// Ports numpy/random/mtrand.pyx (`RandomState`) and numpy/random/src/legacy/legacy-distributions.c
// (`legacy_gauss`, `legacy_normal`) on top of ./mt19937.ts.

import { checkFinite, checkInteger, describe } from '../internal/validate.ts';
import { accurateLog } from './accurate-log.ts';
import { MT19937_STATE_LENGTH, mt19937Create, mt19937Twist, type Mt19937 } from './mt19937.ts';

const UINT32_MAX = 4294967295;
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
/** The most polar attempts one key can hold: 156 of four words, plus one that straddles a twist. */
const ATTEMPTS_PER_KEY = (MT19937_STATE_LENGTH >> 2) + 1;

/**
 * A snapshot of a stream, shaped like numpy's `RandomState.get_state()` tuple
 * `('MT19937', key, pos, has_gauss, cached_gaussian)`.
 */
export interface RandomStateSnapshot {
  /** The 624 MT19937 state words. */
  key: Uint32Array;
  /** Index of the next state word, 0…624. */
  pos: number;
  /** Whether a second polar-method variate is cached for the next normal draw. */
  hasGauss: boolean;
  /** The cached variate (0 when `hasGauss` is false, as numpy stores it). */
  cachedGaussian: number;
}

/** A seeded random stream identical to numpy's legacy `RandomState`. */
export interface RandomState {
  /** One double in [0, 1) with 53 random bits (`RandomState.random_sample()`). */
  randomSample(): number;
  /** `size` draws of low + (high − low)·U, U in [0, 1) (`RandomState.uniform`). */
  uniform(low: number, high: number, size: number): Float64Array;
  /** `size` standard normal draws by the polar method (`RandomState.standard_normal`). */
  standardNormal(size: number): Float64Array;
  /** `size` draws of loc + scale·Z (`RandomState.normal`). */
  normal(loc: number, scale: number, size: number): Float64Array;
  /** A copy of the stream's state (`RandomState.get_state()`). */
  getState(): RandomStateSnapshot;
  /** Resumes the stream from a snapshot (`RandomState.set_state()`). */
  setState(state: RandomStateSnapshot): void;
}

interface GaussCache {
  hasGauss: boolean;
  gauss: number;
  /** Scratch for the accepted polar pairs of one key (see fillGauss): x1s, then x2s, then r²s. */
  accepted: Float64Array;
}

/**
 * Creates a random stream that reproduces numpy's legacy `np.random.RandomState(seed)` bit for bit.
 *
 * Seeding is numpy's `_legacy_seeding` for an integer: MT19937 `init_genrand(seed)`. Doubles are
 * `((a >> 5)·2**26 + (b >> 6)) / 2**53` from two 32-bit words. Normal variates use the legacy polar
 * (Marsaglia) method: draw x1, x2 = 2U − 1 until 0 < r² = x1² + x2² < 1, set
 * f = √(−2·ln r² / r²), return f·x2 and keep f·x1 for the next call — the cached variate carries
 * across calls (and `getState`/`setState`) exactly as in numpy. Uniform draws are bit-identical to
 * numpy. Normal draws use a nearly correctly rounded ln (./accurate-log.ts) where numpy uses the C
 * library's: 99.96 % of 1e6 draws are bit-identical, the rest within 2 ulp.
 *
 * Ports `numpy.random.RandomState` (mtrand.pyx, legacy-distributions.c `legacy_gauss`).
 *
 * @param seed - An integer in [0, 2**32 − 1], as `np.random.seed` accepts.
 * @returns The stream; its methods draw from it and advance it.
 * @throws {TypeError} If `seed` is not a number.
 * @throws {RangeError} If `seed` is not an integer in [0, 2**32 − 1].
 * @example
 * const rs = createRandomState(42);
 * rs.randomSample(); // => 0.3745401188473625
 * createRandomState(42).normal(5, 2, 3); // => Float64Array [5.993428306022466, 4.72347139765763, 6.295377076201385]
 */
export function createRandomState(seed: number): RandomState {
  const fn = 'createRandomState';
  if (typeof seed !== 'number') {
    throw new TypeError(`${fn}: seed must be a number (an integer from 0 to 2**32 − 1 = ${UINT32_MAX}), got ${describe(seed)}`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > UINT32_MAX) {
    throw new RangeError(`${fn}: seed must be an integer from 0 to 2**32 − 1 = ${UINT32_MAX}, got ${describe(seed)}`);
  }
  const gen = mt19937Create(seed);
  const cache: GaussCache = { hasGauss: false, gauss: 0, accepted: new Float64Array(3 * ATTEMPTS_PER_KEY) };

  return {
    randomSample(): number {
      return nextDouble(gen);
    },

    uniform(low: number, high: number, size: number): Float64Array {
      const name = 'RandomState.uniform';
      checkFinite(name, 'low', low);
      checkFinite(name, 'high', high);
      const n = checkSize(name, size);
      const range = high - low;
      if (!Number.isFinite(range)) {
        throw new RangeError(`${name}: high − low (${range}) overflows; the range must be a finite number`);
      }
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = low + range * nextDouble(gen);
      return out;
    },

    standardNormal(size: number): Float64Array {
      const out = new Float64Array(checkSize('RandomState.standardNormal', size));
      fillGauss(gen, cache, out, 0, 1);
      return out;
    },

    normal(loc: number, scale: number, size: number): Float64Array {
      const name = 'RandomState.normal';
      checkFinite(name, 'loc', loc);
      if (typeof scale !== 'number' || !Number.isFinite(scale) || scale < 0) {
        throw new RangeError(`${name}: scale must be a finite number ≥ 0, got ${describe(scale)}`);
      }
      const out = new Float64Array(checkSize(name, size));
      fillGauss(gen, cache, out, loc, scale);
      return out;
    },

    getState(): RandomStateSnapshot {
      return {
        key: gen.key.slice(),
        pos: gen.pos,
        hasGauss: cache.hasGauss,
        cachedGaussian: cache.hasGauss ? cache.gauss : 0,
      };
    },

    setState(state: RandomStateSnapshot): void {
      const name = 'RandomState.setState';
      if (state === null || typeof state !== 'object') {
        throw new TypeError(`${name}: state must be an object { key, pos, hasGauss, cachedGaussian }, got ${describe(state)}`);
      }
      const { key, pos, hasGauss, cachedGaussian } = state;
      if (key === null || typeof key !== 'object' || key.length !== MT19937_STATE_LENGTH) {
        throw new RangeError(`${name}: state.key must hold ${MT19937_STATE_LENGTH} words, got ${describe(key)}`);
      }
      for (let i = 0; i < MT19937_STATE_LENGTH; i++) {
        checkInteger(name, `state.key[${i}]`, key[i], 0, UINT32_MAX);
      }
      checkInteger(name, 'state.pos', pos, 0, MT19937_STATE_LENGTH);
      if (typeof hasGauss !== 'boolean') {
        throw new TypeError(`${name}: state.hasGauss must be true or false, got ${describe(hasGauss)}`);
      }
      checkFinite(name, 'state.cachedGaussian', cachedGaussian);
      gen.key.set(key);
      gen.pos = pos;
      cache.hasGauss = hasGauss;
      cache.gauss = hasGauss ? cachedGaussian : 0;
    },
  };
}

function checkSize(fn: string, size: unknown): number {
  return checkInteger(fn, 'size', size, 0, 2 ** 32 - 1);
}

/** MT19937 tempering of one state word; the result is an int32 (callers shift it unsigned). */
function temper(word: number): number {
  let y = word ^ (word >>> 11);
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  return y ^ (y >>> 18);
}

function nextDouble(gen: Mt19937): number {
  if (gen.pos >= MT19937_STATE_LENGTH) twist(gen);
  const a = temper(gen.words[gen.pos++] as number) >>> 5;
  if (gen.pos >= MT19937_STATE_LENGTH) twist(gen);
  const b = temper(gen.words[gen.pos++] as number) >>> 6;
  return (a * TWO_POW_26 + b) / TWO_POW_53;
}

function twist(gen: Mt19937): void {
  mt19937Twist(gen.words);
  gen.pos = 0;
}

/**
 * Fills `out` with loc + scale·Z by numpy's `legacy_gauss`: a cached variate is used first, and an
 * unused second variate of the last pair is cached for the next call.
 *
 * Works one key (624 words) at a time in two loops. The first tempers four words per attempt, forms
 * x1, x2 = 2U − 1 and r² = x1² + x2², and appends every attempt to the scratch arrays, advancing the
 * write index only when 0 < r² < 1: branch-free, so the ~21 % of rejections cost no mispredicted
 * branch. It stops as soon as it holds as many accepted pairs as the request still needs, so it
 * consumes exactly numpy's words and never one more. The second loop runs the logarithm, square root
 * and division for the accepted pairs with no data-dependent branch, so their latencies overlap.
 * An attempt that straddles a twist (at most one per key) takes the word-by-word path.
 */
function fillGauss(gen: Mt19937, cache: GaussCache, out: Float64Array, loc: number, scale: number): void {
  const n = out.length;
  if (n === 0) return;
  let i = 0;
  if (cache.hasGauss) {
    out[i++] = loc + scale * cache.gauss;
    cache.hasGauss = false;
    cache.gauss = 0;
  }
  if (i === n) return;
  const P = ATTEMPTS_PER_KEY;
  // [x1 of each accepted attempt | x2 … | r² …], P slots each
  const acc = cache.accepted;
  const N = MT19937_STATE_LENGTH;
  const key = gen.words;
  // The position lives in a local while the loops run (V8 keeps it in a register); it is written
  // back before any call that reads gen.pos and at the end.
  let pos = gen.pos;
  while (i < n) {
    const wanted = (n - i + 1) >> 1;
    let m = 0;
    if (pos > N - 4) {
      if (pos === N) {
        mt19937Twist(key);
        pos = 0;
      } else {
        // The attempt straddles a twist (pos is N − 3, N − 2 or N − 1).
        gen.pos = pos;
        const x1 = 2 * nextDouble(gen) - 1;
        const x2 = 2 * nextDouble(gen) - 1;
        pos = gen.pos;
        const r2 = x1 * x1 + x2 * x2;
        if (r2 < 1 && r2 !== 0) {
          acc[0] = x1;
          acc[P] = x2;
          acc[2 * P] = r2;
          m = 1;
        }
      }
    }
    while (m < wanted && pos <= N - 4) {
      const a1 = temper(key[pos] as number) >>> 5;
      const b1 = temper(key[pos + 1] as number) >>> 6;
      const a2 = temper(key[pos + 2] as number) >>> 5;
      const b2 = temper(key[pos + 3] as number) >>> 6;
      pos += 4;
      // (a·2**26 + b)·2**−52 − 1 is exactly 2·((a·2**26 + b) / 2**53) − 1: powers of two scale exactly.
      const x1 = (a1 * TWO_POW_26 + b1) * TWO_POW_MINUS_52 - 1;
      const x2 = (a2 * TWO_POW_26 + b2) * TWO_POW_MINUS_52 - 1;
      const r2 = x1 * x1 + x2 * x2;
      acc[m] = x1;
      acc[P + m] = x2;
      acc[2 * P + m] = r2;
      // r² = 0 needs x1 = x2 = 0 exactly (probability 2**−106): a branch that is never taken.
      if (r2 === 0) continue;
      // +(r2 < 1) is 0 or 1 without a branch, where `if` or `?:` would mispredict on every rejection.
      m += +(r2 < 1);
    }
    for (let k = 0; k < m; k++) {
      const r2 = acc[2 * P + k] as number;
      // numpy: f = sqrt(-2.0 * log(r2) / r2) with the C library's log; see ./accurate-log.ts.
      const f = Math.sqrt((-2 * accurateLog(r2)) / r2);
      out[i++] = loc + scale * (f * (acc[P + k] as number));
      if (i < n) {
        out[i++] = loc + scale * (f * (acc[k] as number));
      } else {
        cache.hasGauss = true;
        cache.gauss = f * (acc[k] as number);
      }
    }
  }
  gen.pos = pos;
}
