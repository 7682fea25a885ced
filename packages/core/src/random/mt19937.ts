// The Mersenne Twister MT19937 as numpy's legacy `RandomState` runs it: `init_genrand` seeding
// for an integer seed, the standard twist and tempering, and the 53-bit double built from two words.
// Ports numpy/random/src/mt19937/mt19937.c (`mt19937_seed`, `mt19937_gen`, `mt19937_next32`,
// `mt19937_next_double`); algorithm: Matsumoto & Nishimura (1998), ACM TOMACS 8(1).

import { createSimdTwist } from './mt19937-simd.ts';

/** Words in the MT19937 state vector (numpy's `RK_STATE_LEN`). */
export const MT19937_STATE_LENGTH = 624;

const N = MT19937_STATE_LENGTH;
const M = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;
/** 2**26: the high 27-bit word is shifted past the low 26 bits. */
const TWO_POW_26 = 67108864;
/** 2**53: divides the 53-bit integer into [0, 1). */
const TWO_POW_53 = 9007199254740992;

/**
 * The generator's state: the 624-word key and the position of the next word to use (the `key` and
 * `pos` of numpy's `RandomState.get_state()`), and the key's words tempered, which the samplers read.
 */
export interface Mt19937 {
  /** The 624 state words. */
  key: Uint32Array;
  /** The same memory as `key` seen as int32, so the hot loops stay in V8's small-integer arithmetic. */
  words: Int32Array;
  /**
   * Each word of the key tempered, as int32 (`tempered[i] >>> 0` is numpy's `mt19937_next32` at
   * position i). mt19937Twist and mt19937SetState keep it in step with the key: write the key
   * through them, never directly.
   */
  tempered: Int32Array;
  /** Index of the next word to use; 624 means the key must be twisted first. */
  pos: number;
}

/**
 * Creates an MT19937 generator seeded with `init_genrand(seed)`, as `np.random.RandomState(seed)`.
 *
 * The key is filled by `key[0] = seed`, `key[i] = 1812433253·(key[i−1] ⊕ (key[i−1] >> 30)) + i`
 * (mod 2**32), and `pos = 624` so the first draw twists the whole key.
 *
 * @param seed - An integer in [0, 2**32 − 1]; the caller validates it.
 * @returns A fresh generator state.
 * @example
 * mt19937Create(42).key[1]; // => 3107752595
 */
export function mt19937Create(seed: number): Mt19937 {
  const key = new Uint32Array(N);
  let s = seed >>> 0;
  for (let i = 0; i < N; i++) {
    key[i] = s;
    // Math.imul keeps the low 32 bits of the product, which is exactly the C uint32 arithmetic.
    s = (Math.imul(1812433253, s ^ (s >>> 30)) + i + 1) >>> 0;
  }
  // pos = N: nothing is read from `tempered` before the first twist fills it.
  return { key, words: new Int32Array(key.buffer, key.byteOffset, N), tempered: new Int32Array(N), pos: N };
}

/**
 * One word of the twist: far ⊕ (y >> 1) ⊕ (MATRIX_A if y is odd), where y joins the top bit of
 * `cur` to the low 31 bits of `next` (`mt19937_gen`'s loop body, as int32).
 */
function twistWord(cur: number, next: number, far: number): number {
  const y = (cur & UPPER_MASK) | (next & LOWER_MASK);
  // (y << 31) >> 31 is −1 when y is odd and 0 when it is even: the mask of `-(y & 1) & MATRIX_A`.
  return far ^ (y >>> 1) ^ (((y << 31) >> 31) & MATRIX_A);
}

/** The SIMD twist once tried: a function, or null where it cannot run (undefined until first use). */
let simdTwist: ((key: Int32Array, tempered: Int32Array) => void) | null | undefined;

/**
 * Regenerates all 624 words of the key in place (the MT19937 "twist"), as numpy's `mt19937_gen`, and
 * tempers them into `gen.tempered`: through the WebAssembly SIMD function of ./mt19937-simd.ts where
 * it can run (about a quarter of the time), otherwise by mt19937TwistScalar and a tempering loop. Both
 * give the same words. Leaves `pos` to the caller.
 *
 * @param gen - The generator; its key and tempered words are updated.
 * @example
 * const g = mt19937Create(0);
 * mt19937Twist(g); // g.key holds the next 624 untempered words, g.tempered those tempered
 */
export function mt19937Twist(gen: Mt19937): void {
  if (simdTwist === undefined) simdTwist = createSimdTwist(N, M, MATRIX_A) ?? null;
  if (simdTwist === null) {
    mt19937TwistScalar(gen.words);
    mt19937Temper(gen);
  } else {
    simdTwist(gen.words, gen.tempered);
  }
}

/**
 * MT19937's tempering of one state word (y ⊕= y >> 11, (y << 7) & 0x9d2c5680, (y << 15) & 0xefc60000,
 * y >> 18); the result is an int32 (callers shift it unsigned).
 *
 * @param word - A state word (int32 or uint32).
 * @returns The tempered word as int32.
 * @example
 * temper(0) >>> 0; // => 0
 */
export function temper(word: number): number {
  let y = word ^ (word >>> 11);
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  return y ^ (y >>> 18);
}

/**
 * Sets the generator to a saved state (numpy's `key` and `pos`), its tempered words included.
 *
 * @param gen - The generator.
 * @param key - 624 words, each in [0, 2**32 − 1] (the caller validates them).
 * @param pos - The position, 0 … 624.
 * @example
 * mt19937SetState(g, saved.key, saved.pos); // g continues where saved left off
 */
export function mt19937SetState(gen: Mt19937, key: ArrayLike<number>, pos: number): void {
  gen.key.set(key);
  mt19937Temper(gen);
  gen.pos = pos;
}

/** Fills `gen.tempered` from the key (mt19937Twist and mt19937SetState call it; it is the scalar fallback's tempering). */
function mt19937Temper(gen: Mt19937): void {
  const { words, tempered } = gen;
  for (let i = 0; i < N; i++) tempered[i] = temper(words[i] as number);
}

/**
 * The twist as a scalar loop (mt19937Twist where WebAssembly SIMD cannot run; the tests compare the two).
 * Bitwise operations do not care about signedness, so the int32 view gives the same words.
 *
 * The loops take two words per iteration and carry the word loaded as `next` into the following
 * iteration, which saves a third of the loads and half of the loop overhead (about 13 % of the
 * twist's time in V8, which does not unroll loops itself).
 *
 * @param key - The 624-word state as int32 (`gen.words`), updated in place.
 * @example
 * const g = mt19937Create(0);
 * mt19937TwistScalar(g.words); // g.key now holds the next 624 untempered words
 */
export function mt19937TwistScalar(key: Int32Array): void {
  let cur = key[0] as number;
  let i = 0;
  // i = 0 … 225 in pairs (N − M = 227 is odd), then i = 226 alone: key[i + M] is not yet twisted.
  for (; i < N - M - 1; i += 2) {
    const next = key[i + 1] as number;
    const after = key[i + 2] as number;
    key[i] = twistWord(cur, next, key[i + M] as number);
    key[i + 1] = twistWord(next, after, key[i + M + 1] as number);
    cur = after;
  }
  const last = key[i + 1] as number;
  key[i] = twistWord(cur, last, key[i + M] as number);
  cur = last;
  i++;
  // i = 227 … 622 in pairs (396 words): key[i + M − N] was twisted above.
  for (; i < N - 1; i += 2) {
    const next = key[i + 1] as number;
    const after = key[i + 2] as number;
    key[i] = twistWord(cur, next, key[i + M - N] as number);
    key[i + 1] = twistWord(next, after, key[i + M - N + 1] as number);
    cur = after;
  }
  key[N - 1] = twistWord(cur, key[0] as number, key[M - 1] as number);
}

/**
 * Returns the next tempered 32-bit word, twisting the key when it is used up (`mt19937_next32`).
 *
 * @param gen - The generator; its `pos` advances by one.
 * @returns An integer in [0, 2**32 − 1].
 * @example
 * mt19937NextUint32(mt19937Create(42)); // => 1608637542
 */
export function mt19937NextUint32(gen: Mt19937): number {
  if (gen.pos >= N) {
    mt19937Twist(gen);
    gen.pos = 0;
  }
  return (gen.tempered[gen.pos++] as number) >>> 0;
}

/**
 * Returns the next double in [0, 1) with 53 random bits (`mt19937_next_double`, i.e. numpy's
 * `random_sample`): `((a >> 5)·2**26 + (b >> 6)) / 2**53` from two consecutive words a, b.
 *
 * @param gen - The generator; its `pos` advances by two.
 * @returns A double in [0, 1).
 * @example
 * mt19937NextDouble(mt19937Create(42)); // => 0.3745401188473625
 */
export function mt19937NextDouble(gen: Mt19937): number {
  const a = mt19937NextUint32(gen) >>> 5;
  const b = mt19937NextUint32(gen) >>> 6;
  return (a * TWO_POW_26 + b) / TWO_POW_53;
}
