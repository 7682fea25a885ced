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
  const cache: GaussCache = { hasGauss: false, gauss: 0 };

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

/** Below this many draws the per-call block of doubles is not worth computing. */
const BLOCK_MIN = 256;

/**
 * Fills `out` with loc + scale·Z by numpy's `legacy_gauss`: a cached variate is used first, and an
 * unused second variate of the last pair is cached for the next call.
 *
 * For large requests the doubles 2U − 1 of the whole key are computed in one tight pass after each
 * twist (and once for the rest of the current key), and the polar loop reads them from that block;
 * attempts that straddle a twist, and a stream left at an odd word by setState, take the word-by-word
 * path. Both paths consume exactly numpy's words in numpy's order.
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
  const N = MT19937_STATE_LENGTH;
  const key = gen.words;
  // The position lives in a local while the loop runs (V8 keeps it in a register); it is written
  // back before any call that reads gen.pos and at the end.
  let pos = gen.pos;
  const block = n - i >= BLOCK_MIN && (pos & 1) === 0 ? new Float64Array(N >> 1) : null;
  if (block !== null && pos < N) fillBlock(key, block, pos);
  while (i < n) {
    let x1 = 0;
    let x2 = 0;
    let r2 = 0;
    for (;;) {
      if (block !== null && pos <= N - 4) {
        const q = pos >> 1;
        x1 = block[q] as number;
        x2 = block[q + 1] as number;
        pos += 4;
      } else if (block !== null && pos === N) {
        mt19937Twist(key);
        pos = 0;
        fillBlock(key, block, 0);
        continue;
      } else if (pos <= N - 4) {
        // Word by word: the four words of this attempt are all in the current key.
        const a1 = temper(key[pos] as number) >>> 5;
        const b1 = temper(key[pos + 1] as number) >>> 6;
        const a2 = temper(key[pos + 2] as number) >>> 5;
        const b2 = temper(key[pos + 3] as number) >>> 6;
        pos += 4;
        // (a·2**26 + b)·2**−52 − 1 is exactly 2·((a·2**26 + b) / 2**53) − 1: powers of two scale exactly.
        x1 = (a1 * TWO_POW_26 + b1) * TWO_POW_MINUS_52 - 1;
        x2 = (a2 * TWO_POW_26 + b2) * TWO_POW_MINUS_52 - 1;
      } else {
        // The attempt straddles a twist.
        gen.pos = pos;
        x1 = 2 * nextDouble(gen) - 1;
        x2 = 2 * nextDouble(gen) - 1;
        if (block !== null && gen.pos < pos) fillBlock(key, block, 0);
        pos = gen.pos;
      }
      r2 = x1 * x1 + x2 * x2;
      if (r2 < 1 && r2 !== 0) break;
    }
    // numpy: f = sqrt(-2.0 * log(r2) / r2) with the C library's log; see ./accurate-log.ts.
    const f = Math.sqrt((-2 * accurateLog(r2)) / r2);
    out[i++] = loc + scale * (f * x2);
    if (i < n) {
      out[i++] = loc + scale * (f * x1);
    } else {
      cache.hasGauss = true;
      cache.gauss = f * x1;
    }
  }
  gen.pos = pos;
}

/** block[q] = 2U − 1 for the double made of words 2q and 2q + 1, for every q from word `from` on. */
function fillBlock(key: Int32Array, block: Float64Array, from: number): void {
  const m = block.length;
  for (let q = from >> 1; q < m; q++) {
    const a = temper(key[2 * q] as number) >>> 5;
    const b = temper(key[2 * q + 1] as number) >>> 6;
    block[q] = (a * TWO_POW_26 + b) * TWO_POW_MINUS_52 - 1;
  }
}
