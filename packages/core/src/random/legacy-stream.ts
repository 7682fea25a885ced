// The pieces of numpy's legacy `RandomState` stream that every sampler shares: the 53-bit double
// (`legacy_double`, i.e. `mt19937_next_double`) and the polar Gaussian with its cached second
// variate (`legacy_gauss`). Ports numpy/random/src/legacy/legacy-distributions.c.

import { accurateLog } from './accurate-log.ts';
import { MT19937_STATE_LENGTH, mt19937Twist, type Mt19937 } from './mt19937.ts';

/** a·2^-27 + b·2^-53 is exactly (a·2^26 + b)·2^-53 (both products and the 53-bit sum are exact) and cheaper in V8. */
const TWO_POW_MINUS_27 = 7.450580596923828e-9;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * The Gaussian cache of numpy's `aug_bitgen_t` (`has_gauss`, `gauss`) plus scratch for the batched
 * normal generator; one per stream, shared by every sampler that draws Gaussians.
 */
export interface GaussCache {
  hasGauss: boolean;
  gauss: number;
  /** Scratch for the accepted polar pairs of one key (see fillGauss in ./random-state.ts). */
  accepted: Float64Array;
}

/**
 * The next double in [0, 1) from two words, `((a >> 5)·2**26 + (b >> 6)) / 2**53`
 * (numpy's `legacy_double`).
 *
 * @param gen - The generator; its position advances by two words.
 * @returns A double in [0, 1) on the 2^-53 grid.
 * @example
 * nextDouble(mt19937Create(42)); // => 0.3745401188473625
 */
export function nextDouble(gen: Mt19937): number {
  const pos = gen.pos;
  // One bounds check for both words; the twist is the rare slow path.
  if (pos > MT19937_STATE_LENGTH - 2) return nextDoubleAcrossTwist(gen);
  const tempered = gen.tempered;
  const a = (tempered[pos] as number) >>> 5;
  const b = (tempered[pos + 1] as number) >>> 6;
  gen.pos = pos + 2;
  // ·2^-53 is exactly /2^53 (a power of two) and cheaper.
  return a * TWO_POW_MINUS_27 + b * TWO_POW_MINUS_53;
}

/** nextDouble when fewer than two words are left before a twist. */
function nextDoubleAcrossTwist(gen: Mt19937): number {
  if (gen.pos >= MT19937_STATE_LENGTH) {
    mt19937Twist(gen);
    gen.pos = 0;
  }
  const a = (gen.tempered[gen.pos++] as number) >>> 5;
  if (gen.pos >= MT19937_STATE_LENGTH) {
    mt19937Twist(gen);
    gen.pos = 0;
  }
  const b = (gen.tempered[gen.pos++] as number) >>> 6;
  return a * TWO_POW_MINUS_27 + b * TWO_POW_MINUS_53;
}

/**
 * One standard normal variate by numpy's `legacy_gauss`: the cached variate if there is one,
 * otherwise the polar method (x1, x2 = 2U − 1 until 0 < r² < 1, f = √(−2 ln r² / r²)), returning
 * f·x2 and caching f·x1.
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache, read and updated.
 * @returns A standard normal variate.
 * @example
 * legacyGauss(mt19937Create(42), { hasGauss: false, gauss: 0, accepted: new Float64Array(0) }); // => 0.4967141530112327
 */
export function legacyGauss(gen: Mt19937, cache: GaussCache): number {
  if (cache.hasGauss) {
    const g = cache.gauss;
    cache.hasGauss = false;
    cache.gauss = 0;
    return g;
  }
  let x1 = 0;
  let x2 = 0;
  let r2 = 0;
  do {
    x1 = 2 * nextDouble(gen) - 1;
    x2 = 2 * nextDouble(gen) - 1;
    r2 = x1 * x1 + x2 * x2;
  } while (r2 >= 1 || r2 === 0);
  const f = Math.sqrt((-2 * accurateLog(r2)) / r2);
  cache.gauss = f * x1;
  cache.hasGauss = true;
  return f * x2;
}
