// numpy's legacy Marsaglia–Tsang gamma (shape > 1) and the samplers built on it, beta (two gammas)
// and Student's t (a Gaussian over a gamma), run in batches, the Gaussians (the polar method of
// `legacy_gauss`, cached second variate included) and the uniforms read straight from the key. Called
// per draw, the same work went through four function calls and as many state writes per variate
// (2–4× numpy's time); the order of the words consumed is numpy's exactly. The words of a round of
// draws are read ahead and the polar logarithms taken in one loop, as the batched normal generator
// does, before the draws are made in order: speculativeRound for gamma and beta (their Gaussians and
// uniforms alternate), studentTRound for Student's t (one polar pair and one uniform per draw).

import { accurateLog, accurateLogAll, accurateLogInPlace } from './accurate-log.ts';
import { gammaMarsagliaTsang } from './legacy-distributions.ts';
import { type GaussCache, legacyGauss, nextDouble } from './legacy-stream.ts';
import { MT19937_STATE_LENGTH, mt19937Twist, type Mt19937 } from './mt19937.ts';

const N = MT19937_STATE_LENGTH;
const TWO_POW_MINUS_26 = 1.4901161193847656e-8;
const TWO_POW_MINUS_27 = 7.450580596923828e-9;
const TWO_POW_MINUS_52 = 2.220446049250313e-16;
const TWO_POW_MINUS_53 = 1.1102230246251565e-16;

/**
 * `legacy_double` of the two words at key[pos], key[pos + 1]: ((a >> 5)·2**26 + (b >> 6))·2**−53, as
 * a·2**−27 + b·2**−53 (both products and their 53-bit sum are exact; fewer operations in V8).
 */
function unitDouble(tempered: Int32Array, pos: number): number {
  return ((tempered[pos] as number) >>> 5) * TWO_POW_MINUS_27 + ((tempered[pos + 1] as number) >>> 6) * TWO_POW_MINUS_53;
}

/** Twice unitDouble, exactly (the polar method's 2U before − 1). */
function twiceUnitDouble(tempered: Int32Array, pos: number): number {
  return ((tempered[pos] as number) >>> 5) * TWO_POW_MINUS_26 + ((tempered[pos + 1] as number) >>> 6) * TWO_POW_MINUS_52;
}

/** What each output is: scale·G (`legacy_gamma`), Ga/(Ga + Gb) (`legacy_beta`), root·Z/√G (`legacy_standard_t`). */
export type MarsagliaTsangOutput = 'gamma' | 'beta' | 'studentT';

/**
 * The constants of `legacy_standard_gamma` for a shape > 1: b = shape − 1/3, c = 1/√(9b), as C
 * computes them.
 *
 * @param shape - The shape, > 1.
 * @returns [b, c].
 * @example
 * marsagliaTsangConstants(2); // => [1.6666666666666667, 0.2581988897471611]
 */
export function marsagliaTsangConstants(shape: number): [number, number] {
  const b = shape - 1 / 3;
  return [b, 1 / Math.sqrt(9 * b)];
}

/**
 * Fills `out` with numpy's legacy draws built on Marsaglia–Tsang gammas of shapes > 1:
 * 'gamma': factor·G(b1); 'beta': Ga/(Ga + Gb) with Ga = G(b1), Gb = G(b2), drawn in that order;
 * 'studentT': factor·Z/√G(b1) with the Gaussian Z drawn first. G(b) is `legacy_standard_gamma`'s
 * shape > 1 branch: X Gaussian until V = 1 + cX > 0, V ← V³, U uniform, accepted when
 * U < 1 − 0.0331X⁴ or ln U < X²/2 + b(1 − V + ln V), giving bV.
 *
 * @param gen - The generator.
 * @param cache - The stream's Gaussian cache, read and updated as numpy's `legacy_gauss` does.
 * @param out - Filled in full.
 * @param output - Which sampler.
 * @param b1 - shape − 1/3 of the (first) gamma; see marsagliaTsangConstants.
 * @param c1 - 1/√(9·b1).
 * @param b2 - shape − 1/3 of the second gamma ('beta'; ignored otherwise).
 * @param c2 - 1/√(9·b2).
 * @param factor - The scale ('gamma'), √(df/2) ('studentT'); ignored for 'beta'.
 * @example
 * const [b, c] = marsagliaTsangConstants(2);
 * fillMarsagliaTsang(mt19937Create(42), cache, out, 'gamma', b, c, 0, 0, 1); // out[0] = 2.3936793898692366
 */
export function fillMarsagliaTsang(
  gen: Mt19937,
  cache: GaussCache,
  out: Float64Array,
  output: MarsagliaTsangOutput,
  b1: number,
  c1: number,
  b2: number,
  c2: number,
  factor: number,
): void {
  const job: Job = { kind: output === 'gamma' ? GAMMA : output === 'beta' ? BETA : STUDENT_T, b1, c1, b2, c2, factor };
  if (job.kind === STUDENT_T) {
    for (let i = 0; i < out.length; ) i = studentTRound(gen, cache, out, i, b1, c1, factor);
    return;
  }
  const spec = newSpeculation();
  const progress: Progress = { i: 0, part: 0, first: 0 };
  while (progress.i < out.length) speculativeRound(gen, cache, out, job, spec, progress);
}

/** Gaussian–uniform pairs per speculative round. */
const OPS = 128;
/** pair and half of an op drawn word by word at a twist (see speculativeRound). */
const SLOW = 255;

/**
 * One round's speculation: op k is a Gaussian then a uniform (the order in which a gamma, and a beta's
 * two gammas, consume them unless V = 1 + cX ≤ 0). The Gaussian of op k is f·x2 of polar pair
 * pair[k] (half 0, a fresh pair) or f·x1 of it (half 1, the cached one; pair −1 is the Gaussian
 * cached before the round); posG/posU are the stream positions after op k's Gaussian and uniform.
 */
interface Speculation {
  pair: Int32Array;
  half: Uint8Array;
  u: Float64Array;
  posG: Int32Array;
  posU: Int32Array;
  x1: Float64Array;
  x2: Float64Array;
  r2: Float64Array;
  f: Float64Array;
}

function newSpeculation(): Speculation {
  return {
    pair: new Int32Array(OPS),
    half: new Uint8Array(OPS),
    u: new Float64Array(OPS),
    posG: new Int32Array(OPS),
    posU: new Int32Array(OPS),
    x1: new Float64Array(OPS),
    x2: new Float64Array(OPS),
    r2: new Float64Array(OPS),
    f: new Float64Array(OPS),
  };
}

/** Where the filling stands between rounds: the next output, and for beta the gamma in progress and Ga. */
interface Progress {
  i: number;
  part: number;
  first: number;
}

/**
 * One round of the gamma and beta samplers: (1) walk the key ahead, reading the words of up to OPS
 * Gaussian–uniform ops (polar attempts until one is accepted, or the cached Gaussian; then two words);
 * (2) take the logarithms and square roots of all the round's polar pairs in one loop, where their
 * latencies overlap; (3) run Marsaglia–Tsang over the ops in order. The walk assumes each Gaussian is
 * followed by a uniform, which holds for every draw and every rejection except V ≤ 0 (another Gaussian
 * follows at once): there the round stops after that Gaussian, and the next round starts from it. The
 * stream position and Gaussian cache are then set to those after the last op used, so the words
 * consumed are numpy's exactly; the ops walked past it are read again next round.
 */
function speculativeRound(gen: Mt19937, cache: GaussCache, out: Float64Array, job: Job, s: Speculation, progress: Progress): void {
  const tempered = gen.tempered;
  if (gen.pos === N) {
    // A spent key: twist now (numpy's next word would), so the round can walk the new one.
    mt19937Twist(gen);
    gen.pos = 0;
  }
  let pos = gen.pos;
  let hasGauss = cache.hasGauss;
  let pending = -1; // the pair whose f·x1 is cached, or −1 for the cache's own value
  let ops = 0;
  let pairs = 0;
  while (ops < OPS) {
    if (hasGauss) {
      s.pair[ops] = pending;
      s.half[ops] = 1;
      hasGauss = false;
    } else {
      let x1 = 0;
      let x2 = 0;
      let r2 = 0;
      let found = false;
      while (pos <= N - 4) {
        x1 = twiceUnitDouble(tempered, pos) - 1;
        x2 = twiceUnitDouble(tempered, pos + 2) - 1;
        pos += 4;
        r2 = x1 * x1 + x2 * x2;
        if (r2 < 1 && r2 !== 0) {
          found = true;
          break;
        }
      }
      if (!found) break;
      s.x1[pairs] = x1;
      s.x2[pairs] = x2;
      s.r2[pairs] = r2;
      s.pair[ops] = pairs;
      s.half[ops] = 0;
      pending = pairs++;
      hasGauss = true;
    }
    s.posG[ops] = pos;
    if (pos > N - 2) break;
    s.u[ops] = unitDouble(tempered, pos);
    pos += 2;
    s.posU[ops++] = pos;
  }
  let slowX = 0;
  if (ops === 0) {
    // Too few words before the twist for one op: its Gaussian by legacyGauss (which sets the cache),
    // its uniform only if V > 0 (the twist it may cause cannot be undone).
    slowX = legacyGauss(gen, cache);
    if (1 + (progress.part === 1 ? job.c2 : job.c1) * slowX <= 0) return;
    s.pair[0] = SLOW;
    s.half[0] = SLOW;
    s.posG[0] = gen.pos;
    s.u[0] = nextDouble(gen);
    s.posU[0] = gen.pos;
    ops = 1;
    pairs = 0;
  }
  // f = √(−2 ln r² / r²): the logarithms as one accurateLogInPlace loop (−2·ln r² is exact).
  for (let p = 0; p < pairs; p++) s.f[p] = s.r2[p] as number;
  accurateLogInPlace(s.f, 0, pairs, -2);
  for (let p = 0; p < pairs; p++) s.f[p] = Math.sqrt((s.f[p] as number) / (s.r2[p] as number));
  const { kind, b1, c1, b2, c2, factor } = job;
  const n = out.length;
  let { i, part, first } = progress;
  let k = 0;
  let deviated = false;
  while (k < ops && i < n) {
    const b = part === 1 ? b2 : b1;
    const c = part === 1 ? c2 : c1;
    const p = s.pair[k] as number;
    const X = p === SLOW ? slowX : p < 0 ? cache.gauss : (s.f[p] as number) * ((s.half[k] === 0 ? s.x2[p] : s.x1[p]) as number);
    let V = 1 + c * X;
    if (V <= 0) {
      deviated = true;
      break;
    }
    V = V * V * V;
    const U = s.u[k] as number;
    k++;
    if (U < 1 - 0.0331 * (X * X) * (X * X) || (U > 0 ? accurateLogAll(U) : Number.NEGATIVE_INFINITY) < 0.5 * X * X + b * (1 - V + accurateLogAll(V))) {
      const value = b * V;
      if (kind === GAMMA) out[i++] = factor * value;
      else if (part === 0) {
        first = value;
        part = 1;
      } else {
        out[i++] = first / (first + value);
        part = 0;
      }
    }
  }
  progress.i = i;
  progress.part = part;
  progress.first = first;
  // The state after the last op used: after its uniform, or after the Gaussian that gave V ≤ 0.
  const last = deviated ? k : k - 1;
  if (last < 0) return;
  gen.pos = deviated ? (s.posG[last] as number) : (s.posU[last] as number);
  const p = s.pair[last] as number;
  if (p === SLOW) return; // legacyGauss has set the cache
  if (s.half[last] === 0) {
    cache.hasGauss = true;
    cache.gauss = (s.f[p] as number) * (s.x1[p] as number);
  } else {
    cache.hasGauss = false;
    cache.gauss = 0;
  }
}

const GAMMA = 0;
const BETA = 1;
const STUDENT_T = 2;

/** fillMarsagliaTsang's request, its output kind as a small integer. */
interface Job {
  kind: number;
  b1: number;
  c1: number;
  b2: number;
  c2: number;
  factor: number;
}

/**
 * Draws per Student's t round. A round ends at the first gamma that needs a second attempt (≈ 1.4 %
 * of draws for df = 5), and the draws walked past it are walked again next round: rounds of up
 * to a key's ~88 draws wasted much of the walking that way; 32 balances that against the cost of a
 * round (standardT(5, 1e6): 57–59 ms at 128, 50–51 at 32, 52–53 at 16, 55 at 48).
 */
const T_DRAWS = 32;
/** Scratch of studentTRound, one slot per draw: the polar pair (x1, x2, r², then f), the uniform, the position after it. */
const T_X1 = new Float64Array(T_DRAWS);
const T_X2 = new Float64Array(T_DRAWS);
const T_R2 = new Float64Array(T_DRAWS);
const T_F = new Float64Array(T_DRAWS);
const T_U = new Float64Array(T_DRAWS);
const T_POS = new Int32Array(T_DRAWS);

/**
 * One round of `legacy_standard_t` (df/2 > 1): root·Z/√G, Z = legacy_gauss, G the Marsaglia–Tsang
 * gamma. Each draw whose gamma is accepted at its first attempt takes exactly one new polar pair and
 * one uniform, whichever half of a pair is cached going in: with the cache empty Z = f·x2 and X = f·x1
 * of the new pair; with a Gaussian g cached, Z = g, X = f·x2 and f·x1 is cached after it. So the round
 * walks the key ahead, reading a polar pair (attempts until one is accepted) and a uniform per draw,
 * takes the pairs' logarithms in one accurateLogInPlace loop, then makes the draws in order. At the
 * first gamma attempt that is not accepted (V ≤ 0 or the tests fail, ≈ 1.4 % of draws for df = 5),
 * the stream and cache are set to where numpy stands after it and that draw's gamma is finished by
 * gammaMarsagliaTsang; the round ends there (the words walked past it are read again next round), as
 * it does at the end of the key, where a draw too close to the twist is made by the per-draw
 * functions. Returns the next output index.
 */
function studentTRound(gen: Mt19937, cache: GaussCache, out: Float64Array, i0: number, b: number, c: number, root: number): number {
  const tempered = gen.tempered;
  if (gen.pos === N) {
    mt19937Twist(gen);
    gen.pos = 0;
  }
  let pos = gen.pos;
  const want = Math.min(T_DRAWS, out.length - i0);
  const x1s = T_X1;
  const x2s = T_X2;
  const r2s = T_R2;
  const fs = T_F;
  const us = T_U;
  const ends = T_POS;
  let d = 0;
  while (d < want) {
    let x1 = 0;
    let x2 = 0;
    let r2 = 0;
    let found = false;
    while (pos <= N - 4) {
      x1 = twiceUnitDouble(tempered, pos) - 1;
      x2 = twiceUnitDouble(tempered, pos + 2) - 1;
      pos += 4;
      r2 = x1 * x1 + x2 * x2;
      if (r2 < 1 && r2 !== 0) {
        found = true;
        break;
      }
    }
    if (!found || pos > N - 2) break;
    x1s[d] = x1;
    x2s[d] = x2;
    r2s[d] = r2;
    fs[d] = r2;
    us[d] = unitDouble(tempered, pos);
    pos += 2;
    ends[d++] = pos;
  }
  if (d === 0) {
    // Too few words before the twist for one draw: numpy's order, draw by draw.
    const z = legacyGauss(gen, cache);
    out[i0] = (root * z) / Math.sqrt(gammaMarsagliaTsang(gen, cache, b, c));
    return i0 + 1;
  }
  // f = √(−2 ln r² / r²) (−2·ln r² is exact).
  accurateLogInPlace(fs, 0, d, -2);
  let has = cache.hasGauss;
  let g = cache.gauss;
  let i = i0;
  for (let k = 0; k < d; k++) {
    const f = Math.sqrt((fs[k] as number) / (r2s[k] as number));
    let Z: number;
    let X: number;
    if (has) {
      Z = g;
      X = f * (x2s[k] as number);
      g = f * (x1s[k] as number);
    } else {
      Z = f * (x2s[k] as number);
      X = f * (x1s[k] as number);
    }
    let V = 1 + c * X;
    let accepted = false;
    let posAfter = ends[k] as number;
    if (V <= 0) {
      // Rejected before its uniform: the stream stands after X.
      posAfter -= 2;
    } else {
      V = V * V * V;
      const U = us[k] as number;
      // C's log(0) is −Infinity.
      accepted = U < 1 - 0.0331 * (X * X) * (X * X) || (U > 0 ? accurateLogAll(U) : Number.NEGATIVE_INFINITY) < 0.5 * X * X + b * (1 - V + accurateLogAll(V));
    }
    if (accepted) {
      // numpy: sqrt(df/2) * num / sqrt(denom).
      out[i++] = (root * Z) / Math.sqrt(b * V);
      continue;
    }
    gen.pos = posAfter;
    cache.hasGauss = has;
    cache.gauss = has ? g : 0;
    out[i++] = (root * Z) / Math.sqrt(gammaMarsagliaTsang(gen, cache, b, c));
    return i;
  }
  gen.pos = ends[d - 1] as number;
  cache.hasGauss = has;
  cache.gauss = has ? g : 0;
  return i;
}

/**
 * Fills `out` with scale·G for numpy's `legacy_standard_gamma` with 0 < shape < 1 (Ahrens–Dieter GS,
 * as gammaSmallShape in ./legacy-distributions.ts: U, then V exponential; U ≤ 1 − a gives X = U^(1/a),
 * accepted when X ≤ V; else Y = −ln((1 − U)/a), X = (1 − a + aY)^(1/a), accepted when X ≤ V + Y), the
 * doubles read straight from the key.
 *
 * Every attempt takes exactly four words (U, then W for V = −ln(1 − W)), so smallShapeKey reads all
 * the attempts left in the current key ahead, takes their logarithms in two accurateLogInPlace loops,
 * then accepts or rejects them in order and sets the position after the last one used: the words
 * consumed are numpy's. An attempt that straddles a twist goes word by word.
 *
 * @param gen - The generator.
 * @param out - Filled in full.
 * @param shape - The shape, in (0, 1).
 * @param scale - The scale ≥ 0.
 * @example
 * fillGammaSmallShape(mt19937Create(0), out, 0.3, 1); // out[0] = 0.13533681858277738
 */
export function fillGammaSmallShape(gen: Mt19937, out: Float64Array, shape: number, scale: number): void {
  const inv = 1 / shape;
  let i = 0;
  while (i < out.length) {
    if (gen.pos === N) {
      mt19937Twist(gen);
      gen.pos = 0;
    }
    if (gen.pos <= N - 4) {
      i = smallShapeKey(gen, out, i, shape, inv, scale);
      continue;
    }
    // An attempt across the twist.
    const U = nextDouble(gen);
    const V = -accurateLog(1 - nextDouble(gen));
    if (U <= 1 - shape) {
      const X = Math.pow(U, inv);
      if (X <= V) out[i++] = scale * X;
    } else {
      const Y = -accurateLogAll((1 - U) / shape);
      const X = Math.pow(1 - shape + shape * Y, inv);
      if (X <= V + Y) out[i++] = scale * X;
    }
  }
}

/** Scratch of smallShapeKey, one slot per attempt of a key: U; 1 − W, then V; (1 − U)/a, then Y (listed). */
const SMALL_U = new Float64Array(N >> 2);
const SMALL_V = new Float64Array(N >> 2);
const SMALL_Y = new Float64Array(N >> 2);

/** The attempts left in the current key (see fillGammaSmallShape); returns the next output index. */
function smallShapeKey(gen: Mt19937, out: Float64Array, i0: number, shape: number, inv: number, scale: number): number {
  const tempered = gen.tempered;
  const pos0 = gen.pos;
  const attempts = (N - pos0) >> 2;
  const u = SMALL_U;
  const v = SMALL_V;
  const y = SMALL_Y;
  // (1 − U)/a, in (0, 1), only for the attempts with U > 1 − a (a share a of them), listed in their order: a small
  // shape's logarithms then cost a fraction of the attempts' instead of one each.
  let m = 0;
  for (let k = 0; k < attempts; k++) {
    const U = unitDouble(tempered, pos0 + 4 * k);
    u[k] = U;
    // legacy_standard_exponential: −ln(1 − W), 1 − W exact and in (0, 1].
    v[k] = 1 - unitDouble(tempered, pos0 + 4 * k + 2);
    if (U > 1 - shape) y[m++] = (1 - U) / shape;
  }
  // −1·ln x is −ln x exactly.
  accurateLogInPlace(v, 0, attempts, -1);
  accurateLogInPlace(y, 0, m, -1);
  let i = i0;
  let k = 0;
  let j = 0;
  while (k < attempts && i < out.length) {
    const U = u[k] as number;
    const V = v[k] as number;
    k++;
    if (U <= 1 - shape) {
      const X = Math.pow(U, inv);
      if (X <= V) out[i++] = scale * X;
    } else {
      const Y = y[j++] as number;
      const X = Math.pow(1 - shape + shape * Y, inv);
      if (X <= V + Y) out[i++] = scale * X;
    }
  }
  gen.pos = pos0 + 4 * k;
  return i;
}
