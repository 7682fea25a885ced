// The Mersenne Twister MT19937 as numpy's legacy `RandomState` runs it: `init_genrand` seeding
// for an integer seed, the standard twist and tempering, and the 53-bit double built from two words.
// Ports numpy/random/src/mt19937/mt19937.c (`mt19937_seed`, `mt19937_gen`, `mt19937_next32`,
// `mt19937_next_double`); algorithm: Matsumoto & Nishimura (1998), ACM TOMACS 8(1).

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
 * The generator's state: the 624-word key and the position of the next word to temper. Same shape
 * as the `key` and `pos` of numpy's `RandomState.get_state()`.
 */
export interface Mt19937 {
  /** The 624 state words. */
  key: Uint32Array;
  /** The same memory as `key` seen as int32, so the hot loops stay in V8's small-integer arithmetic. */
  words: Int32Array;
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
  return { key, words: new Int32Array(key.buffer, key.byteOffset, N), pos: N };
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

/**
 * Regenerates all 624 words of the key in place (the MT19937 "twist"), as numpy's `mt19937_gen`.
 * Bitwise operations do not care about signedness, so the int32 view gives the same words.
 *
 * The loops take two words per iteration and carry the word loaded as `next` into the following
 * iteration, which saves a third of the loads and half of the loop overhead (about 13 % of the
 * twist's time in V8, which does not unroll loops itself).
 *
 * @param key - The 624-word state as int32 (`gen.words`), updated in place.
 * @example
 * const g = mt19937Create(0);
 * mt19937Twist(g.words); // g.key now holds the next 624 untempered words
 */
export function mt19937Twist(key: Int32Array): void {
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
    mt19937Twist(gen.words);
    gen.pos = 0;
  }
  let y = gen.words[gen.pos++] as number;
  y ^= y >>> 11;
  y ^= (y << 7) & 0x9d2c5680;
  y ^= (y << 15) & 0xefc60000;
  y ^= y >>> 18;
  return y >>> 0;
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
